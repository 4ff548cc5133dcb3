package org.practicalpartnerships.handbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Pages that link here" as a reader sees it: on a written page, every page that links to it
 * (written pages, the glossary's "see" links, the decision tree's introduction), and nowhere it
 * would mean nothing (the tree's pages, the glossary, search, print, A to Z, tags, 404) or be empty.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BacklinksTest {
  TestSite site;

  @BeforeAll
  void build(@TempDir Path dir) throws IOException {
    site = new TestSite(dir)
        .page("index.md", "Home", "Read [the guide](guide/index.md) or [decide](decide/index.html).")
        .page("guide/index.md", "Guide", "Start with [steps](steps.md) and [trust](trust.md#why).")
        .page("guide/steps.md", "Steps", "Back to [the guide](index.md).\n\n## Top {#top}\n\nA link to [itself](steps.md#top) is not a backlink.")
        .page("guide/trust.md", "Trust", "## Why {#why}\n\nBecause.")
        .page("guide/alone.md", "Alone", "No page links here.")
        .write("content/glossary.yml", "- term: trust\n  definition: Confidence.\n  see: [guide/trust.md]\n")
        .write("content/decide.yml", """
            title: Which fits?
            intro: Read [the steps](guide/steps.md) first.
            start: q
            nodes:
              q:
                question: Yes or no?
                answers:
                  - label: Yes
                    next: go
                  - label: No
                    next: stop
              go:
                outcome: Go ahead
                summary: Do it.
                first_steps: [Begin.]
                avoid: [Waiting.]
                links:
                  - page: guide/steps.md
                    label: The steps
              stop:
                outcome: Stop
                summary: Do not.
                first_steps: [Stop.]
                avoid: [Going on.]
                links:
                  - page: guide/index.md
                    label: The guide
            """);
    assertEquals(0, site.build(), site.stderr());
  }

  private List<String> backlinks(String path) throws IOException {
    Element section = site.read(path).getElementById("backlinks");
    return section == null ? List.of() : section.select("a").eachText();
  }

  @Test
  void aWrittenPageListsEveryListedPageThatLinksToIt() throws IOException {
    assertEquals(List.of("Steps", "Home"), backlinks("guide/index.html"));
    assertEquals(List.of("Which fits?", "Guide"), backlinks("guide/steps.html"), "the tree's start page links here from its introduction");
    assertEquals(List.of("Glossary", "Guide"), backlinks("guide/trust.html"), "the glossary's 'see' link counts");
    assertEquals("Pages that link here", site.read("guide/trust.html").selectFirst("#backlinks h2").text());
  }

  @Test
  void aWrittenPageNoOneLinksToHasNoSection() throws IOException {
    assertNull(site.read("guide/alone.html").getElementById("backlinks"));
    assertEquals(List.of(), site.read("guide/alone.html").getElementsContainingOwnText("No other page links here").eachText());
  }

  @Test
  void pagesTheBuildMakesHaveNoSection() throws IOException {
    for (String path : List.of("decide/index.html", "decide/q.html", "decide/go.html", "decide/overview.html", "glossary.html", "search.html",
        "print.html", "a-z.html", "404.html", "index.html")) {
      Document page = site.read(path);
      assertNull(page.getElementById("backlinks"), path);
      assertEquals(List.of(), page.select("h2:containsOwn(Pages that link here)").eachText(), path);
    }
  }
}
