package org.practicalpartnerships.handbook.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.Term;

/** The A to Z as a reader scans it: one entry per page or term, a term's other names in its entry. */
class AtoZOutputTest {
  static Page page(String path, String title) {
    FrontMatter fm = new FrontMatter(title, "", OptionalInt.empty(), "page", List.of(), false);
    return Page.generated(path, fm, List.of(), List.of(), java.util.Set.of());
  }

  static Term term(String name, String id, String... aliases) {
    return new Term(name, id, List.of(aliases), "<p>x</p>", "x", List.of(), 0);
  }

  static Document index(List<Page> pages, List<Term> terms) {
    return Jsoup.parseBodyFragment(AtoZOutput.body(pages, terms, "glossary.html"));
  }

  /** Each entry of the index as a line of text, letter by letter. */
  static List<String> entries(Document doc) {
    return doc.select(".az-list > li").eachText();
  }

  @Test
  void wordVariantsAreNotEntriesOfTheirOwn() {
    Document doc = index(List.of(), List.of(
        term("alliance", "alliance", "alliances", "alliance agreement", "alliance agreements"),
        term("co-evolution", "co-evolution", "coevolution"),
        term("broad aim", "broad-aim", "broad aims"),
        term("whole-system working", "whole-system-working", "whole systems working", "whole-systems working"),
        term("duty to co-operate", "duty", "duties to co-operate"),
        term("integrated care system", "ics", "integrated care systems", "ICS", "ICSs"),
        term("two dimensions", "two-dimensions", "the two dimensions")));
    assertEquals(List.of(
        "alliance (glossary) Also: alliance agreement",
        "broad aim (glossary)",
        "co-evolution (glossary)",
        "duty to co-operate (glossary)",
        "integrated care system (glossary) Also: ICS",
        "two dimensions (glossary)",
        "whole-system working (glossary)"), entries(doc));
  }

  @Test
  void anOtherNameUnderAnotherLetterIsAlsoASeeEntryThere() {
    Document doc = index(List.of(), List.of(term("shared currency", "shared-currency", "currency", "common measure", "common measures")));
    assertEquals(List.of("common measure (glossary: see shared currency)", "currency (glossary: see shared currency)",
        "shared currency (glossary) Also: currency, common measure"), entries(doc));
    assertEquals(List.of("C", "S"), doc.select("nav.letters a").eachText());
    for (Element a : doc.select(".az-list a")) {
      assertEquals("glossary.html#shared-currency", a.attr("href"), "every name leads to the one entry");
    }
  }

  @Test
  void aPageAndATermOfTheSameNameShareOneEntry() {
    Document doc = index(List.of(page("behaviours/co-operation.html", "Co-operation"), page("trust.html", "Start small, build trust")),
        List.of(term("co-operation", "co-operation", "cooperation"), term("trust", "trust")));
    assertEquals(List.of("Co-operation (page; glossary)", "Start small, build trust (page)", "trust (glossary)"), entries(doc));
    Element shared = doc.selectFirst(".az-list > li");
    assertEquals(List.of("behaviours/co-operation.html", "glossary.html#co-operation"), shared.select("a").eachAttr("href"));
    assertEquals(List.of("Steps (page; glossary)"), entries(index(List.of(page("steps.html", "Steps")), List.of(term("Step", "step", "steps")))),
        "a page named as a variant of the term");
  }

  @Test
  void theLettersAreThePagesOnlyContents() {
    Page page = new AtoZOutput().sitePages(new SiteView(new org.practicalpartnerships.handbook.model.SiteConfig("H", "en", "", java.util.Optional.empty()), "content",
        List.of(), org.practicalpartnerships.handbook.navigation.SiteNavigation.of(List.of(page("a.html", "Alpha"), page("b.html", "Beta"), page("c.html", "Gamma"))),
        List.of(), false, java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.nio.file.Path.of("templates"), java.nio.file.Path::toString, "")).get(0);
    assertTrue(page.headings().isEmpty(), "no 'On this page' list repeats the letters");
    assertFalse(page.ids().isEmpty());
    assertTrue(page.html().contains("aria-label=\"Letters\""));
  }
}
