package org.practicalpartnerships.handbook.markdown;

import java.util.List;
import org.practicalpartnerships.handbook.model.LinkRef;

/**
 * Markdown rendered to an HTML fragment, with the links found in it.
 *
 * @param html the fragment, before post-processing
 * @param links every link and image destination, in document order
 * @param rawHtmlProblems raw HTML that could run code or breaks the security policy
 */
public record RenderedMarkdown(String html, List<LinkRef> links, List<RawHtmlProblem> rawHtmlProblems) {
  public RenderedMarkdown {
    links = List.copyOf(links);
    rawHtmlProblems = List.copyOf(rawHtmlProblems);
  }

  public RenderedMarkdown(String html, List<LinkRef> links) {
    this(html, links, List.of());
  }
}
