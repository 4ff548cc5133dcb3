/**
 * Safety: the one policy for HTML that content wrote. An element or attribute in, whether it may
 * be published out, with the message an editor reads. Every check and clean-up of HTML in the
 * build (raw HTML in pages, Markdown fields in data files, the post-processor's stripping) asks
 * {@link org.practicalpartnerships.handbook.safety.HtmlPolicy}, so they cannot disagree.
 */
package org.practicalpartnerships.handbook.safety;
