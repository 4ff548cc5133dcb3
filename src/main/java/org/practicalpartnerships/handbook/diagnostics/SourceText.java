package org.practicalpartnerships.handbook.diagnostics;

import java.util.Arrays;

/**
 * The text of one input file with a line index, so any stage can turn an offset or a line and
 * column into a {@link Diagnostic} that carries the source line.
 */
public final class SourceText {
  private final String displayPath;
  private final String text;
  private final int[] lineStarts;

  /** @param text the file's text with line endings already normalised to {@code \n} */
  public SourceText(String displayPath, String text) {
    this.displayPath = displayPath;
    this.text = text;
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  public String displayPath() {
    return displayPath;
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** 1-based line of a 0-based character offset. */
  public int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** 1-based column of a 0-based character offset. */
  public int columnOf(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    return clamped - lineStarts[lineOf(clamped) - 1] + 1;
  }

  /** 0-based offset of a 1-based line's first character. */
  public int lineStart(int line) {
    return lineStarts[Math.max(1, Math.min(line, lineStarts.length)) - 1];
  }

  /** The text of a 1-based line, without its line ending; "" when out of range. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    return text.substring(start, Math.max(start, end));
  }

  public Diagnostic at(int line, int column, Severity severity, String message) {
    if (line < 1 || line > lineStarts.length) {
      return new Diagnostic(displayPath, line, column, severity, message, "");
    }
    int start = lineStarts[line - 1];
    int end = Math.max(start, line < lineStarts.length ? lineStarts[line] - 1 : text.length());
    return new Diagnostic(displayPath, line, column, severity, message, Excerpt.of(text, start, end, column));
  }

  public Diagnostic at(Position position, Severity severity, String message) {
    return at(position.line(), position.column(), severity, message);
  }

  public Diagnostic atOffset(int offset, Severity severity, String message) {
    return at(lineOf(offset), columnOf(offset), severity, message);
  }

  public Diagnostic error(int line, int column, String message) {
    return at(line, column, Severity.ERROR, message);
  }

  public Diagnostic error(Position position, String message) {
    return at(position, Severity.ERROR, message);
  }

  public Diagnostic warning(Position position, String message) {
    return at(position, Severity.WARNING, message);
  }

  public Diagnostic warning(int line, int column, String message) {
    return at(line, column, Severity.WARNING, message);
  }
}
