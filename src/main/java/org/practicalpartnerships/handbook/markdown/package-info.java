/**
 * Markdown: a page body (or a Markdown value of a data file, {@link
 * org.practicalpartnerships.handbook.markdown.MarkdownField}) in, an HTML fragment out, with what
 * the parser saw on the way: link destinations, headings and images at their offsets in the file,
 * and raw HTML that the safety policy refuses. One shared flexmark engine, built once.
 */
package org.practicalpartnerships.handbook.markdown;
