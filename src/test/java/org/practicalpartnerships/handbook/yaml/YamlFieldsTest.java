package org.practicalpartnerships.handbook.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;

class YamlFieldsTest {
  private final Diagnostics diagnostics = new Diagnostics();
  private YamlFields fields;

  private YNode.YMap map(String yaml) {
    SourceText source = new SourceText("t.yml", yaml);
    fields = new YamlFields(source, diagnostics);
    return (YNode.YMap) new YamlReader(10_000).read(source, yaml, 1, diagnostics).orElseThrow();
  }

  private List<String> headlines() {
    return diagnostics.sorted().stream().map(Diagnostic::headline).toList();
  }

  @Test
  void unknownKeySuggestsTheClosestAndListsTheKnownOnes() {
    YNode.YMap m = map("title: T\nlanguge: en\n");
    fields.onlyKeys(m, List.of("title", "language"), "site setting");
    assertEquals(List.of("t.yml:2:1: error: unknown site setting 'languge'; did you mean 'language'? (known: language, title)"), headlines());
    assertTrue(fields.failed());
  }

  @Test
  void unknownKeyFarFromAnyGivesNoSuggestion() {
    YNode.YMap m = map("author: Me\n");
    fields.onlyKeys(m, List.of("title", "language"), "site setting");
    assertEquals(List.of("t.yml:1:1: error: unknown site setting 'author' (known: language, title)"), headlines());
  }

  @Test
  void knownKeysPass() {
    YNode.YMap m = map("title: T\n");
    fields.onlyKeys(m, List.of("title"), "key");
    assertFalse(fields.failed());
    assertEquals(List.of(), headlines());
  }

  @Test
  void wrongTypesAreReportedAtTheValue() {
    YNode.YMap m = map("order: first\ndraft: maybe\ntags: one\ntitle: [a, b]\n");
    assertEquals(Optional.empty(), fields.integer(m, "order"));
    assertEquals(Optional.empty(), fields.bool(m, "draft"));
    assertEquals(List.of(), fields.stringList(m, "tags"));
    assertEquals(Optional.empty(), fields.string(m, "title"));
    assertEquals(
        List.of(
            "t.yml:1:8: error: 'order' must be a whole number, not text",
            "t.yml:2:8: error: 'draft' must be true or false, not text",
            "t.yml:3:7: error: 'tags' must be a list, such as [one, two], not text",
            "t.yml:4:8: error: 'title' must be text, not a list; if the text starts with '[' or '- ', put the whole text in quotes"),
        headlines());
  }

  @Test
  void typedValuesAreRead() {
    YNode.YMap m = map("order: 12\ndraft: yes\nhidden: false\ntags: [a, b]\ntitle: 2024\n");
    assertEquals(Optional.of(12), fields.integer(m, "order"));
    assertEquals(Optional.of(true), fields.bool(m, "draft"));
    assertEquals(Optional.of(false), fields.bool(m, "hidden"));
    assertEquals(List.of("a", "b"), fields.stringList(m, "tags"));
    assertEquals(Optional.of("2024"), fields.string(m, "title"));
    assertEquals(List.of(), headlines());
  }

  @Test
  void zeroPaddedNumbersAreDecimal() {
    YNode.YMap m = map("a: 08\nb: 010\nc: 0x10\nd: 1_000\n");
    assertEquals(Optional.of(8), fields.integer(m, "a"));
    assertEquals(Optional.of(10), fields.integer(m, "b"));
    assertEquals(Optional.of(16), fields.integer(m, "c"));
    assertEquals(Optional.of(1000), fields.integer(m, "d"));
    assertEquals(List.of(), headlines());
  }

  @Test
  void sexagesimalIsNotAWholeNumber() {
    YNode.YMap m = map("order: 1:30\n");
    assertEquals(Optional.empty(), fields.integer(m, "order"));
    assertEquals(List.of("t.yml:1:8: error: 'order' must be a whole number such as 3, not '1:30'"), headlines());
  }

  @Test
  void hugeNumberIsTooLarge() {
    YNode.YMap m = map("order: 99999999999\n");
    assertEquals(Optional.empty(), fields.integer(m, "order"));
    assertEquals(List.of("t.yml:1:8: error: 'order' is too large"), headlines());
  }

  @Test
  void decimalIsNotAWholeNumber() {
    YNode.YMap m = map("order: 1.5\n");
    assertEquals(Optional.empty(), fields.integer(m, "order"));
    assertEquals(1, headlines().size());
    assertTrue(headlines().get(0).startsWith("t.yml:1:8: error: 'order' must be a whole number"), headlines().toString());
  }

  @Test
  void missingRequiredKeyIsReportedAtTheMap() {
    YNode.YMap m = map("description: d\n");
    assertEquals(Optional.empty(), fields.requiredString(m, "title", "front matter"));
    assertEquals(List.of("t.yml:1:1: error: front matter needs 'title'"), headlines());
  }

  @Test
  void blankRequiredValueIsReported() {
    YNode.YMap m = map("title: \"  \"\n");
    assertEquals(Optional.empty(), fields.requiredString(m, "title", "front matter"));
    assertEquals(List.of("t.yml:1:8: error: 'title' must not be empty"), headlines());
  }

  @Test
  void requiredKeyWithNoValueIsReported() {
    YNode.YMap m = map("title:\ndescription: d\n");
    assertEquals(Optional.empty(), fields.requiredString(m, "title", "front matter"));
    assertEquals(1, headlines().size(), "an empty required value must not pass silently");
    assertTrue(headlines().get(0).startsWith("t.yml:1:"), headlines().toString());
    assertTrue(headlines().get(0).endsWith("error: 'title' must not be empty"), headlines().toString());
    assertTrue(fields.failed());
  }

  @Test
  void notAMapIsReported() {
    SourceText source = new SourceText("t.yml", "- a\n- b\n");
    YamlFields f = new YamlFields(source, diagnostics);
    YNode root = new YamlReader(100).read(source, source.text(), 1, diagnostics).orElseThrow();
    assertEquals(Optional.empty(), f.map(root, "site.yml"));
    assertEquals(List.of("t.yml:1:1: error: site.yml must be a map of 'key: value' lines, not a list; write 'key: value' lines without '- ' before them"), headlines());
  }

  @Test
  void commonSlipsInValuesGetAHint() {
    YNode.YMap m = map("tags:\n  -a\n  -b\ntitle:\n  first: second\nlinks: x:y\n");
    fields.stringList(m, "tags");
    fields.string(m, "title");
    fields.map(m.get("links").orElseThrow(), "'links'");
    assertEquals(
        List.of(
            "t.yml:2:3: error: 'tags' must be a list, such as [one, two], not text; a list item needs a space after '-' (write '- a')",
            "t.yml:5:3: error: 'title' must be text, not a map; if the text has ': ' in it, put the whole text in quotes",
            "t.yml:6:8: error: 'links' must be a map of 'key: value' lines, not text; put a space after the ':' of each 'key: value'"),
        headlines());
  }

  @Test
  void aValueThatCouldNotBeReadIsNotReportedAgain() {
    String yaml = "title: My: page\norder: [1\ntags: a: b\n";
    fields = new YamlFields(new SourceText("t.yml", yaml), diagnostics);
    YamlReader.Document document = new YamlReader(1000).parse(yaml, 1);
    YNode.YMap m = (YNode.YMap) document.root().orElseThrow();
    assertEquals(Optional.empty(), fields.requiredString(m, "title", "front matter"));
    assertEquals(Optional.empty(), fields.integer(m, "order"));
    assertEquals(List.of(), fields.stringList(m, "tags"));
    assertEquals(Optional.empty(), fields.requiredString(m, "description", "front matter"), "it may be the key that could not be read");
    assertEquals(List.of(), headlines(), "the reader reported each once");
    assertEquals(3, document.problems().size());
    assertTrue(fields.failed());
  }
}
