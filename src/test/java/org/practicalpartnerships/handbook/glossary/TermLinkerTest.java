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
}
