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
 */
public record TreePage(String outputPath, String title, String description, String html, List<LinkRef> links, String outcomeId) {
  public TreePage {
    links = List.copyOf(links);
  }

  public boolean isOutcome() {
    return outcomeId != null;
  }
}
