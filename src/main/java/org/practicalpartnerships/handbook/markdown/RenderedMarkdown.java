package org.practicalpartnerships.handbook.markdown;

import java.util.List;
import org.practicalpartnerships.handbook.model.LinkRef;

/**
 * Markdown rendered to an HTML fragment, with what the parser saw on the way, so no later stage
 * has to find it in the text again.
 *
 * @param html the fragment, before post-processing
 * @param links every link and image destination, in document order
 * @param rawHtmlProblems raw HTML that could run code or breaks the security policy
 * @param headings every heading, in document order, with where it is
 * @param images every image, in document order, with whether it has alt text
 * @param ids every id an editor wrote ({@code {#id}}, {@code id="..."}), in document order
 */
public record RenderedMarkdown(String html, List<LinkRef> links, List<RawHtmlProblem> rawHtmlProblems, List<SourceHeading> headings, List<ImageUse> images,
    List<SourceId> ids) {
  public RenderedMarkdown {
    links = List.copyOf(links);
    rawHtmlProblems = List.copyOf(rawHtmlProblems);
    headings = List.copyOf(headings);
    images = List.copyOf(images);
    ids = List.copyOf(ids);
  }
}
