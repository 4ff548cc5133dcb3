package org.practicalpartnerships.handbook.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.model.LinkRef;

class LinkCheckerTest {
  private static final MarkdownEngine MARKDOWN = new MarkdownEngine();

  private final LinkChecker checker =
      new LinkChecker(
          Map.of(
              "index.html", Set.of("aims"),
              "guide/index.html", Set.of(),
              "guide/steps.html", Set.of("first-steps", "next-steps"),
              "co-operation.html", Set.of()),
          Set.of("images/logo.png", "files/form.pdf"),
          Set.of("guide/later.html"),
          Set.of());

  /** Checks the links of a page whose file is {@code text}, as the build does. */
  private List<String> check(String pagePath, String text) {
    SourceText source = new SourceText("content/page.md", text);
    List<LinkRef> links = MARKDOWN.render(text, 0).links();
    return checker.check(pagePath, source, links).stream().map(Diagnostic::headline).toList();
  }

  @Test
  void goodLinksPass() {
    assertEquals(
        List.of(),
        check("index.html", "[a](guide/steps.md#next-steps) [b](guide/) [c](#aims) [d](https://example.org/x.md) ![e](images/logo.png) [f](files/form.pdf)\n"));
    assertEquals(List.of(), check("guide/steps.html", "[up](../index.md#aims) [here](#first-steps) [folder](./) [root](..)\n"));
  }

  /** A query string stays on the link and the page is still checked: no "did you mean" the same name. */
  @Test
  void linksWithAQueryStringAreCheckedAsLinksToThePage() {
    assertEquals(List.of(), check("index.html", "[a](co-operation.md?from=zz) [b](guide/steps.md?x=1#next-steps) [c](guide/?tab=2) [d](files/form.pdf?download=1)\n"));
    List<String> fragment = check("index.html", "[a](guide/steps.md?x=1#nope)\n");
    assertEquals(1, fragment.size(), fragment.toString());
    assertTrue(fragment.get(0).startsWith("content/page.md:1:5: error: no heading or anchor '#nope' on 'guide/steps.md'"), fragment.get(0));
    assertEquals(List.of("content/page.md:1:5: error: no page or file 'gone.md' in the content folder"), check("index.html", "[a](gone.md?from=zz)\n"));
  }

  @Test
  void missingPageSuggestsTheClosest() {
    assertEquals(
        List.of("content/page.md:1:18: error: no page or file 'co-operaton.md' in the content folder; did you mean 'co-operation.md'?"),
        check("index.html", "A [missing page](co-operaton.md).\n"));
  }

  @Test
  void missingPageSuggestionIsRelativeToThePage() {
    assertEquals(
        List.of("content/page.md:1:9: error: no page or file '../co-operaton.md' in the content folder; did you mean '../co-operation.md'?"),
        check("guide/steps.html", "See [x](../co-operaton.md).\n"));
  }

  @Test
  void missingPageFarFromAnyHasNoSuggestion() {
    assertEquals(
        List.of("content/page.md:2:9: error: no page or file 'nothing-like-it.md' in the content folder"),
        check("index.html", "Line one.\nSee [x](nothing-like-it.md).\n"));
  }

  @Test
  void missingAnchorSuggestsTheClosest() {
    assertEquals(
        List.of("content/page.md:1:9: error: no heading or anchor '#firts-steps' on 'guide/steps.md'; did you mean 'first-steps'?"),
        check("index.html", "See [x](guide/steps.md#firts-steps).\n"));
  }

  @Test
  void missingAnchorOnTheSamePage() {
    assertEquals(
        List.of("content/page.md:1:15: error: no heading or anchor '#aim' on this page; did you mean 'aims'?"),
        check("index.html", "Back to [top](#aim).\n"));
  }

  @Test
  void linkLeavingTheContentFolder() {
    assertEquals(
        List.of("content/page.md:1:9: error: this link leads outside the content folder ('../../secret.md')"),
        check("guide/steps.html", "See [x](../../secret.md).\n"));
  }

  @Test
  void linkToADraft() {
    assertEquals(
        List.of("content/page.md:1:9: error: 'guide/later.md' is a draft, which is not published; link to it once it is ready"),
        check("index.html", "See [x](guide/later.md).\n"));
  }

  @Test
  void missingImage() {
    assertEquals(
        List.of("content/page.md:1:9: error: no image 'images/logp.png' in the content folder; did you mean 'images/logo.png'?"),
        check("index.html", "![Logo](images/logp.png)\n"));
  }

  @Test
  void rootRelativeAndScriptLinksAreRefused() {
    assertEquals(
        List.of(
            "content/page.md:1:9: error: this link starts with '/', which breaks when the handbook is served under a path or opened from a folder; write it relative to this page",
            "content/page.md:2:9: error: 'javascript:' URLs are not allowed: they can run code in a reader's browser"),
        check("index.html", "See [x](/guide/).\nSee [y](javascript:alert(1)).\n"));
  }

  /** Autolinks are links too: web and e-mail addresses pass, a script URL is refused where it is written. */
  @Test
  void autolinksWithAScriptSchemeAreRefused() {
    assertEquals(
        List.of("content/page.md:2:6: error: 'vbscript:' URLs are not allowed: they can run code in a reader's browser",
            "content/page.md:3:5: error: 'DATA:' URLs are not allowed: they can run code in a reader's browser"),
        check("index.html", "See <https://example.org/a>, https://example.org/b, www.example.org and <team@example.org>.\n"
            + "See <vbscript:msgbox(1)>.\nSee DATA://text/html,x here.\n"));
  }

  @Test
  void positionsAreFilePositionsWhenTheBodyStartsLater() {
    String text = "---\ntitle: T\n---\n\nSee [x](gone.md).\n";
    int bodyOffset = text.indexOf("\nSee");
    List<LinkRef> links = MARKDOWN.render(text.substring(bodyOffset), bodyOffset).links();
    List<Diagnostic> problems = checker.check("index.html", new SourceText("content/page.md", text), links);
    assertEquals(5, problems.get(0).line());
    assertEquals(9, problems.get(0).column());
    assertEquals("See [x](gone.md).", problems.get(0).sourceLine());
  }

  @Test
  void linksIntoWhatCouldNotBeMadeAreNotReportedAgain() {
    LinkChecker broken = new LinkChecker(Map.of("index.html", Set.of(), "glossary.html", Set.of("trust")), Set.of(), Set.of(),
        Set.of("decide/", "glossary.html#shared-currency", "bad.html"));
    SourceText source = new SourceText("content/page.md", "");
    List<String> urls = List.of("decide/index.html", "decide/a/b.html#x", "bad.md#any", "glossary.html#shared-currency", "glossary.html#trust",
        "glossary.html#whole-system", "decider/index.html", "decide.html");
    List<LinkRef> links = urls.stream().map(u -> new LinkRef(u, 0, false)).toList();
    assertEquals(List.of(
        "content/page.md:1:1: error: no heading or anchor '#whole-system' on 'glossary.html'",
        "content/page.md:1:1: error: no page or file 'decider/index.html' in the content folder",
        "content/page.md:1:1: error: no page or file 'decide.html' in the content folder"),
        broken.check("index.html", source, links).stream().map(Diagnostic::headline).toList());
  }
}
