package org.practicalpartnerships.handbook.decisiontree;

import java.util.List;
import org.practicalpartnerships.handbook.model.LinkRef;

/**
 * One generated page of the decision tree, ready for the {@code page} layout.
 *
 * @param outputPath where it is published, such as {@code decide/co-ordination.html}
 * @param title the page's title, which the layout prints as its heading: the tree's title, the
 *     question, the outcome's title or "The tree at a glance"
 * @param description one sentence for the page's description, or "" when none
 * @param html the body fragment (no {@code <h1>}, {@code <main>} or {@code <html>}); links into the
 *     handbook are relative {@code .md} links, for the post-processor to rewrite
 * @param links the page's links into the handbook, relative to this page, with their offsets in
 *     the tree file
 * @param outcomeId for an outcome page, the outcome's id, for {@code <main data-outcome="...">};
 *     null for every other page
 * @param backPath for a question or outcome page, the previous page of its route, where the
 *     layout's Back link above the title leads; null for the start page and the overview
 * @param caption the line the layout shows above the title ("Question 2 of 3"), or ""
 */
public record TreePage(String outputPath, String title, String description, String html, List<LinkRef> links, String outcomeId, String backPath, String caption) {
  public TreePage {
    links = List.copyOf(links);
  }

  /** The start page or the overview: no Back link, no caption. */
  public TreePage(String outputPath, String title, String description, String html, List<LinkRef> links) {
    this(outputPath, title, description, html, links, null, null, "");
  }

  public boolean isOutcome() {
    return outcomeId != null;
  }
}
