package org.practicalpartnerships.handbook.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Position;
import org.practicalpartnerships.handbook.diagnostics.SourceText;

class YamlReaderTest {
  private final Diagnostics diagnostics = new Diagnostics();

  private Optional<YNode> read(String yaml) {
    return new YamlReader(64 * 1024).read(new SourceText("t.yml", yaml), yaml, 1, diagnostics);
  }

  private List<String> headlines() {
    return diagnostics.sorted().stream().map(Diagnostic::headline).toList();
  }

  @Test
  void readsMapsListsAndScalarsWithTheirTypesAndPositions() {
    YNode.YMap map = assertInstanceOf(YNode.YMap.class, read("title: Home\norder: 3\ntags:\n  - a\n  - b\ndraft: false\n").orElseThrow());
    assertEquals(List.of("title", "order", "tags", "draft"), map.entries().stream().map(YNode.Entry::key).toList());
    YNode.YScalar order = assertInstanceOf(YNode.YScalar.class, map.get("order").orElseThrow());
    assertEquals("int", order.type());
    assertEquals(new Position(2, 8), order.position());
    assertEquals(new Position(2, 1), map.entry("order").orElseThrow().keyPosition());
    YNode.YList tags = assertInstanceOf(YNode.YList.class, map.get("tags").orElseThrow());
    assertEquals(new Position(5, 5), tags.items().get(1).position());
    assertEquals("bool", ((YNode.YScalar) map.get("draft").orElseThrow()).type());
    assertEquals(List.of(), headlines());
  }

  @Test
  void positionsAreFilePositionsWhenTheYamlStartsLaterInTheFile() {
    String file = "---\ntitle: Home\ntitel: x\n---\nBody\n";
    String block = "title: Home\ntitel: x\n";
    YNode.YMap map = (YNode.YMap) new YamlReader(1000).read(new SourceText("a.md", file), block, 2, diagnostics).orElseThrow();
    assertEquals(new Position(3, 1), map.entry("titel").orElseThrow().keyPosition());
  }

  @Test
  void unclosedQuoteIsReportedAtTheOpeningQuoteInFilePositions() {
    String file = "---\ntitle: Home\ndescription: \"unclosed\n---\n";
    String block = "title: Home\ndescription: \"unclosed\n";
    YNode.YMap map = (YNode.YMap) new YamlReader(1000).read(new SourceText("a.md", file), block, 2, diagnostics).orElseThrow();
    assertEquals(List.of("a.md:3:14: error: invalid YAML: this quoted text is never closed; add the closing \" at its end"), headlines());
    assertEquals("description: \"unclosed", diagnostics.sorted().get(0).sourceLine());
    assertInstanceOf(YNode.YUnreadable.class, map.get("description").orElseThrow(), "the value with the mistake is set aside");
    assertEquals("Home", ((YNode.YScalar) map.get("title").orElseThrow()).value(), "the rest is read");
  }

  /**
   * SnakeYAML counts U+0085, U+2028 and U+2029 as line breaks; editors do not (they show them as
   * odd characters within a line), so positions are the lines and columns an editor shows.
   */
  @Test
  void unicodeLineSeparatorsDoNotMovePositions() {
    for (String separator : List.of("\u2028", "\u2029", "\u0085", "\u2028\u2029\u0085\u2028")) {
      Diagnostics found = new Diagnostics();
      String yaml = "title: \"a" + separator + "b\"\ndescription: 'one" + separator + "two'\ntags: [x, y]\nlayout: !!java.io.File x\n";
      new YamlReader(1000).read(new SourceText("t.yml", yaml), yaml, 1, found);
      String shown = separator.codePoints().mapToObj(Integer::toHexString).toList().toString();
      assertEquals(List.of("t.yml:4:9: error: invalid YAML: the YAML tag '!!java.io.File' is not allowed; write plain text, numbers, lists and maps (put text that starts with '!' in quotes)"),
          found.sorted().stream().map(Diagnostic::headline).toList(), "with " + shown);
      String clean = yaml.replace("!!java.io.File ", "");
      YNode.YMap map = (YNode.YMap) new YamlReader(1000).read(new SourceText("t.yml", clean), clean, 1, new Diagnostics()).orElseThrow();
      assertEquals(new Position(3, 7), map.get("tags").orElseThrow().position(), "with " + shown);
      assertEquals(new Position(4, 9), map.get("layout").orElseThrow().position(), "with " + shown);
    }
  }

  @Test
  void aSyntaxErrorAfterALineSeparatorIsOnTheLineAnEditorShows() {
    // To YAML 1.1 the separator ends the line, so 'b' is a key without ':'; an editor shows one line.
    String yaml = "title: Home\ndescription: a\u2028b\n";
    read(yaml);
    Diagnostic d = diagnostics.sorted().get(0);
    assertEquals(2, d.line(), d.headline());
    assertEquals("description: a\u2028b", d.sourceLine());
  }

  @Test
  void columnsCountCharactersAsTheSourceLineDoes() {
    // An emoji is two UTF-16 characters: the column is where the caret must go in the line.
    YNode.YMap map = (YNode.YMap) read("title: \uD83D\uDE00 x\ntags: [\uD83D\uDE00, b]\n").orElseThrow();
    YNode.YList tags = (YNode.YList) map.get("tags").orElseThrow();
    assertEquals(new Position(2, 12), tags.items().get(1).position());
  }

  @Test
  void everySyntaxErrorOfAFileIsReportedInOneRun() {
    YNode.YMap map = (YNode.YMap) read("title: My page: a: test\ndescription: fine\ntags: [a, b\norder: \"3\n").orElseThrow();
    assertEquals(List.of(
        "t.yml:1:8: error: invalid YAML: this value has ': ' in it, which YAML reads as the start of another key; put the whole value in quotes: title: \"My page: a: test\"",
        "t.yml:3:7: error: invalid YAML: this list is never closed; add the closing ']' at its end (if it is text that starts with '[', put the whole text in quotes)",
        "t.yml:4:8: error: invalid YAML: this quoted text is never closed; add the closing \" at its end"), headlines());
    assertEquals(List.of("title", "description", "tags", "order"), map.entries().stream().map(YNode.Entry::key).toList());
    assertEquals("fine", ((YNode.YScalar) map.get("description").orElseThrow()).value());
  }

  @Test
  void theNumberOfSyntaxErrorsIsBounded() {
    String yaml = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "k" + i + ": [x\n").reduce("", String::concat);
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(yaml));
    assertEquals(YamlReader.MAX_SYNTAX_ERRORS, headlines().size());
  }

  @Test
  void javaClassTagsAreRefused() {
    YNode.YMap map = (YNode.YMap) read("title: ok\nfile: !!java.io.File /etc/passwd\n").orElseThrow();
    assertEquals(
        List.of("t.yml:2:7: error: invalid YAML: the YAML tag '!!java.io.File' is not allowed; write plain text, numbers, lists and maps (put text that starts with '!' in quotes)"),
        headlines());
    assertInstanceOf(YNode.YUnreadable.class, map.get("file").orElseThrow());
  }

  @Test
  void javaClassTagsOnMapsAreRefused() {
    YNode.YMap map = (YNode.YMap) read("x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://example.org\"]]]]\n").orElseThrow();
    assertTrue(diagnostics.hasErrors());
    assertTrue(diagnostics.sorted().get(0).message().contains("not allowed"), headlines().toString());
    assertInstanceOf(YNode.YUnreadable.class, map.get("x").orElseThrow());
  }

  @Test
  void customLocalTagsAreRefused() {
    read("title: !foo bar\n");
    assertEquals(
        List.of("t.yml:1:8: error: the YAML tag '!foo' is not allowed; write plain text, numbers, lists and maps (put text that starts with '!' in quotes)"),
        headlines());
  }

  @Test
  void standardTagsAreAllowed() {
    YNode.YMap map = (YNode.YMap) read("order: !!str 3\n").orElseThrow();
    assertEquals("str", ((YNode.YScalar) map.get("order").orElseThrow()).type());
  }

  @Test
  void duplicateKeysNameTheFirstLine() {
    YNode.YMap map = (YNode.YMap) read("title: One\ndescription: d\ntitle: Two\n").orElseThrow();
    assertEquals(List.of("t.yml:3:1: error: duplicate key 'title' (first given on line 1); keep one of them"), headlines());
    assertEquals("One", ((YNode.YScalar) map.get("title").orElseThrow()).value(), "the first is kept, so the rest is still checked");
  }

  @Test
  void duplicateKeysInNestedMapsAreRefusedToo() {
    read("a:\n  b: 1\n  b: 2\n");
    assertEquals(List.of("t.yml:3:3: error: duplicate key 'b' (first given on line 2); keep one of them"), headlines());
  }

  @Test
  void billionLaughsFailsFastWithADiagnostic() {
    String bomb =
        """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """;
    Optional<YNode> result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> read(bomb));
    assertTrue(result.isEmpty());
    assertEquals(
        List.of("t.yml:1:1: error: invalid YAML: too many aliases (at most 20); alias expansion is limited to stop 'billion laughs' input"),
        headlines());
  }

  @Test
  void fewAliasesExpandingManyValuesAreStoppedByTheValueLimit() {
    // 20 aliases, but each level doubles: 2^19 leaves would be built without a value limit.
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x]\n");
    for (int i = 1; i < 20; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    Optional<YNode> result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> read(yaml.toString()));
    assertTrue(result.isEmpty());
    assertTrue(diagnostics.hasErrors());
    assertEquals(1, headlines().size(), headlines().toString());
  }

  @Test
  void aFewAliasesAreFine() {
    YNode.YMap map = (YNode.YMap) read("base: &b hello\ncopy: *b\n").orElseThrow();
    assertEquals("hello", ((YNode.YScalar) map.get("copy").orElseThrow()).value());
  }

  @Test
  void tabIndentationHasAClearMessage() {
    read("tags:\n\t- one\n");
    assertEquals(List.of("t.yml:2:1: error: invalid YAML: this line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces"), headlines());
  }

  @Test
  void mergeKeysAreRefused() {
    read("base: &b {x: 1}\nother:\n  <<: *b\n");
    assertEquals(List.of("t.yml:3:3: error: keys must be plain text; put a key that starts with '[', '{' or '?' in quotes"), headlines());
  }

  @Test
  void tooLargeTextIsRefused() {
    String yaml = "text: " + "x".repeat(200) + "\n";
    assertTrue(new YamlReader(100).read(new SourceText("t.yml", yaml), yaml, 1, diagnostics).isEmpty());
    assertEquals(List.of("t.yml:1:1: error: invalid YAML: the YAML is too large to read safely"), headlines());
  }

  @Test
  void emptyTextGivesNothingAndNoError() {
    assertTrue(read("# only a comment\n").isEmpty());
    assertEquals(List.of(), headlines());
  }
}
