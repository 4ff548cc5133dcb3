package org.practicalpartnerships.handbook.diagnostics;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in an input file, as data.
 *
 * @param file the path as shown to the user (relative to the working folder where possible)
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param severity error or warning
 * @param message what is wrong, in one sentence, without a trailing full stop
 * @param sourceLine the text of the offending line (without its line ending), or "" when none; a
 *     line longer than {@link Excerpt#WIDTH} characters is cut to an {@link Excerpt} around the
 *     column
 * @param sourceColumn the 1-based column of the caret within {@code sourceLine} (the same as
 *     {@code column} unless the line was cut), or 0 when none
 */
public record Diagnostic(
    String file, int line, int column, Severity severity, String message, String sourceLine, int sourceColumn) {

  /** Diagnostics print in file, then position, then message order, so output is deterministic. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::file)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    sourceLine = sourceLine == null ? "" : sourceLine;
  }

  /** A diagnostic with the whole source line, which is cut to an {@link Excerpt} when it is long. */
  public Diagnostic(String file, int line, int column, Severity severity, String message, String sourceLine) {
    this(file, line, column, severity, message, Excerpt.of(sourceLine, column));
  }

  /** A diagnostic with the excerpt of its source line that is shown. */
  public Diagnostic(String file, int line, int column, Severity severity, String message, Excerpt shown) {
    this(file, line, column, severity, message, shown.text(), shown.column());
  }

  /** A problem with a whole file (no position), such as an unreadable file. */
  public static Diagnostic ofFile(String file, Severity severity, String message) {
    return new Diagnostic(file, 0, 0, severity, message, "");
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The first line of the report: {@code path:line:col: error: message}. */
  public String headline() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(severity.label()).append(": ").append(message).toString();
  }
}
