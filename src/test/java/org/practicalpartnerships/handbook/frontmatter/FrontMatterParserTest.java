package org.practicalpartnerships.handbook.frontmatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Position;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.model.FrontMatter;

class FrontMatterParserTest {
  /** The "(known: ...)" list that ends an unknown-key message: every key, sorted. */
  private static final String KNOWN = " (known: " + String.join(", ", FrontMatter.KEYS.stream().sorted().toList()) + ")";

  private final Diagnostics diagnostics = new Diagnostics();

  private Optional<ParsedPage> parse(String text) {
    return new FrontMatterParser().parse(new SourceText("content/a.md", text), diagnostics);
  }

  private List<String> headlines() {
    return diagnostics.sorted().stream().map(Diagnostic::headline).toList();
  }

  private FrontMatter ok(String text) {
    ParsedPage page = parse(text).orElseThrow(() -> new AssertionError(headlines().toString()));
    assertEquals(List.of(), headlines());
    return page.frontMatter();
  }

  @Test
  void readsEveryKey() {
    FrontMatter fm = ok(
        """
        ---
        title: " Working together "
        description: How we work.
        order: 2
        layout: wide
        tags: [partnership, practice]
        draft: true
        ---
        Body
        """);
    assertEquals(new FrontMatter("Working together", "How we work.", OptionalInt.of(2), "wide", List.of("partnership", "practice"), true), withoutPositions(fm));
  }

  @Test
  void keepsWhereEachKeyAndValueWasWritten() {
    FrontMatter fm = ok("---\ntitle: Home\n  # a comment\nlayout:   wide\n---\n");
    assertEquals(new FrontMatter.KeyPosition(new Position(2, 1), new Position(2, 8)), fm.position("title").orElseThrow());
    assertEquals(new FrontMatter.KeyPosition(new Position(4, 1), new Position(4, 11)), fm.position("layout").orElseThrow());
    assertTrue(fm.position("description").isEmpty());
  }

  /** The settings alone, for comparing with front matter written out in a test. */
  static FrontMatter withoutPositions(FrontMatter fm) {
    return new FrontMatter(fm.title(), fm.description(), fm.order(), fm.layout(), fm.tags(), fm.draft(), fm.glossary());
  }

  @Test
  void defaultsForOptionalKeys() {
    FrontMatter fm = ok("---\ntitle: Home\n---\n");
    assertEquals(new FrontMatter("Home", "", OptionalInt.empty(), "page", List.of(), false), withoutPositions(fm));
  }

  @Test
  void bodyFollowsTheClosingLineAndItsOffsetIsTheFileOffset() {
    String text = "---\ntitle: Home\n---\n# Not a title\n\nText.\n";
    ParsedPage page = parse(text).orElseThrow();
    assertEquals("# Not a title\n\nText.\n", page.body());
    assertEquals(text.indexOf("# Not"), page.bodyOffset());
  }

  @Test
  void closingWithDotsIsAccepted() {
    assertEquals("Home", ok("---\ntitle: Home\n...\nBody\n").title());
  }

  @Test
  void missingTitle() {
    assertTrue(parse("---\ndescription: d\n---\nBody\n").isEmpty());
    assertEquals(List.of("content/a.md:2:1: error: front matter needs 'title'"), headlines());
  }

  @Test
  void titleWithNoValueIsReportedNotDropped() {
    assertTrue(parse("---\ntitle:\n---\nBody\n").isEmpty());
    assertEquals(List.of("content/a.md:2:7: error: 'title' must not be empty"), headlines(), "a page must never disappear without a diagnostic");
  }

  @Test
  void misspeltKeyIsReportedAtItsLineInTheFileWithASuggestion() {
    assertTrue(parse("---\ntitel: Home\n---\nBody\n").isEmpty());
    assertEquals(
        List.of("content/a.md:2:1: error: unknown front-matter key 'titel'; did you mean 'title'?" + KNOWN),
        headlines(),
        "the suggestion is enough: no second 'needs title' for the same mistake");
  }

  @Test
  void misspeltKeyFurtherDownHasItsOwnLineAndColumn() {
    assertTrue(parse("---\ntitle: Home\norder: 1\n  # note\ndescripton: x\n---\n").isPresent(), "a page with a title is still read, so its body is checked too");
    assertEquals(
        List.of("content/a.md:5:1: error: unknown front-matter key 'descripton'; did you mean 'description'?" + KNOWN),
        headlines());
    assertEquals("descripton: x", diagnostics.sorted().get(0).sourceLine());
  }

  @Test
  void unclosedFrontMatter() {
    assertTrue(parse("---\ntitle: Home\n\nBody without end\n").isEmpty());
    assertEquals(List.of("content/a.md:1:1: error: front matter starts here but is never closed; end it with a line of '---'"), headlines());
  }

  @Test
  void emptyFile() {
    assertTrue(parse("").isEmpty());
    assertEquals(List.of("content/a.md:1:1: error: the page is empty; start it with front matter that gives a title"), headlines());
  }

  @Test
  void fileOfBlankLinesIsEmpty() {
    assertTrue(parse(" \n\n").isEmpty());
    assertEquals(List.of("content/a.md:1:1: error: the page is empty; start it with front matter that gives a title"), headlines());
  }

  @Test
  void emptyFrontMatter() {
    assertTrue(parse("---\n---\nBody\n").isEmpty());
    assertEquals(List.of("content/a.md:1:1: error: front matter is empty; it needs at least 'title'"), headlines());
  }

  @Test
  void frontMatterWithOnlyACommentIsReportedNotDropped() {
    assertTrue(parse("---\n# title: Home\n---\nBody\n").isEmpty());
    assertEquals(List.of("content/a.md:1:1: error: front matter is empty; it needs at least 'title'"), headlines());
  }

  @Test
  void frontMatterThatIsNotAMap() {
    assertTrue(parse("---\nJust a sentence\n---\n").isEmpty());
    assertEquals(List.of("content/a.md:2:1: error: front matter must be a map of 'key: value' lines, not text"), headlines());
  }

  @Test
  void leadingHeadingGivesTheTitleWhenThereIsNoFrontMatter() {
    String text = "# Working together\n\nFirst paragraph.\n";
    ParsedPage page = parse(text).orElseThrow();
    assertEquals("Working together", page.frontMatter().title());
    assertEquals("page", page.frontMatter().layout());
    assertEquals("\nFirst paragraph.\n", page.body());
    assertFalse(page.body().contains("Working together"), "the title is not repeated in the body");
    assertEquals(text.indexOf("\nFirst"), page.bodyOffset());
  }

  @Test
  void closingHashesAreNotPartOfTheTitle() {
    assertEquals("Setup", parse("# Setup ##\nText\n").orElseThrow().frontMatter().title());
  }

  @Test
  void aHashInsideTheTitleIsKept() {
    assertEquals("Learning C#", parse("# Learning C#\n").orElseThrow().frontMatter().title());
  }

  @Test
  void noFrontMatterAndNoHeading() {
    assertTrue(parse("Just text.\n# Later heading\n").isEmpty());
    assertEquals(
        List.of("content/a.md:1:1: error: the page has no title; add front matter ('---', 'title: ...', '---') or start it with a '# Heading'"),
        headlines());
  }

  @Test
  void orderMustBeAnInteger() {
    assertTrue(parse("---\ntitle: Home\norder: first\n---\n").isPresent(), "a page with a title is still read, so its body is checked too");
    assertEquals(List.of("content/a.md:3:8: error: 'order' must be a whole number, not text"), headlines());
  }

  @Test
  void draftMustBeTrueOrFalse() {
    assertTrue(parse("---\ntitle: Home\ndraft: maybe\n---\n").isPresent(), "a page with a title is still read, so its body is checked too");
    assertEquals(List.of("content/a.md:3:8: error: 'draft' must be true or false, not text"), headlines());
  }

  @Test
  void draftIsRead() {
    assertTrue(ok("---\ntitle: Home\ndraft: true\n---\n").draft());
    assertFalse(ok("---\ntitle: Home\ndraft: false\n---\n").draft());
  }

  @Test
  void layoutWithASlashIsRefused() {
    assertTrue(parse("---\ntitle: Home\nlayout: ../secret\n---\n").isPresent(), "a page with a title is still read, so its body is checked too");
    assertEquals(
        List.of("content/a.md:3:9: error: 'layout' must be a template name such as 'page' (lowercase letters, digits, '-' and '_'; no paths)"),
        headlines());
  }

  @Test
  void tagGivenTwiceIsRefused() {
    assertTrue(parse("---\ntitle: Home\ntags: [a, b, a]\n---\n").isPresent(), "a page with a title is still read, so its body is checked too");
    assertEquals(List.of("content/a.md:3:7: error: the tag 'a' is given twice"), headlines());
  }

  @Test
  void oversizeFrontMatterIsRefused() {
    String text = "---\ntitle: Home\ndescription: " + "x".repeat(FrontMatterParser.MAX_FRONT_MATTER_CHARS) + "\n---\nBody\n";
    assertTrue(parse(text).isEmpty());
    assertEquals(List.of("content/a.md:2:1: error: front matter is larger than 64 KiB; move long text into the page body"), headlines());
  }

  @Test
  void yamlErrorsInFrontMatterAreAtTheirFileLine() {
    assertTrue(parse("---\ntitle: Home\ntags:\n\t- a\n---\n").isPresent(), "a page with a title is still read, so its body is checked too");
    assertEquals(List.of("content/a.md:4:1: error: invalid YAML: this line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces"), headlines());
  }

  @Test
  void aPageWithATitleIsStillReadWhateverElseFailed() {
    ParsedPage page = parse("---\ntitle: Home\norder: first\nlayout: ../x\ndescription: It's: broken\ntags: [a, a]\n---\nBody\n").orElseThrow();
    assertEquals(List.of(
        "content/a.md:3:8: error: 'order' must be a whole number, not text",
        "content/a.md:4:9: error: 'layout' must be a template name such as 'page' (lowercase letters, digits, '-' and '_'; no paths)",
        "content/a.md:5:14: error: invalid YAML: this value has ': ' in it, which YAML reads as the start of another key; put the whole value in quotes: description: \"It's: broken\"",
        "content/a.md:6:7: error: the tag 'a' is given twice"), headlines());
    assertEquals("Home", page.frontMatter().title());
    assertEquals("page", page.frontMatter().layout(), "a layout that is a path is never used");
    assertEquals("Body\n", page.body());
  }

  @Test
  void aTitleThatCannotBeReadIsOneError() {
    assertTrue(parse("---\ntitle: My page: a: test\n---\nBody\n").isEmpty());
    assertEquals(List.of(
        "content/a.md:2:8: error: invalid YAML: this value has ': ' in it, which YAML reads as the start of another key; put the whole value in quotes: title: \"My page: a: test\""),
        headlines(), "no second error saying the title is missing");
  }

  @Test
  void updatedOwnerAndReviewByAreRead() {
    FrontMatter fm = ok("---\ntitle: Home\nupdated: 2026-12-03\nowner: \"Practical Partnerships editors\"\nreview_by: '2027-12-03'\n---\n");
    assertEquals(java.util.Optional.of(java.time.LocalDate.of(2026, 12, 3)), fm.upkeep().updated());
    assertEquals("Practical Partnerships editors", fm.upkeep().owner());
    assertEquals(java.util.Optional.of(java.time.LocalDate.of(2027, 12, 3)), fm.upkeep().reviewBy(), "quoted dates are dates too");
    assertEquals(FrontMatter.Upkeep.NONE, ok("---\ntitle: Home\n---\n").upkeep());
  }

  @Test
  void datesMustBeDaysOfTheCalendarWrittenYearMonthDay() {
    parse("---\ntitle: Home\nupdated: 3 December 2026\nreview_by: 2027-02-30\n---\n");
    parse("---\ntitle: Two\nupdated: 2026-12-03T10:00:00\nreview_by: [2027-01-01]\n---\n");
    assertEquals(List.of(
        "content/a.md:3:10: error: 'updated' must be a date written year-month-day, such as 2026-12-03, not '2026-12-03T10:00:00'",
        "content/a.md:3:10: error: 'updated' must be a date written year-month-day, such as 2026-12-03, not '3 December 2026'",
        "content/a.md:4:12: error: 'review_by' is 2027-02-30, which is not a day of the calendar; check the month and the day",
        "content/a.md:4:12: error: 'review_by' must be a date written year-month-day, such as 2026-12-03, not a list"), headlines());
  }
}
