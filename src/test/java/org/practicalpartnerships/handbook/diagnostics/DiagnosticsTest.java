package org.practicalpartnerships.handbook.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {

  @Test
  void sortedByFileThenPositionWithDuplicatesDropped() {
    Diagnostics all = new Diagnostics();
    Diagnostic b = new Diagnostic("b.md", 1, 1, Severity.ERROR, "x", "");
    Diagnostic a2 = new Diagnostic("a.md", 2, 1, Severity.WARNING, "y", "");
    Diagnostic a1 = new Diagnostic("a.md", 1, 5, Severity.ERROR, "z", "");
    all.add(b);
    all.addAll(List.of(a2, a1, b));
    assertEquals(List.of(a1, a2, b), all.sorted());
    assertEquals(2, all.count(Severity.ERROR));
    assertEquals(1, all.count(Severity.WARNING));
  }

  @Test
  void onlyErrorsCountAsErrors() {
    Diagnostics all = new Diagnostics();
    all.add(Diagnostic.ofFile("a.md", Severity.WARNING, "w"));
    assertFalse(all.hasErrors());
    all.add(Diagnostic.ofFile("a.md", Severity.ERROR, "e"));
    assertTrue(all.hasErrors());
  }
}
