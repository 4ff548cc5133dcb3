package org.practicalpartnerships.handbook.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TermLinkerTest {
  final TermLinker linker;

  TermLinkerTest() {
    Map<String, TermLinker.Entry> names = new LinkedHashMap<>();
    TermLinker.Entry trust = new TermLinker.Entry("trust", "trust", "Confidence that partners will act fairly.");
    TermLinker.Entry ws = new TermLinker.Entry("whole-system-working", "whole-system working", "Working on the connections.");
    names.put("trust", trust);
    names.put("whole-system working", ws);
    names.put("whole systems working", ws);
    linker = new TermLinker(names);
  }

  Element link(String html) {
    return link(linker, html, "../glossary.html");
  }

  /** Links a body in place, as the build does, and returns it. */
  static Element link(TermLinker linker, String html, String glossaryHref) {
    Element body = Jsoup.parseBodyFragment(html).body();
    linker.link(body, glossaryHref, "");
    return body;
  }

  @Test
  void linksOnlyTheFirstUseWithTheDefinitionBesideIt() {
    Element body = link("<p>Trust grows slowly. Trust matters.</p>");
    assertEquals(1, body.select("a.term-link").size());
    Element a = body.selectFirst("a.term-link");
    assertEquals("../glossary.html#trust", a.attr("href"));
    assertEquals("Trust", a.text(), "keeps the reader's capitalisation");
    Element tip = body.getElementById(a.attr("aria-describedby"));
    assertEquals("trust: Confidence that partners will act fairly.", tip.text());
    assertEquals("tooltip", tip.attr("role"));
    assertTrue(body.text().contains("Trust matters."));
  }

  @Test
  void neverInsideHeadingsLinksCodeOrFigures() {
    Element body = link("<h2>Trust</h2><p><a href=x.html>trust</a> <code>trust</code></p><figure>trust</figure><p>No term here.</p>");
    assertEquals(0, body.select("a.term-link").size());
  }

  @Test
  void matchesWholeWordsAndSpellingsWithSpacesOrHyphens() {
    assertEquals(0, link("<p>Distrustful trustees.</p>").select("a.term-link").size());
    Element body = link("<p>We tried whole system working last year.</p>");
    assertEquals("whole system working", body.selectFirst("a.term-link").text());
    assertEquals(Set.of("whole-system-working"), linker.link(Jsoup.parseBodyFragment("<p>whole-system working</p>").body(), "g.html", ""));
  }

  @Test
  void longerTermsWinOverShorterOnes() {
    Map<String, TermLinker.Entry> names = new LinkedHashMap<>();
    names.put("partnership", new TermLinker.Entry("partnership", "partnership", "Working together."));
    names.put("partnership fatigue", new TermLinker.Entry("partnership-fatigue", "partnership fatigue", "Tiredness."));
    Element body = link(new TermLinker(names), "<p>Partnership fatigue is real.</p>", "g.html");
    assertEquals("g.html#partnership-fatigue", body.selectFirst("a.term-link").attr("href"));
  }

  /** The linked words of a page body, in order. */
  static java.util.List<String> linked(Element body) {
    return body.select("a.term-link").eachText();
  }

  /** A linker for "health and local authorities", "fit for purpose", "co-operation" (see its page) and "trust" (see a section). */
  static TermLinker handbook() {
    Map<String, TermLinker.Entry> names = new LinkedHashMap<>();
    names.put("health and local authorities", new TermLinker.Entry("hla", "health and local authorities", "Councils and the NHS."));
    names.put("fit for purpose", new TermLinker.Entry("fit", "fit for purpose", "Suited to the job."));
    TermLinker.Entry coop = new TermLinker.Entry("co-operation", "co-operation", "Working alongside.", Map.of("behaviours/co-operation.html", Set.of()));
    names.put("co-operation", coop);
    names.put("cooperation", coop);
    names.put("trust", new TermLinker.Entry("trust", "trust", "Confidence.", Map.of("practice/building-trust.html", Set.of("why-trust"))));
    TermLinker.Entry cu = new TermLinker.Entry("check-up", "partnership check-up", "A review.");
    names.put("partnership check-up", cu);
    names.put("check-up", cu);
    return new TermLinker(names);
  }

  static Element linkOn(String path, String title, String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    handbook().link(body, path, title, "g.html", "");
    return body;
  }

  static final String SOURCE_LINE = "<div class=\"heading\"><h2 id=\"source\">Source</h2><a class=\"heading-anchor\" href=\"#source\">#</a></div>"
      + "<p>Based on Plamping D. Practical partnerships for health and local authorities. BMJ 2000, and Pratt J. Partnership: fit for purpose? King's Fund, 1999.</p>";

  @Test
  void neverInASourceSectionUpToTheNextHeadingOfItsLevel() {
    Element body = linkOn("a.html", "A page", "<p>Nothing here.</p>" + SOURCE_LINE);
    assertEquals(java.util.List.of(), linked(body), "the 'Source' line names works, it does not use the terms");
    body = linkOn("a.html", "A page", SOURCE_LINE.replace("<p>", "<h3 id=\"more\">More</h3><p>")
        + "<h2 id=\"after\">After</h2><p>Are health and local authorities fit for purpose?</p>");
    assertEquals(java.util.List.of("health and local authorities", "fit for purpose"), linked(body), "a later section at the same level links again");
    for (String heading : java.util.List.of("Sources", "References", "Further reading", "Bibliography", "Sources and further reading", "Notes, references")) {
      body = linkOn("a.html", "A page", "<h2>" + heading + "</h2><p>Pratt J. Partnership: fit for purpose? 1999.</p>");
      assertEquals(heading.startsWith("Notes") ? java.util.List.of("fit for purpose") : java.util.List.of(), linked(body), heading);
    }
    body = linkOn("a.html", "A page", "<h2>Sources of money</h2><p>Is the fund fit for purpose?</p>");
    assertEquals(java.util.List.of("fit for purpose"), linked(body), "a heading that only starts with 'Sources' is a section like any other");
  }

  @Test
  void neverInTitlesOfWorksQuotationsOrCitations() {
    for (String html : java.util.List.of("<p>Read <em>Partnership: fit for purpose?</em> first.</p>", "<p>Read <i>Partnership: fit for purpose?</i></p>",
        "<p><cite>Partnership: fit for purpose?</cite></p>", "<p>They asked <q>is it fit for purpose?</q></p>", "<blockquote><p>Fit for purpose.</p></blockquote>",
        "<p class=\"source\">Pratt J. Partnership: fit for purpose?</p>", "<div class=\"citation\"><p>Partnership: fit for purpose?</p></div>",
        "<section class=\"footnotes\"><ol><li><p>Partnership: fit for purpose? 1999.</p></li></ol></section>")) {
      assertEquals(java.util.List.of(), linked(linkOn("a.html", "A page", html)), html);
    }
    Element body = linkOn("a.html", "A page", "<p>The book <em>Partnership: fit for purpose?</em> asks whether a board is fit for purpose.</p>");
    assertEquals(java.util.List.of("fit for purpose"), linked(body));
    assertEquals("p", body.selectFirst("a.term-link").parent().parent().normalName(), "the use in the running text is linked, not the title");
  }

  @Test
  void neverOnAReferencesPage() {
    for (String title : java.util.List.of("Sources and further reading", "References", "Bibliography")) {
      assertEquals(java.util.List.of(), linked(linkOn("references.html", title, "<p>Pratt J. Partnership: fit for purpose? Health and local authorities.</p>")), title);
    }
  }

  @Test
  void notOnThePageTheTermIsAbout() {
    String text = "<p>Co-operation asks less than other kinds, and builds trust.</p>";
    assertEquals(java.util.List.of("trust"), linked(linkOn("behaviours/co-operation.html", "Co-operation", text)), "the term's see names this page");
    Element body = Jsoup.parseBodyFragment(text).body();
    assertEquals(Set.of("co-operation", "trust"), handbook().link(body, "behaviours/co-operation.html", "Co-operation", "g.html", ""),
        "the page still uses the term, so the glossary does not call it unused");
    assertEquals(Set.of("hla", "fit"), handbook().link(Jsoup.parseBodyFragment(SOURCE_LINE).body(), "a.html", "A", "g.html", ""),
        "a term in a title is not linked, but the reader meets it, so it is not unused");
    assertEquals(java.util.List.of("Co-operation", "trust"), linked(linkOn("behaviours/competition.html", "Competition", text)), "other pages link it");
    assertEquals(java.util.List.of(), linked(linkOn("practice/check-up.html", "Partnership check-up", "<p>Run the check-up yearly.</p>")),
        "a page titled as the term is about it, even without a see");
  }

  @Test
  void notInTheSectionTheTermIsAboutButElsewhereOnThatPage() {
    String html = "<div class=\"heading\"><h2 id=\"why-trust\">Why trust matters</h2></div><p>Trust grows slowly.</p>"
        + "<div class=\"heading\"><h2 id=\"next\">Next</h2></div><p>Keep the trust you built.</p>";
    Element body = linkOn("practice/building-trust.html", "Start small, build trust", html);
    assertEquals(java.util.List.of("trust"), linked(body));
    assertEquals("Keep the trust you built.", body.selectFirst("a.term-link").parent().parent().text().replace("trust: Confidence.", "").replace("  ", " ").strip());
  }
}
