package org.practicalpartnerships.handbook.outputs;

/**
 * What a listed page gives the search index and the print page, made while its parsed body is at
 * hand (so a page's HTML is parsed once), as UTF-8.
 *
 * @param searchEntry its entry in the search index ({@link SearchOutput#entry})
 * @param printSection its section of the print page ({@link PrintOutput#section}); empty when
 *     the page is not printed
 */
public record PageParts(byte[] searchEntry, byte[] printSection) {
  public static final PageParts NONE = new PageParts(new byte[0], new byte[0]);
}
