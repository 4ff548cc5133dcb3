/**
 * Links: a page's links (or a data file's, as a {@link
 * org.practicalpartnerships.handbook.links.LinkSet}) and the site's pages, anchors and files in,
 * diagnostics out ({@link org.practicalpartnerships.handbook.links.LinkChecker}); and, for the link
 * graph, the page each link leads to.
 */
package org.practicalpartnerships.handbook.links;
