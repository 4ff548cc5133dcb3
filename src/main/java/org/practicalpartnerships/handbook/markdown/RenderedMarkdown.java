package org.practicalpartnerships.handbook.markdown;

import java.util.List;

/**
 * Markdown rendered to an HTML fragment, with the links found in it.
 *
 * @param html the fragment, before post-processing
 * @param links every link and image destination, in document order
 */
public record RenderedMarkdown(String html, List<LinkRef> links) {
  public RenderedMarkdown {
    links = List.copyOf(links);
  }
}
