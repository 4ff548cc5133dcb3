package org.practicalpartnerships.handbook.diagnostics;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints diagnostics the way compilers do: the headline, then the source line, then a caret under
 * the column. Tabs in the source line are kept in the caret line so the caret lines up. Control
 * characters from the content (in the source line, file names and messages) are shown as escapes,
 * never sent to the terminal ({@link TerminalText}), and the caret stays under its column.
 */
public final class DiagnosticPrinter {
  private DiagnosticPrinter() {}

  public static void print(List<Diagnostic> diagnostics, PrintWriter out) {
    for (Diagnostic d : diagnostics) {
      out.println(TerminalText.visible(d.headline()));
      if (!d.sourceLine().isEmpty()) {
        out.println(TerminalText.visible(d.sourceLine()));
        if (d.column() > 0) {
          out.println(caretLine(d.sourceLine(), d.column()));
        }
      }
    }
  }

  static String caretLine(String sourceLine, int column) {
    return TerminalText.caretLine(sourceLine, column);
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
