package org.practicalpartnerships.handbook.diagnostics;

import java.util.List;

/**
 * Diagnostics as one JSON document, for editors' tools ({@code --format json}):
 *
 * <pre>{@code
 * {"errors":1,"warnings":0,"diagnostics":[
 * {"file":"content/a.md","line":3,"column":7,"severity":"error","message":"...","sourceLine":"..."}
 * ]}
 * }</pre>
 *
 * Diagnostics come in {@link Diagnostic#ORDER}, duplicates once, one per line, so the same problems
 * always give the same bytes. Line and column are 0 when unknown, as in {@link Diagnostic}. Strings
 * are escaped as RFC 8259 requires, plus DEL and the C1 controls, the bidirectional controls and
 * U+2028/U+2029 (so no control character from the content reaches a terminal that prints the
 * report) and unpaired surrogates (so the document is valid UTF-8); everything else is written as
 * it is.
 */
public final class JsonDiagnostics {
  private JsonDiagnostics() {}

  public static String toJson(List<Diagnostic> diagnostics) {
    List<Diagnostic> sorted = diagnostics.stream().distinct().sorted(Diagnostic.ORDER).toList();
    long errors = sorted.stream().filter(Diagnostic::isError).count();
    long warnings = sorted.stream().filter(d -> d.severity() == Severity.WARNING).count();
    StringBuilder sb = new StringBuilder();
    sb.append("{\"errors\":").append(errors).append(",\"warnings\":").append(warnings).append(",\"diagnostics\":[");
    for (int i = 0; i < sorted.size(); i++) {
      Diagnostic d = sorted.get(i);
      sb.append(i == 0 ? "\n" : ",\n");
      sb.append("{\"file\":");
      string(sb, d.file());
      sb.append(",\"line\":").append(d.line());
      sb.append(",\"column\":").append(d.column());
      sb.append(",\"severity\":");
      string(sb, d.severity().label());
      sb.append(",\"message\":");
      string(sb, d.message());
      sb.append(",\"sourceLine\":");
      string(sb, d.sourceLine());
      sb.append('}');
    }
    if (!sorted.isEmpty()) {
      sb.append('\n');
    }
    return sb.append("]}\n").toString();
  }

  /** Appends {@code text} as a JSON string. */
  static void string(StringBuilder sb, String text) {
    org.practicalpartnerships.handbook.json.JsonStrings.append(sb, text);
  }
}
