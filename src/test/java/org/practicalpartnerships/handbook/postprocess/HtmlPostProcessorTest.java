package org.practicalpartnerships.handbook.postprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.model.Heading;

class HtmlPostProcessorTest {
  private static final MarkdownEngine MARKDOWN = new MarkdownEngine();
  private final HtmlPostProcessor processor = new HtmlPostProcessor();

  private ProcessedHtml fromMarkdown(String markdown) {
    return processor.process(MARKDOWN.render(markdown, 0).html());
  }

  private static Element body(ProcessedHtml processed) {
    return Jsoup.parseBodyFragment(processed.html()).body();
  }

  private String href(String fragment) {
    return body(processor.process(fragment)).selectFirst("a").attr("href");
  }

  @Test
  void markdownLinksBecomeHtmlLinksKeepingTheFragment() {
    assertEquals("guide.html", href("<a href=\"guide.md\">g</a>"));
    assertEquals("../behaviours/co-operation.html#in-practice", href("<a href=\"../behaviours/co-operation.md#in-practice\">c</a>"));
  }

  @Test
  void folderLinksOpenTheirIndexPage() {
    assertEquals("practice/index.html", href("<a href=\"practice/\">p</a>"));
    assertEquals("../index.html#top", href("<a href=\"../#top\">up</a>"));
    assertEquals("../index.html", href("<a href=\"..\">up</a>"));
  }

  @Test
  void otherLinksAreLeftAlone() {
    assertEquals("https://example.org/guide.md", href("<a href=\"https://example.org/guide.md\">x</a>"));
    assertEquals("mailto:team@example.org", href("<a href=\"mailto:team@example.org\">x</a>"));
    assertEquals("#section", href("<a href=\"#section\">x</a>"));
    assertEquals("files/form.pdf", href("<a href=\"files/form.pdf\">x</a>"));
  }

  @Test
  void sectionHeadingsGetAnAnchorBesideThem() {
    Element body = body(fromMarkdown("## Who we are\n\n### Our values\n"));
    Element h2 = body.selectFirst("div.heading > h2#who-we-are");
    assertNotNull(h2, body.html());
    Element anchor = h2.nextElementSibling();
    assertEquals("a", anchor.tagName());
    assertEquals("#who-we-are", anchor.attr("href"));
    assertEquals("Link to this section: Who we are", anchor.attr("aria-label"));
    assertEquals("Who we are", h2.text(), "the anchor is not inside the heading");
    assertEquals("#our-values", body.selectFirst("div.heading > h3#our-values + a.heading-anchor").attr("href"));
  }

  @Test
  void headingsAreListedInOrder() {
    ProcessedHtml processed = fromMarkdown("# Title\n\n## First\n\n### Detail {#d}\n\n## Second\n");
    assertEquals(List.of(new Heading(2, "first", "First"), new Heading(3, "d", "Detail"), new Heading(2, "second", "Second")), processed.headings());
    assertFalse(body(processed).selectFirst("h1").parent().hasClass("heading"), "the page title gets no anchor");
  }

  @Test
  void everyIdIsCollected() {
    ProcessedHtml processed = fromMarkdown("## Aims\n\nText[^1].\n\n[^1]: Note.\n");
    assertEquals(Set.of("aims", "fn-1", "fnref-1"), processed.ids());
  }

  @Test
  void calloutsBecomeAsidesWithATitleAndNoSvg() {
    ProcessedHtml processed = fromMarkdown("!!! warning \"Check first\"\n    Ask before sharing.\n");
    assertFalse(processed.html().contains("<svg"), processed.html());
    assertFalse(processed.html().contains("adm-"), processed.html());
    Element aside = body(processed).selectFirst("aside");
    assertEquals(Set.of("callout", "callout-warning"), aside.classNames());
    assertEquals("Check first", aside.selectFirst("p.callout-title").text());
    assertEquals("Ask before sharing.", aside.select("p").get(1).text());
  }

  @Test
  void calloutWithoutATitleIsTitledByItsKind() {
    Element aside = body(fromMarkdown("!!! note\n    Remember this.\n")).selectFirst("aside");
    assertEquals("callout callout-note", aside.className());
    assertEquals("Note", aside.selectFirst(".callout-title").text());
  }

  @Test
  void collapsibleCalloutsKeepTheirKind() {
    Element open = body(fromMarkdown("???+ tip \"Shortcut\"\n    Use the template.\n")).selectFirst("aside");
    assertEquals("callout callout-tip", open.className());
    assertEquals("Shortcut", open.selectFirst(".callout-title").text());
    Element closed = body(fromMarkdown("??? danger \"Stop\"\n    Do not share.\n")).selectFirst("aside");
    assertEquals("callout callout-danger", closed.className());
    assertEquals("Do not share.", closed.select("p").get(1).text());
  }

  @Test
  void tablesScrollInsideAFocusableLabelledRegion() {
    Element wrap = body(fromMarkdown("| Role | Duty |\n|---|---|\n| Lead | Plan |\n")).selectFirst("table").parent();
    assertEquals("div", wrap.tagName());
    assertTrue(wrap.hasClass("table-scroll"));
    assertEquals("region", wrap.attr("role"));
    assertEquals("0", wrap.attr("tabindex"));
    assertEquals("Table: Role", wrap.attr("aria-label"));
  }

  @Test
  void footnotesBecomeALabelledSection() {
    Element body = body(fromMarkdown("Claim[^1].\n\n[^1]: Source.\n"));
    Element notes = body.selectFirst("section.footnotes");
    assertNotNull(notes, body.html());
    assertEquals("Notes", notes.attr("aria-label"));
    assertTrue(notes.select("hr").isEmpty());
    assertEquals("Note 1", body.selectFirst("a.footnote-ref").attr("aria-label"));
    assertEquals("Back to the text", body.selectFirst("a.footnote-backref").attr("aria-label"));
  }

  @Test
  void textIsWrittenAsUtf8NotEntities() {
    assertTrue(fromMarkdown("\"Quoted\" -- café\n").html().contains("“Quoted” – café"));
  }
}
