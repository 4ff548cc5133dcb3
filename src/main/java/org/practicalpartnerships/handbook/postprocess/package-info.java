/**
 * HTML post-processing with jsoup: a rendered fragment in, a {@link
 * org.practicalpartnerships.handbook.postprocess.ProcessedHtml} out (rewritten links, heading
 * anchors, accessible callouts, footnotes and tables, and the headings for the contents list).
 */
package org.practicalpartnerships.handbook.postprocess;
