package org.practicalpartnerships.handbook.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticPrinterTest {

  private static String print(Diagnostic... diagnostics) {
    StringWriter out = new StringWriter();
    PrintWriter writer = new PrintWriter(out);
    DiagnosticPrinter.print(List.of(diagnostics), writer);
    writer.flush();
    return out.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void printsHeadlineSourceLineAndCaretUnderTheColumn() {
    SourceText source = new SourceText("content/index.md", "---\norder: first\n---\n");
    assertEquals(
        """
        content/index.md:2:8: error: 'order' must be a whole number, not text
        order: first
               ^
        """,
        print(source.error(2, 8, "'order' must be a whole number, not text")));
  }

  @Test
  void tabsBeforeTheColumnAreKeptSoTheCaretLinesUp() {
    SourceText source = new SourceText("t.yml", "\tkey:\tvalue");
    assertEquals("t.yml:1:7: error: x\n\tkey:\tvalue\n\t    \t^\n", print(source.error(1, 7, "x")));
  }

  @Test
  void caretPastTheEndOfTheLineIsPaddedWithSpaces() {
    assertEquals("   ^", DiagnosticPrinter.caretLine("ab", 4));
  }

  @Test
  void wholeFileProblemsPrintOnlyTheHeadline() {
    assertEquals("a.md: error: cannot read\n", print(Diagnostic.ofFile("a.md", Severity.ERROR, "cannot read")));
  }

  @Test
  void noCaretWhenTheColumnIsUnknown() {
    assertEquals("a.md:1: error: x\nsome line\n", print(new Diagnostic("a.md", 1, 0, Severity.ERROR, "x", "some line")));
  }

  /**
   * A paragraph written as one line can be hundreds of kilobytes; under each of thousands of
   * diagnostics only an excerpt around the column is shown, with the caret still under it.
   */
  @Test
  void aLongLineIsShownAsAnExcerptAroundTheColumn() {
    String line = "x".repeat(100_000) + "[bad](gone.md)" + "y".repeat(100_000);
    SourceText source = new SourceText("a.md", "# T\n" + line + "\n");
    String printed = print(source.error(2, 100_007, "no page 'gone.md'"));
    String[] lines = printed.split("\n");
    assertEquals("a.md:2:100007: error: no page 'gone.md'", lines[0]);
    assertTrue(lines[1].startsWith("\u2026") && lines[1].endsWith("\u2026") && lines[1].length() <= Excerpt.WIDTH + 2, lines[1]);
    assertEquals("gone.md", lines[1].substring(lines[2].length() - 1, lines[2].length() - 1 + 7), "the caret is under the link's destination");
  }

  @Test
  void aLongLineIsCutAtItsStartOrEndWhenTheColumnIsNearIt() {
    String line = "abc" + "x".repeat(1000);
    Excerpt start = Excerpt.of(line, 2);
    assertEquals("abc", start.text().substring(0, 3));
    assertEquals(2, start.column());
    Excerpt end = Excerpt.of(line, line.length());
    assertTrue(end.text().startsWith("\u2026") && !end.text().endsWith("\u2026"), end.text());
    assertEquals('x', end.text().charAt(end.column() - 1));
    assertEquals(Excerpt.WIDTH + 1, end.text().length());
  }

  @Test
  void summaryCountsErrorsAndWarningsInWords() {
    assertEquals("no problems", DiagnosticPrinter.summary(0, 0));
    assertEquals("1 error", DiagnosticPrinter.summary(1, 0));
    assertEquals("2 errors", DiagnosticPrinter.summary(2, 0));
    assertEquals("1 warning", DiagnosticPrinter.summary(0, 1));
    assertEquals("3 warnings", DiagnosticPrinter.summary(0, 3));
    assertEquals("2 errors, 1 warning", DiagnosticPrinter.summary(2, 1));
    assertEquals("1 error, 2 warnings", DiagnosticPrinter.summary(1, 2));
  }
}
