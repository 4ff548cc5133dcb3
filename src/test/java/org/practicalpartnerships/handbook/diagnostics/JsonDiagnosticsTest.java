package org.practicalpartnerships.handbook.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Diagnostics as JSON for editors' tools: exact, escaped and in a stable order. */
class JsonDiagnosticsTest {
  @Test
  void noProblemsIsAnEmptyList() {
    assertEquals("{\"errors\":0,\"warnings\":0,\"diagnostics\":[]}\n", JsonDiagnostics.toJson(List.of()));
  }

  @Test
  void diagnosticsAreCountedSortedAndDeduplicated() {
    Diagnostic warning = new Diagnostic("content/b.md", 4, 1, Severity.WARNING, "no description", "title: B");
    Diagnostic error = new Diagnostic("content/a.md", 12, 21, Severity.ERROR, "no page 'x.md'", "See [x](x.md).");
    Diagnostic whole = Diagnostic.ofFile("templates/page.ftlh", Severity.ERROR, "missing");
    String json = JsonDiagnostics.toJson(List.of(whole, warning, error, warning));
    assertEquals("""
        {"errors":2,"warnings":1,"diagnostics":[
        {"file":"content/a.md","line":12,"column":21,"severity":"error","message":"no page 'x.md'","sourceLine":"See [x](x.md)."},
        {"file":"content/b.md","line":4,"column":1,"severity":"warning","message":"no description","sourceLine":"title: B"},
        {"file":"templates/page.ftlh","line":0,"column":0,"severity":"error","message":"missing","sourceLine":""}
        ]}
        """, json);
    assertEquals(json, JsonDiagnostics.toJson(List.of(error, warning, whole)));
  }

  @Test
  void stringsAreEscaped() {
    Diagnostic d = new Diagnostic("content/\"quoted\"\\dir.md", 1, 2, Severity.ERROR, "tab\there, newline\nthere, bell\u0007, sep\u2028, del\u007f", "<b>&amp; caf\u00e9 \uD83D\uDE00 lone\uD800");
    String json = JsonDiagnostics.toJson(List.of(d));
    assertEquals("{\"errors\":1,\"warnings\":0,\"diagnostics\":[\n"
        + "{\"file\":\"content/\\\"quoted\\\"\\\\dir.md\",\"line\":1,\"column\":2,\"severity\":\"error\","
        + "\"message\":\"tab\\there, newline\\nthere, bell\\u0007, sep\\u2028, del\\u007f\","
        + "\"sourceLine\":\"\\u003cb\\u003e\\u0026amp; caf\u00e9 \uD83D\uDE00 lone\\ud800\"}\n]}\n", json);
  }

  @Test
  void everyControlCharacterIsEscaped() {
    StringBuilder sb = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      sb.append(c);
    }
    String out = new StringBuilder().toString();
    StringBuilder json = new StringBuilder();
    JsonDiagnostics.string(json, sb.toString());
    for (char c = 0; c < 0x20; c++) {
      assertEquals(-1, json.indexOf(String.valueOf(c)), "raw control character " + (int) c);
    }
    assertEquals("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
        + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"" + out, json.toString());
  }
}
