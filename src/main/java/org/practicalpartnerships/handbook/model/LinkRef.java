package org.practicalpartnerships.handbook.model;

/**
 * A link or image destination as written in the Markdown, with where it was written.
 *
 * @param url the destination exactly as written
 * @param offset character offset of the destination in the page's file
 * @param image true for {@code ![alt](src)}
 */
public record LinkRef(String url, int offset, boolean image) {}
