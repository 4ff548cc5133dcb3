package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Severity;

/** What the preview adds to pages: the reload script always, the overlay only after a failed build. */
class InjectionTest {
  static final String PAGE = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>T</title>\n</head>\n<body class=\"x\">\n<main>Hi</main>\n</body>\n</html>\n";

  @Test
  void theReloadScriptGoesJustBeforeTheEndOfHead() {
    String html = Injection.inject(PAGE, List.of());
    assertTrue(html.contains("<title>T</title>\n<script src=\"/__handbook/reload.js\" defer></script></head>"), html);
    assertFalse(html.contains("handbook-errors"));
    assertFalse(html.contains("overlay.css"));
    assertEquals(PAGE, html.replace(Injection.RELOAD_SCRIPT, ""));
  }

  @Test
  void theOverlayFollowsTheBodyTagAndItsStylesheetTheScript() {
    Diagnostic d = new Diagnostic("content/a.md", 3, 5, Severity.ERROR, "no page 'b.md'", "See [b](b.md).");
    String html = Injection.inject(PAGE, List.of(d));
    assertTrue(html.contains(Injection.RELOAD_SCRIPT + "<link rel=\"stylesheet\" href=\"/__handbook/overlay.css\"></head>"), html);
    assertTrue(html.contains("<body class=\"x\"><div id=\"handbook-errors\" role=\"alert\">"), html);
    assertTrue(html.contains("<code>content/a.md:3:5</code> <strong>error</strong>: no page &#39;b.md&#39;"), html);
    assertTrue(html.contains("<pre>See [b](b.md).\n    ^</pre>"), html);
    assertTrue(html.contains("1 error"), html);
  }

  @Test
  void everythingFromTheContentIsEscaped() {
    Diagnostic d = new Diagnostic("content/<x>.md", 1, 1, Severity.ERROR, "raw <script> & \"quotes\"", "<script>alert(1)</script>");
    String overlay = Injection.overlay(List.of(d));
    assertFalse(overlay.contains("<script"), overlay);
    assertTrue(overlay.contains("content/&lt;x&gt;.md:1:1"), overlay);
    assertTrue(overlay.contains("raw &lt;script&gt; &amp; &quot;quotes&quot;"), overlay);
    assertTrue(overlay.contains("&lt;script&gt;alert(1)&lt;/script&gt;\n^"), overlay);
  }

  @Test
  void wholeFileProblemsHaveNoSourceBlock() {
    String overlay = Injection.overlay(List.of(Diagnostic.ofFile("templates/page.ftlh", Severity.ERROR, "missing"), new Diagnostic("content/a.md", 2, 0, Severity.WARNING, "w", "line two")));
    assertTrue(overlay.contains("<code>templates/page.ftlh</code> <strong>error</strong>: missing</p></li>"), overlay);
    assertTrue(overlay.contains("<code>content/a.md:2</code> <strong>warning</strong>: w</p><pre>line two</pre>"), overlay);
    assertTrue(overlay.contains("1 error, 1 warning"), overlay);
  }

  @Test
  void caretsKeepTabsSoTheyLineUp() {
    assertEquals("\t  ^", Injection.caret("\tab", 4));
    assertEquals("     ^", Injection.caret("ab", 6));
  }

  @Test
  void pagesWithoutHeadOrBodyStillGetBoth() {
    String html = Injection.inject("<p>bare</p>", List.of(Diagnostic.ofFile("x", Severity.ERROR, "bad")));
    assertTrue(html.startsWith(Injection.RELOAD_SCRIPT + Injection.OVERLAY_STYLESHEET + "<div id=\"handbook-errors\""), html);
    assertTrue(html.endsWith("<p>bare</p>"), html);
  }
}
