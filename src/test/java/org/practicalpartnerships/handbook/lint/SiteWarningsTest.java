package org.practicalpartnerships.handbook.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.model.Page;

/** The warnings about front matter that need every page or the date: tags and review dates. */
class SiteWarningsTest {
  static final LocalDate TODAY = LocalDate.of(2027, 1, 10);

  static Page tagged(String path, String tags) {
    return LintTest.page(path, "---\ntitle: " + path + "\ndescription: D.\ntags: " + tags + "\n---\n\nText.\n");
  }

  static List<String> warnings(List<Page> pages, LocalDate today) {
    return Lint.siteWarnings(pages, today).stream().sorted(Diagnostic.ORDER).map(Diagnostic::headline).toList();
  }

  @Test
  void tagsThatSpellOneWordTwoWaysAreWarnedAboutWhereTheFewerPagesHaveThem() {
    List<Page> pages = List.of(tagged("a.md", "[whole-system, trust]"), tagged("b.md", "[whole-system, trust]"), tagged("c.md", "[whole-systems, Trust]"));
    assertEquals(List.of(
        "content/c.md:4:8: warning: the tag 'whole-systems' is nearly the same as 'whole-system' (on 2 pages), so their pages are split over two tag pages; use one spelling",
        "content/c.md:4:23: warning: the tag 'Trust' is spelt 'trust' on 2 pages; use one spelling, so the tag reads the same on every page"),
        warnings(pages, TODAY));
  }

  @Test
  void variantsOfHyphensSpacesCaseAndPlurals() {
    assertEquals("wholesystem", Tags.word("Whole Systems"));
    assertEquals("wholesystem", Tags.word("whole_system"));
    assertEquals("policy", Tags.word("policies"));
    assertEquals("process", Tags.word("processes"));
    assertEquals("process", Tags.word("process"));
    assertEquals("coordination", Tags.word("Co-ordination"));
    assertEquals("cafe", Tags.word("Café"));
    assertEquals("gas", Tags.word("gas"), "short words keep their 's'");
  }

  @Test
  void aMistypedTagIsNearlyTheSameNotOnThisPageOnly() {
    List<Page> pages = List.of(tagged("a.md", "[governance]"), tagged("b.md", "[governance]"), tagged("c.md", "[goverance]"),
        tagged("d.md", "[trust]"), tagged("e.md", "[trust]"), tagged("f.md", "[trsut]"),
        tagged("g.md", "[law-and-policy]"), tagged("h.md", "[law-and-policy]"), tagged("i.md", "[law and pollicies]"));
    assertEquals(List.of(
        "content/c.md:4:8: warning: the tag 'goverance' is nearly the same as 'governance' (on 2 pages), so their pages are split over two tag pages; use one spelling",
        "content/f.md:4:8: warning: the tag 'trsut' is nearly the same as 'trust' (on 2 pages), so their pages are split over two tag pages; use one spelling",
        "content/i.md:4:8: warning: the tag 'law and pollicies' is nearly the same as 'law-and-policy' (on 2 pages), so their pages are split over two tag pages; use one spelling"),
        warnings(pages, TODAY));
  }

  @Test
  void spacesUnderscoresAndCaseAreOneTagAcrossEveryPageThatSpellsItSo() {
    List<Page> pages = List.of(tagged("a.md", "[whole-system]"), tagged("b.md", "[whole-system]"), tagged("c.md", "[whole-system]"),
        tagged("d.md", "[Whole System]"), tagged("e.md", "[whole_system]"));
    assertEquals(List.of(
        "content/d.md:4:8: warning: the tag 'Whole System' is spelt 'whole-system' on 3 pages; use one spelling, so the tag reads the same on every page",
        "content/e.md:4:8: warning: the tag 'whole_system' is spelt 'whole-system' on 3 pages; use one spelling, so the tag reads the same on every page"),
        warnings(pages, TODAY));
  }

  @Test
  void distinctWordsAreNotNearDuplicates() {
    // Short words one letter apart, and two established tags one letter apart, are meant.
    List<Page> pages = List.of(tagged("a.md", "[risk, police]"), tagged("b.md", "[risk, police]"), tagged("c.md", "[rise, policy]"),
        tagged("d.md", "[rise, policy]"));
    assertEquals(List.of(), warnings(pages, TODAY));
    assertTrue(Tags.slipApart("governance", "govenrance"));
    assertTrue(Tags.slipApart("partnership", "partnrship"));
    assertFalse(Tags.slipApart("trust", "truth"), "two letters apart in a short word");
    assertFalse(Tags.slipApart("cost", "post"), "too short to tell a slip from another word");
  }

  @Test
  void aTagOnOnePageOnlyIsWarnedAbout() {
    List<Page> pages = List.of(tagged("a.md", "[trust, budgets]"), tagged("b.md", "[trust]"));
    assertEquals(List.of("content/a.md:4:15: warning: the tag 'budgets' is on this page only, and a tag is for grouping pages; give it to the other pages it fits, or remove it"),
        warnings(pages, TODAY));
  }

  @Test
  void tagsUsedWellAreQuiet() {
    assertEquals(List.of(), warnings(List.of(tagged("a.md", "[trust, measures]"), tagged("b.md", "[trust, measures]")), TODAY));
    assertEquals(List.of(), warnings(List.of(LintTest.page("a.md", "# Plain\n\nNo front matter, no tags.\n")), TODAY));
  }

  @Test
  void aPagePastItsReviewDateIsWarnedAboutAtThatDate() {
    Page page = LintTest.page("a.md", "---\ntitle: A\ndescription: D.\nupdated: 2026-01-15\nreview_by: 2027-01-01\n---\n\nText.\n");
    assertEquals(List.of("content/a.md:5:12: warning: this page was due for review on 2027-01-01; check that it is still right, then set 'updated:' to the day you did and 'review_by:' to the next review"),
        warnings(List.of(page), TODAY));
    assertEquals(List.of(), warnings(List.of(page), LocalDate.of(2027, 1, 1)), "due today is not yet past");
    assertEquals(List.of(), warnings(List.of(page), LocalDate.of(2026, 6, 1)));
  }

  @Test
  void anUpdateDateAfterTodayIsWarnedAbout() {
    Page page = LintTest.page("a.md", "---\ntitle: A\ndescription: D.\nupdated: 2027-03-01\n---\n\nText.\n");
    assertEquals(List.of("content/a.md:4:10: warning: 'updated' is 2027-03-01, after today (2027-01-10); check the date"), warnings(List.of(page), TODAY));
    assertEquals(List.of(), warnings(List.of(page), LocalDate.of(2027, 3, 1)));
  }
}
