package org.practicalpartnerships.handbook.markdown;

/**
 * A heading as the parser found it in the page's file, for checks that point at it.
 *
 * @param level 1 to 6
 * @param offset where it starts in the file: its first {@code #}, the first character of a setext
 *     heading's text, or the {@code <} of a raw HTML heading
 */
public record SourceHeading(int level, int offset) {}
