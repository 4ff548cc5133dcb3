package org.practicalpartnerships.handbook.checkup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;

/** Every rule of content/checkup.yml, each at its line and column; the fixtures checkup-* show them through the build. */
class CheckupLoaderTest {
  static final MarkdownEngine MARKDOWN = new MarkdownEngine();
  static final String PATH = "content/checkup.yml";

  static final String SCALE = """
      scale:
        - score: 1
          label: Disagree
        - score: 2
          label: Agree
      """;

  /** A valid check-up: two themes, three statements. */
  static final String SMALL = """
      title: Check-up
      intro: Answer [each](a.md) statement.
      """ + SCALE + """
      themes:
        - id: purpose
          title: Purpose
          about: What it is *for*.
          statements:
            - id: clear
              text: We are clear.
            - id: same
              text: We say the same.
          low: Read [the guide](b.md#x).
          links:
            - page: a.md#y
              label: Read A
        - id: trust
          title: Trust
          statements:
            - id: word
              text: Partners keep their word.
          low: Start small.
          links:
            - page: b.md
              label: Read B
      """;

  private final Diagnostics diagnostics = new Diagnostics();

  private CheckupLoader.Result load(String yaml) {
    return new CheckupLoader(MARKDOWN, false).load(new SourceText(PATH, yaml), diagnostics);
  }

  /** The problems as "line:column: message". */
  private List<String> problems() {
    return diagnostics.sorted().stream().map(d -> d.line() + ":" + d.column() + ": " + d.message()).toList();
  }

  private void assertOneProblem(String yaml, String expected) {
    CheckupLoader.Result result = load(yaml);
    assertTrue(result.checkup().isEmpty(), "a check-up with errors is not handed out");
    assertEquals(List.of(expected), problems());
  }

  @Test
  void readsAValidCheckup() {
    Checkup checkup = load(SMALL).checkup().orElseThrow();
    assertEquals(List.of(), problems());
    assertEquals("Check-up", checkup.title());
    assertEquals("", checkup.description());
    assertEquals(List.of(new Checkup.Point(1, "Disagree"), new Checkup.Point(2, "Agree")), checkup.scale());
    assertEquals("", checkup.unsure());
    assertEquals(new BigDecimal("1.5"), checkup.lowBelow(), "by default, halfway between the lowest and the highest score");
    assertEquals(List.of("purpose", "trust"), checkup.themes().stream().map(Checkup.Theme::id).toList());
    assertEquals(List.of("clear", "same", "word"), checkup.statements().stream().map(Checkup.Statement::id).toList());
    assertTrue(checkup.themes().get(0).about().html().contains("<em>for</em>"));
    assertTrue(checkup.themes().get(1).about().isEmpty());
    assertEquals("Read A", checkup.themes().get(0).links().get(0).label());
  }

  @Test
  void returnsEveryLinkAsWrittenWithItsPlaceInTheFile() {
    CheckupLoader.Result result = load(SMALL);
    SourceText source = new SourceText(PATH, SMALL);
    List<String> links = result.links().stream().map(l -> l.url() + " at " + source.lineOf(l.offset()) + ":" + source.columnOf(l.offset())).toList();
    assertEquals(List.of("a.md at 2:22", "b.md#x at 17:27", "a.md#y at 19:15", "b.md at 28:15"), links);
  }

  @Test
  void readsTheOptionalKeys() {
    Checkup checkup = load(SMALL.replace("intro:", "description: One sentence.\nunsure: Don't know\nlow_below: 1.75\nintro:")).checkup().orElseThrow();
    assertEquals("One sentence.", checkup.description());
    assertEquals("Don't know", checkup.unsure());
    assertEquals(new BigDecimal("1.75"), checkup.lowBelow());
  }

  @Test
  void unknownKeysAtEveryLevelWithDidYouMean() {
    load(SMALL.replace("title: Check-up", "titel: Check-up").replace("- score: 2", "- scroe: 2").replace("label: Read B", "lable: Read B")
        .replace("text: We are clear.", "txt: We are clear.").replace("low: Start small.", "lwo: Start small."));
    assertEquals(List.of(
        "1:1: unknown check-up key 'titel'; did you mean 'title'? (known: description, intro, low_below, scale, themes, title, unsure)",
        "6:5: unknown scale key 'scroe'; did you mean 'score'? (known: label, score)",
        "14:9: unknown statement key 'txt'; did you mean 'text'? (known: id, text)",
        "26:5: unknown theme key 'lwo'; did you mean 'low'? (known: about, id, links, low, statements, title)",
        "29:9: unknown link key 'lable'; did you mean 'label'? (known: label, page)"), problems());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      title: Check-up         | title:            | 1:7: 'title' must not be empty
      intro: Answer [each](a.md) statement. | intro: '' | 2:8: 'intro' must not be empty
      text: We are clear.     | text: '  '        | 14:15: 'text' must not be empty
      title: Trust            | title: ~          | 22:12: 'title' must not be empty
      label: Read B           | label:            | 29:15: 'label' must not be empty
      low: Start small.       | low:              | 26:9: 'low' must not be empty
      """)
  void emptyValues(String from, String to, String expected) {
    assertOneProblem(SMALL.replace(from, to), expected);
  }

  @Test
  void missingValues() {
    String yaml = """
        scale:
          - label: Disagree
          - score: 2
        themes:
          - title: Purpose
            statements:
              - text: No id.
              - id: no-text
            low: Talk.
            links:
              - label: No page
          - id: bare
        """;
    load(yaml);
    assertEquals(List.of(
        "1:1: the check-up needs 'intro': the page's introduction, in Markdown",
        "1:1: the check-up needs 'title': the page's title",
        "2:5: a point of the scale needs 'score': a whole number, such as 1",
        "3:5: a point of the scale needs 'label': its text, such as 'Agree'",
        "5:5: a theme needs 'id': a short name such as 'purpose', in lowercase letters, digits and hyphens",
        "7:9: a statement needs 'id': a short name such as 'one-sentence', in lowercase letters, digits and hyphens",
        "8:9: a statement needs 'text': the statement to answer",
        "11:9: a link needs 'page': a handbook page, such as practice/shared-goals.md#steps",
        "12:5: theme 'bare' has no statements; give it one or more, each with an 'id' and a 'text'",
        "12:5: theme 'bare' needs 'links': one or more handbook pages that help",
        "12:5: theme 'bare' needs 'low': what a low score suggests, in Markdown",
        "12:5: theme 'bare' needs 'title'"), problems());
  }

  @Test
  void emptyOptionalValuesAreMistakes() {
    load(SMALL.replace("intro:", "description:\nunsure: ' '\nintro:").replace("about: What it is *for*.", "about:"));
    assertEquals(List.of(
        "2:13: 'description' must not be empty; fill it in or remove it",
        "3:9: 'unsure' must not be empty; fill it in or remove it",
        "13:11: 'about' must not be empty; fill it in or remove it"), problems());
  }

  @Test
  void duplicateIds() {
    String yaml = SMALL.replace("id: trust", "id: purpose").replace("id: word", "id: clear").replace("id: same", "id: clear");
    load(yaml);
    assertEquals(List.of(
        "15:13: duplicate statement id 'clear' (first given on line 13); give each statement its own id",
        "21:9: duplicate theme id 'purpose' (first given on line 9); give each theme its own id",
        "24:13: duplicate statement id 'clear' (first given on line 13); give each statement its own id"), problems());
  }

  @Test
  void duplicateKeysAreReportedAndTheRestIsStillChecked() {
    load(SMALL.replace("intro: Answer", "title: Again\nintro: Answer").replace("label: Read B", "label: Read B\n        label: Read C")
        .replace("text: We are clear.", "text: We are clear.\n        txt: typo"));
    assertEquals(List.of(
        "2:1: duplicate key 'title' (first given on line 1); keep one of them",
        "16:9: unknown statement key 'txt'; did you mean 'text'? (known: id, text)",
        "32:9: duplicate key 'label' (first given on line 31); keep one of them"), problems());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Purpose      | 9:9: theme id 'Purpose' must be lowercase letters, digits and hyphens, such as 'shared-goal'
      shared goal  | 9:9: theme id 'shared goal' must be lowercase letters, digits and hyphens, such as 'shared-goal'
      -purpose     | 9:9: theme id '-purpose' must be lowercase letters, digits and hyphens, such as 'shared-goal'
      """)
  void badIds(String id, String expected) {
    assertOneProblem(SMALL.replace("id: purpose", "id: '" + id + "'"), expected);
  }

  @Test
  void aThemeWithoutStatements() {
    assertOneProblem(SMALL.replace("    statements:\n      - id: word\n        text: Partners keep their word.\n", "    statements: []\n"),
        "23:5: theme 'trust' has no statements; give it one or more, each with an 'id' and a 'text'");
  }

  @Test
  void aScaleOfOnePointOrOfTooMany() {
    assertOneProblem(SMALL.replace("""
          - score: 2
            label: Agree
        """, ""), "3:1: the scale has only one point; it needs two or more, such as 'Disagree' and 'Agree'");
    Diagnostics many = new Diagnostics();
    StringBuilder scale = new StringBuilder("scale:\n");
    for (int i = 1; i <= 10; i++) {
      scale.append("  - score: ").append(i).append("\n    label: Point ").append(i).append('\n');
    }
    new CheckupLoader(MARKDOWN, false).load(new SourceText(PATH, SMALL.replace(SCALE, scale.toString())), many);
    assertEquals(List.of("3:1: the scale has 10 points, more than the 9 allowed"),
        many.sorted().stream().map(d -> d.line() + ":" + d.column() + ": " + d.message()).toList());
  }

  @Test
  void aScaleWithTwoPointsOfTheSameScoreOrLabel() {
    load(SMALL.replace("- score: 2\n    label: Agree", "- score: 1\n    label: disagree"));
    assertEquals(List.of(
        "6:12: two points of the scale score 1 (the first on line 4); give each point its own score",
        "7:12: two points of the scale are labelled 'disagree' (the first on line 5); give each point its own label"), problems());
  }

  @ParameterizedTest(name = "low_below: {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      1     | 'low_below' is 1, but it must be above the lowest score (1) and at most the highest (2): a theme averaging below it counts as low
      2.5   | 'low_below' is 2.5, but it must be above the lowest score (1) and at most the highest (2): a theme averaging below it counts as low
      high  | 'low_below' must be a number, such as 2.5, not 'high'
      [1]   | 'low_below' must be a number, such as 2.5, not a list
      """)
  void lowBelowMustLieWithinTheScale(String value, String expected) {
    assertOneProblem(SMALL.replace("intro:", "low_below: " + value + "\nintro:"), "2:12: " + expected);
  }

  @Test
  void lowBelowAtTheTopOfTheScaleIsAllowed() {
    assertEquals(new BigDecimal("2"), load(SMALL.replace("intro:", "low_below: 2\nintro:")).checkup().orElseThrow().lowBelow());
  }

  @Test
  void linksThatAreNotHandbookPages() {
    load(SMALL.replace("page: a.md#y", "page: https://example.org/").replace("page: b.md", "page: b.html"));
    assertEquals(List.of(
        "19:15: 'page' must be a page of the handbook, written relative to the content folder, such as practice/shared-goals.md#steps",
        "28:15: 'page' must be a page of the handbook, written relative to the content folder, such as practice/shared-goals.md#steps"), problems());
  }

  @Test
  void unsafeHtmlInTheMarkdownIsRefusedAtItsPlace() {
    load(SMALL.replace("about: What it is *for*.", "about: 'It is <b onmouseover=\"x()\">for</b>.'")
        .replace("low: Start small.", "low: |\n      Start small.\n\n      <script>alert(1)</script>"));
    assertEquals(List.of(
        "11:22: the event-handler attribute 'onmouseover' is not allowed: content may not run code",
        "29:7: raw <script> is not allowed in a page: content may not run code or change how the page loads"), problems());
  }

  @Test
  void wrongKindsOfValue() {
    load(SMALL.replace("themes:\n", "themes: none\nignored:\n"));
    assertEquals(List.of(
        "8:9: 'themes' must be a list of themes, each starting with '- id:', not text",
        "9:1: unknown check-up key 'ignored' (known: description, intro, low_below, scale, themes, title, unsure)"),
        problems().subList(0, 2));
  }

  @Test
  void tooManyStatements() {
    StringBuilder statements = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      statements.append("      - id: s").append(i).append("\n        text: Statement ").append(i).append('\n');
    }
    String yaml = "title: T\nintro: I\n" + SCALE + "themes:\n  - id: all\n    title: All\n    statements:\n" + statements + "    low: L\n    links:\n      - page: a.md\n        label: A\n";
    load(yaml);
    assertEquals(List.of("8:1: the check-up has 101 statements, more than the 100 allowed; a check-up that long is seldom finished: keep the statements that matter most"), problems());
  }

  @Test
  void anEmptyFileOrNotAMap() {
    assertOneProblem("", "1:1: the check-up is empty: it needs 'title', 'intro', 'scale' and 'themes'");
    Diagnostics list = new Diagnostics();
    new CheckupLoader(MARKDOWN, false).load(new SourceText(PATH, "- a\n- b\n"), list);
    assertEquals(List.of("the check-up must be a map of 'key: value' lines, not a list; write 'key: value' lines without '- ' before them"), list.sorted().stream().map(Diagnostic::message).toList());
  }

  /** Issue 16, items 15 and 16: a YAML mistake is one error at its line, nothing more about that value, and the rest is still read. */
  @Test
  void aYamlMistakeIsOneErrorAndTheRestOfTheFileIsStillChecked() {
    assertOneProblem(SMALL.replace("    links:\n      - page: b.md\n        label: Read B\n", "    links: [\n"), "27:12: invalid YAML: this list is never closed; add the closing ']' at its end (if it is text that starts with '[', put the whole text in quotes)");
  }

  @Test
  void aYamlMistakeInOneValueLeavesTheOthersChecked() {
    load(SMALL.replace("title: Check-up\n", "title: Check-up\nlow_below: [1.5\n").replace("    title: Trust\n", "    titel: Trust\n"));
    assertEquals(List.of(
        "2:12: invalid YAML: this list is never closed; add the closing ']' at its end (if it is text that starts with '[', put the whole text in quotes)",
        "23:5: unknown theme key 'titel'; did you mean 'title'? (known: about, id, links, low, statements, title)"), problems());
  }

  @Test
  void everyProblemInOneRunInFileOrder() {
    String yaml = """
        titel: Check-up
        intro:
        scale:
          - score: 1
            label: No
        themes:
          - id: a
            title: A
            statements: []
            low: L
            links: []
          - id: a
            title: A again
            statements:
              - id: s
            low: <iframe></iframe>
            links:
              - page: x.md
        """;
    CheckupLoader.Result result = load(yaml);
    assertTrue(result.checkup().isEmpty());
    assertEquals(List.of("x.md"), result.links().stream().map(LinkRef::url).toList(), "links are returned even with errors, to be checked in the same run");
    assertEquals(List.of(
        "1:1: unknown check-up key 'titel'; did you mean 'title'? (known: description, intro, low_below, scale, themes, title, unsure)",
        "2:7: 'intro' must not be empty",
        "3:1: the scale has only one point; it needs two or more, such as 'Disagree' and 'Agree'",
        "9:5: theme 'a' has no statements; give it one or more, each with an 'id' and a 'text'",
        "11:5: 'links' needs at least one link into the handbook",
        "12:9: duplicate theme id 'a' (first given on line 7); give each theme its own id",
        "15:9: a statement needs 'text': the statement to answer",
        "16:10: raw <iframe> is not allowed in a page: content may not run code or change how the page loads",
        "18:9: a link needs 'label': its text"), problems());
  }
}
