package org.practicalpartnerships.handbook.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceTextTest {
  private final SourceText text = new SourceText("a.md", "ab\ncd\n\nef");

  @Test
  void offsetsMapToLinesAndColumns() {
    assertEquals(1, text.lineOf(0));
    assertEquals(1, text.columnOf(0));
    assertEquals(2, text.lineOf(3));
    assertEquals(1, text.columnOf(3));
    assertEquals(2, text.columnOf(4));
    assertEquals(3, text.lineOf(6));
    assertEquals(4, text.lineOf(7));
    assertEquals(2, text.columnOf(8));
  }

  @Test
  void linesAreReturnedWithoutTheirEnding() {
    assertEquals(4, text.lineCount());
    assertEquals("cd", text.line(2));
    assertEquals("", text.line(3));
    assertEquals("ef", text.line(4));
    assertEquals("", text.line(5));
    assertEquals(7, text.lineStart(4));
  }
}
