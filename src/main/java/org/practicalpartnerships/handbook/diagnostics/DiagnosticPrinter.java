package org.practicalpartnerships.handbook.diagnostics;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints diagnostics the way compilers do: the headline, then the source line, then a caret under
 * the column. Tabs in the source line are kept in the caret line so the caret lines up.
 */
public final class DiagnosticPrinter {
  private DiagnosticPrinter() {}

  public static void print(List<Diagnostic> diagnostics, PrintWriter out) {
    for (Diagnostic d : diagnostics) {
      out.println(d.headline());
      if (!d.sourceLine().isEmpty()) {
        out.println(d.sourceLine());
        if (d.sourceColumn() > 0) {
          out.println(caretLine(d.sourceLine(), d.sourceColumn()));
        }
      }
    }
  }

  static String caretLine(String sourceLine, int column) {
    StringBuilder sb = new StringBuilder();
    int stop = Math.min(column - 1, sourceLine.length());
    for (int i = 0; i < stop; i++) {
      sb.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
    }
    for (int i = stop; i < column - 1; i++) {
      sb.append(' ');
    }
    return sb.append('^').toString();
  }

  /** "2 errors, 1 warning" style summary; "no problems" when empty. */
  public static String summary(long errors, long warnings) {
    if (errors == 0 && warnings == 0) {
      return "no problems";
    }
    String e = errors + (errors == 1 ? " error" : " errors");
    String w = warnings + (warnings == 1 ? " warning" : " warnings");
    if (errors == 0) {
      return w;
    }
    return warnings == 0 ? e : e + ", " + w;
  }
}
