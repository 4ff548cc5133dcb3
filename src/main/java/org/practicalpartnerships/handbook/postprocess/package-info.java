/**
 * HTML post-processing with jsoup: a rendered fragment in, the fragment templates print out
 * ({@link org.practicalpartnerships.handbook.postprocess.ProcessedHtml}): links to {@code .md}
 * rewritten, heading anchors, accessible callouts, footnotes and tables, what the safety policy
 * refuses removed, and the headings for the contents list.
 */
package org.practicalpartnerships.handbook.postprocess;
