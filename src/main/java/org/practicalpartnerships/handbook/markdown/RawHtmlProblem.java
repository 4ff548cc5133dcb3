package org.practicalpartnerships.handbook.markdown;

/**
 * Raw HTML in a page that could run code or break the page's security policy.
 *
 * @param offset where it is in the page's file
 * @param message what is wrong and what to do instead
 */
public record RawHtmlProblem(int offset, String message) {}
