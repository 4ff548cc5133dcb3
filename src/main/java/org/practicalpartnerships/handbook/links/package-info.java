/**
 * Links: {@link org.practicalpartnerships.handbook.model.Href} reads a destination once for both
 * rewriting and checking; {@link org.practicalpartnerships.handbook.links.LinkChecker} takes a
 * page's links and the site's pages, anchors and files, and returns diagnostics.
 */
package org.practicalpartnerships.handbook.links;
