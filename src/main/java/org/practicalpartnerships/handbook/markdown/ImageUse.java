package org.practicalpartnerships.handbook.markdown;

/**
 * An image as the parser found it in the page's file, for the alt-text check.
 *
 * @param offset where it starts in the file: the {@code !} of {@code ![alt](src)} or {@code
 *     ![alt][ref]}, or the {@code <} of a raw {@code <img>}
 * @param hasAlt true when it has alt text ({@code alt=""} counts: it marks decoration)
 * @param raw true for a raw HTML {@code <img>}
 * @param written how to show the image in a message: its destination, or {@code [ref]}
 */
public record ImageUse(int offset, boolean hasAlt, boolean raw, String written) {}
