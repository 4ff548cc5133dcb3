package org.practicalpartnerships.handbook.model;

/**
 * A link to a page by its title, such as "Reached from the decision tree: Co-ordination".
 *
 * @param title what the link says
 * @param path the page's site path, such as {@code decide/co-ordination.html}
 */
public record PageRef(String title, String path) {}
