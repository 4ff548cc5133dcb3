package org.practicalpartnerships.handbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.model.LinkRef;

class MarkdownEngineTest {
  private static final MarkdownEngine ENGINE = new MarkdownEngine();

  private static String html(String markdown) {
    return ENGINE.render(markdown, 0).html();
  }

  private static void assertContains(String expected, String html) {
    assertTrue(html.contains(expected), () -> "expected " + expected + " in:\n" + html);
  }

  @Test
  void tables() {
    String html = html("| Who | What |\n|-----|------|\n| Ann | Lead |\n");
    assertContains("<th>Who</th><th>What</th>", html);
    assertContains("<td>Ann</td><td>Lead</td>", html);
  }

  @Test
  void footnotes() {
    String html = html("Claim.[^1]\n\n[^1]: Source.\n");
    assertContains("<a class=\"footnote-ref\" href=\"#fn-1\">1</a>", html);
    assertContains("<li id=\"fn-1\">", html);
    assertContains("<p>Source.</p>", html);
  }

  @Test
  void definitionLists() {
    assertContains("<dl>\n<dt>Partner</dt>\n<dd>Someone we work with</dd>\n</dl>", html("Partner\n: Someone we work with\n"));
  }

  @Test
  void typographicQuotesAndDashes() {
    assertContains("<p>&ldquo;Together&rdquo; &ndash; it&rsquo;s better&hellip;</p>", html("\"Together\" -- it's better...\n"));
  }

  @Test
  void strikethrough() {
    assertContains("<del>old</del>", html("~~old~~ new\n"));
  }

  @Test
  void bareAddressesBecomeLinks() {
    assertContains("<a href=\"https://example.org/help\">https://example.org/help</a>", html("See https://example.org/help for more.\n"));
  }

  @Test
  void admonitions() {
    String html = html("!!! warning \"Check first\"\n    Ask before sharing.\n");
    assertContains("<div class=\"adm-block adm-warning\">", html);
    assertContains("<span>Check first</span>", html);
    assertContains("<p>Ask before sharing.</p>", html);
  }

  @Test
  void headingIdsAreGeneratedFromTheText() {
    assertContains("<h2 id=\"working-with-partners\">Working with partners</h2>", html("## Working with partners\n"));
  }

  @Test
  void headingIdsHaveNoDoubledDashes() {
    assertContains("<h2 id=\"plan-do-review\">Plan - do - review</h2>", html("## Plan - do - review\n"));
  }

  @Test
  void attributeGivesAHeadingItsOwnId() {
    assertContains("<h2 id=\"setup\">Getting set up</h2>", html("## Getting set up {#setup}\n"));
  }

  @Test
  void fencedCodeGetsALanguageClass() {
    assertContains("<code class=\"language-yaml\">", html("```yaml\ntitle: x\n```\n"));
  }

  @Test
  void rawHtmlIsPassedThrough() {
    assertContains("<kbd>Ctrl</kbd>", html("Press <kbd>Ctrl</kbd>.\n"));
  }

  @Test
  void linkOffsetsPointAtTheDestinationInTheFile() {
    String file = "---\ntitle: T\n---\nSee [the guide](guide.md#start) and ![logo](img/logo.png).\n\n[ref]: other.md\n";
    int bodyOffset = file.indexOf("See");
    RenderedMarkdown rendered = ENGINE.render(file.substring(bodyOffset), bodyOffset);
    assertEquals(
        List.of(
            new LinkRef("guide.md#start", file.indexOf("guide.md"), false),
            new LinkRef("img/logo.png", file.indexOf("img/logo.png"), true),
            new LinkRef("other.md", file.indexOf("other.md"), false)),
        rendered.links());
  }

  @Test
  void linksInsideCalloutsAndFootnotesAreFound() {
    String body = "!!! note\n    Read [this](a.md).\n\nText[^n].\n\n[^n]: See [that](b.md).\n";
    List<String> urls = ENGINE.render(body, 0).links().stream().map(LinkRef::url).toList();
    assertEquals(List.of("a.md", "b.md"), urls);
  }

  @Test
  void escapedDestinationsAreUnescaped() {
    LinkRef link = ENGINE.render("[x](a\\_b.md)\n", 10).links().get(0);
    assertEquals("a_b.md", link.url());
    assertEquals(14, link.offset());
  }

  /** The {...} attribute syntax is judged by the safety policy, as raw HTML is, at the attribute. */
  @Test
  void attributesWrittenWithBracesAreJudgedByThePolicyWhereTheyAreWritten() {
    String body = "## Heading {onclick=\"alert(1)\"}\n\n[home](index.md){href=\"javascript:alert(1)\"}\n\n## Styled {style=\"color: red\" .note}\n";
    RenderedMarkdown rendered = ENGINE.render(body, 10);
    assertEquals(List.of(
        new RawHtmlProblem(10 + body.indexOf("onclick"), "the event-handler attribute 'onclick' is not allowed: content may not run code"),
        new RawHtmlProblem(10 + body.indexOf("href="), "'javascript:' URLs are not allowed: they can run code in a reader's browser"),
        new RawHtmlProblem(10 + body.indexOf("style="), "style attributes are blocked by the pages' Content-Security-Policy; use a class from the stylesheet")),
        rendered.rawHtmlProblems());
  }

  @Test
  void idsWrittenByTheEditorAreNotedWhereTheyAreWritten() {
    String body = "## One {#main}\n\n## Two {id=\"two\"}\n\n<div id=\"three\">x</div>\n\n## Made from its text\n";
    RenderedMarkdown rendered = ENGINE.render(body, 0);
    assertEquals(List.of(new SourceId("main", body.indexOf("#main")), new SourceId("two", body.indexOf("id=\"two")), new SourceId("three", body.indexOf("id=\"three"))),
        rendered.ids());
  }

  @Test
  void anAddressWrittenWithBracesIsCheckedAsALink() {
    String body = "[home](index.md){href=\"other.md\"}\n";
    assertEquals(List.of(new LinkRef("index.md", body.indexOf("index.md"), false), new LinkRef("other.md", body.indexOf("other.md"), false)),
        ENGINE.render(body, 0).links());
  }
}
