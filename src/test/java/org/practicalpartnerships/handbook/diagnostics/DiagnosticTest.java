package org.practicalpartnerships.handbook.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiagnosticTest {

  @Test
  void headlineHasPathLineColumnSeverityAndMessage() {
    Diagnostic d = new Diagnostic("content/index.md", 3, 8, Severity.ERROR, "'order' must be a whole number, not text", "order: first");
    assertEquals("content/index.md:3:8: error: 'order' must be a whole number, not text", d.headline());
  }

  @Test
  void headlineOmitsTheColumnWhenUnknownAndThePositionForAWholeFile() {
    assertEquals("a.md:4: warning: odd", new Diagnostic("a.md", 4, 0, Severity.WARNING, "odd", "").headline());
    assertEquals("a.md: error: cannot read", Diagnostic.ofFile("a.md", Severity.ERROR, "cannot read").headline());
  }

  @Test
  void sourceTextGivesTheLineOfTheProblem() {
    SourceText source = new SourceText("a.md", "first\nsecond line\nthird");
    Diagnostic d = source.atOffset("first\nsecond ".length(), Severity.ERROR, "here");
    assertEquals("a.md:2:8: error: here", d.headline());
    assertEquals("second line", d.sourceLine());
  }
}
