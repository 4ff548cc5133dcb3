package org.practicalpartnerships.handbook.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.SourceText;

/**
 * The common YAML mistakes, each with the message an editor reads: what is wrong and what to do,
 * at the line and column where to do it, never the parser's own words. Every YAML file the build
 * reads (front matter, site.yml, glossary.yml, decide.yml) gets these through {@link YamlReader}.
 */
class YamlSyntaxTest {
  /** The diagnostics for {@code yaml}, without the "path:" and "invalid YAML: ". */
  private static List<String> problems(String yaml) {
    YamlReader.Document document = new YamlReader(64 * 1024).parse(yaml, 1);
    return document.diagnostics(new SourceText("f.yml", yaml)).stream()
        .map(Diagnostic::headline).map(h -> h.replace("f.yml:", "").replace("error: invalid YAML: ", "")).toList();
  }

  private static void expect(String yaml, String... expected) {
    assertEquals(List.of(expected), problems(yaml));
  }

  // ---- lists and maps in brackets

  @Test
  void aListNeverClosedIsReportedAtItsBracketNotWhereTheParserNoticed() {
    String tree = "title: T\n" + "# comment\n".repeat(13) + "start: [goals\n\nnodes:\n  goals: {}\n";
    expect(tree, "15:8: this list is never closed; add the closing ']' at its end (if it is text that starts with '[', put the whole text in quotes)");
  }

  @Test
  void aListNeverClosedAtTheEndOfTheFile() {
    expect("tags: [a, b\n", "1:7: this list is never closed; add the closing ']' at its end (if it is text that starts with '[', put the whole text in quotes)");
  }

  @Test
  void aMapNeverClosed() {
    expect("a: {b: c, d\n", "1:4: this map is never closed; add the closing '}' at its end (if it is text that starts with '{', put the whole text in quotes)");
  }

  @Test
  void aListOpenedWithNothingAfterItAtTheEndOfTheFile() {
    // Nothing to do with '#': the hint is about the bracket, and the caret at it.
    expect("title: T\nlinks: [\n", "2:8: this list is never closed; add the closing ']' at its end (if it is text that starts with '[', put the whole text in quotes)");
    expect("title: T\nlinks: [a,\n", "2:8: this list is never closed; add the closing ']' at its end (if it is text that starts with '[', put the whole text in quotes)");
  }

  @Test
  void aListCutShortByAHashSaysThatAHashStartsAComment() {
    expect("title: T\ntags: [a, #b]\n", "2:7: this list is never closed; add the closing ']' at its end (a '#' after a space starts a comment, so put text with '#' in it in quotes)");
  }

  @Test
  void itemsInBracketsWithoutACommaBetween() {
    expect("tags: [a, \"b\" c]\n", "1:15: in a list written [one, two], a ',' or ']' must come here; separate the items with ', ', and put any that has quotes, brackets or ': ' in it in quotes");
  }

  @Test
  void aClosingBracketThatClosesNothing() {
    expect("title: a\ntags: [a, b]]\n", "2:13: a ']' that closes nothing; remove it, or put the whole value in quotes");
  }

  @Test
  void textThatStartsWithABracket() {
    expect("title: [Draft] My page\n", "1:8: this value starts with '[', so YAML reads a list, but text follows its ']'; put the whole value in quotes: title: \"[Draft] My page\"");
  }

  // ---- quotes

  @Test
  void aQuoteNeverClosed() {
    expect("title: \"Unclosed\n", "1:8: this quoted text is never closed; add the closing \" at its end");
    expect("title: 'Unclosed\n", "1:8: this quoted text is never closed; add the closing ' at its end");
  }

  @Test
  void aQuoteNotClosedOnItsLineRunsOnToTheNextQuote() {
    expect("title: \"Unclosed quote\ndescription: \"x\"\n",
        "1:8: this quoted text is not closed on its line, so it runs on to line 2; add the closing \" at the end of this line");
  }

  @Test
  void anApostropheInsideSingleQuotes() {
    expect("title: 'it's here'\n",
        "1:11: the text in single quotes ends at this ', and more text follows; inside '...' write an apostrophe twice (''), or put the whole text in double quotes instead");
  }

  @Test
  void aQuoteInsideDoubleQuotes() {
    expect("title: Foo\ndescription: \"A 'thing' with \"quotes\"\n",
        "2:30: the text in double quotes ends at this \", and more text follows; inside \"...\" write a quote as \\\", or put the whole text in single quotes instead");
  }

  @Test
  void aBackslashInDoubleQuotes() {
    expect("path: \"C:\\Users\\me\"\n", "1:10: in double quotes a backslash starts an escape such as \\n; write \\\\ for a backslash, or put the text in single quotes instead");
  }

  // ---- ':' in text

  @Test
  void aColonInAValueOfFrontMatter() {
    expect("title: My page: a: test\n", "1:8: this value has ': ' in it, which YAML reads as the start of another key; put the whole value in quotes: title: \"My page: a: test\"");
  }

  @Test
  void aColonInAListItemThatIsASentence() {
    expect("first_steps:\n  - Write this down: then that: and more\n",
        "2:5: this item has ': ' in it, which YAML reads as the start of another key; put the whole item in quotes: - \"Write this down: then that: and more\"");
  }

  @Test
  void aColonInAValueThatHasQuotesUsesTheOtherQuotes() {
    expect("label: Say \"yes\": then go\n", "1:8: this value has ': ' in it, which YAML reads as the start of another key; put the whole value in quotes: label: 'Say \"yes\": then go'");
  }

  // ---- indentation

  @Test
  void aKeyIndentedUnderAnotherKeysValue() {
    expect("title: x\n  description: wrongly indented\n",
        "2:3: 'description:' is indented more than 'title:' on line 1, so YAML reads it as part of that value; line it up with 'title:' (no spaces before it), or, if it continues the text above, put all of that text in quotes");
  }

  @Test
  void aKeyIndentedTooFarInAListEntry() {
    expect("- term: a\n   definition: b\n",
        "2:4: 'definition:' is indented more than 'term:' on line 1, so YAML reads it as part of that value; line it up with 'term:' (2 spaces before it), or, if it continues the text above, put all of that text in quotes");
  }

  @Test
  void aKeyIndentedLessThanItsNeighbours() {
    expect("answers:\n  - label: x\n    next: y\n  - label: z\n   next: w\n",
        "5:4: 'next:' is indented 3 spaces, which lines it up with nothing above; line it up with 'label:' on line 4 (4 spaces)");
  }

  @Test
  void aListItemIndentedTooFar() {
    expect("nodes:\n  a:\n    answers:\n    - label: x\n      next: y\n     - label: z\n",
        "6:6: this list item is indented 5 spaces, which lines it up with nothing above; line it up with the '-' on line 4 (4 spaces)");
    expect("- term: a\n  definition: b\n - term: c\n  definition: d\n",
        "3:2: this list item is indented 1 space, which lines it up with nothing above; line it up with the '-' on line 1 (no spaces)");
  }

  @Test
  void aKeyAmongListItems() {
    expect("- term: a\n  definition: b\nterm: c\n",
        "3:1: 'term:' is lined up with the list items above (the '-' on line 1) but is not one; start it with '- ' if it is an item of its own, or indent it under an item");
  }

  @Test
  void aListItemAmongKeys() {
    expect("title: x\n- y\n", "2:1: a list item ('- ') among 'key: value' lines; a list belongs under a key such as 'tags:', on the lines below it and indented");
  }

  @Test
  void aListOnItsKeysLine() {
    expect("tags: - one\n",
        "1:7: a list cannot start on the same line as 'tags:'; put each item on a line of its own below it, indented and starting with '- ', or write [one, two] (if it is text, put it in quotes)");
  }

  @Test
  void aDashWithoutASpace() {
    expect("tags:\n-a\n", "2:1: a list item needs a space after '-': write '- a'");
  }

  @Test
  void aLineThatIsNeitherKeyNorItem() {
    expect("title: x\njust some text\nmore: y\n",
        "2:1: this line is not 'key: value' and not a list item ('- ...'); if it continues the text above, indent it (or put all of that text in quotes); if it is a key, put ': ' after it");
  }

  @Test
  void tabs() {
    expect("title: x\n\tdescription: y\n", "2:1: this line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces");
    expect("title:\tx\n", "1:7: a tab here; YAML separates with spaces only, so replace the tab with a space");
  }

  // ---- text after '|' and '>'

  @Test
  void blockTextNotIndented() {
    expect("description: |\ntwo\n", "2:1: the text under 'description: |' must be indented more than 'description:'; put spaces at the start of this line");
  }

  @Test
  void blockTextOnTheIndicatorsLine() {
    expect("description: | text\n  more\n", "1:16: only '-', '+' or a number may follow '|' or '>' on its line; start the text on the next line, indented under the key");
  }

  @Test
  void blockTextIndentedLessThanItsFirstLine() {
    expect("title: x\ndesc: |\n  fine\n wrong\n", "4:2: this line is indented less than the text above it, so it is not part of that text; indent it as much as line 3 (2 spaces)");
  }

  // ---- characters YAML gives a meaning

  @Test
  void markdownEmphasisAtTheStartOfAValue() {
    expect("summary: *Went* left.\n", "1:10: text that starts with '*' is read as a YAML alias; put the whole text in quotes: summary: \"*Went* left.\"");
    expect("first_steps:\n  - **Bold** step\n", "2:5: text that starts with '*' is read as a YAML alias; put the whole text in quotes: - \"**Bold** step\"");
  }

  @Test
  void charactersThatCannotStartText() {
    expect("title: @home\n", "1:8: text cannot start with '@' in YAML; put the whole text in quotes: title: \"@home\"");
    expect("title: `code`\n", "1:8: text cannot start with '`' in YAML; put the whole text in quotes: title: \"`code`\"");
  }

  @Test
  void aSecondDocument() {
    expect("title: x\n---\nmore: y\n", "2:1: a line of '---' starts a second document here, and this file holds one; remove the line");
  }

  // ---- one run, every mistake

  @Test
  void independentMistakesInOneFileAreAllReported() {
    String tree = """
        title: Which way?
        intro: Answer.
        start: [first
        nodes:
          first:
            question: Pick: one?
            answers:
              - label: Left
                next: left
              - label: 'Right'wing
                next: left
          left:
            outcome: Left
            summary: *Went* left.
        """;
    expect(tree,
        "3:8: this list is never closed; add the closing ']' at its end (if it is text that starts with '[', put the whole text in quotes)",
        "6:15: this value has ': ' in it, which YAML reads as the start of another key; put the whole value in quotes: question: \"Pick: one?\"",
        "10:22: the text in single quotes ends at this ', and more text follows; inside '...' write an apostrophe twice (''), or put the whole text in double quotes instead",
        "14:14: text that starts with '*' is read as a YAML alias; put the whole text in quotes: summary: \"*Went* left.\"");
  }
}
