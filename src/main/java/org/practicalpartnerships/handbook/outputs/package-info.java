/**
 * Outputs: everything the build makes beyond the pages editors write, each one class behind
 * {@link org.practicalpartnerships.handbook.outputs.Output} and listed in {@link
 * org.practicalpartnerships.handbook.outputs.Outputs#ALL}. A view of the site in ({@link
 * org.practicalpartnerships.handbook.outputs.ContentView} before assembly, {@link
 * org.practicalpartnerships.handbook.outputs.SiteView} after), pages and files out: the glossary
 * and decision-tree pages from their data files; the A to Z, tags, search, print and "not found"
 * pages from the site; the search index and the sitemap.
 */
package org.practicalpartnerships.handbook.outputs;
