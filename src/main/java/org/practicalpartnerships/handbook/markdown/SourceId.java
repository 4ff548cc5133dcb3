package org.practicalpartnerships.handbook.markdown;

/**
 * An id an editor gave an element, where they wrote it: {@code ## Heading {#id}}, {@code {id=x}}
 * after a link, or {@code id="x"} in raw HTML. Ids the build makes (from a heading's text, for
 * footnotes) have none.
 *
 * @param id the id as written
 * @param offset where it is written, in the page's file
 */
public record SourceId(String id, int offset) {}
