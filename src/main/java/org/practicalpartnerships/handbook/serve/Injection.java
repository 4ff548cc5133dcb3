package org.practicalpartnerships.handbook.serve;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.DiagnosticPrinter;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.diagnostics.TerminalText;

/**
 * What the preview adds to an HTML page as it sends it (never on disk): the reload script before
 * {@code </head>} and, while the latest build failed, the overlay stylesheet there too and the
 * overlay itself right after {@code <body>}: a panel above the page (not over it) that its summary
 * folds to one line. Both are external same-origin files, so the pages'
 * Content-Security-Policy ({@code script-src 'self'; style-src 'self'}) allows them; nothing is
 * inline.
 */
final class Injection {
  static final String RELOAD_SCRIPT = "<script src=\"" + PreviewServer.RELOAD_JS + "\" defer></script>";
  static final String OVERLAY_STYLESHEET = "<link rel=\"stylesheet\" href=\"" + PreviewServer.OVERLAY_CSS + "\">";

  private static final Pattern HEAD_END = Pattern.compile("</head\\s*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BODY_START = Pattern.compile("<body(?:\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

  private Injection() {}

  /**
   * @param problems the latest build's diagnostics when it failed, else empty (no overlay)
   */
  static String inject(String html, List<Diagnostic> problems) {
    String head = RELOAD_SCRIPT + (problems.isEmpty() ? "" : OVERLAY_STYLESHEET);
    StringBuilder out = new StringBuilder(html.length() + head.length() + (problems.isEmpty() ? 0 : 512 * problems.size()));
    Matcher headEnd = HEAD_END.matcher(html);
    int afterHead;
    if (headEnd.find()) {
      out.append(html, 0, headEnd.start()).append(head);
      afterHead = headEnd.start();
    } else {
      out.append(head);
      afterHead = 0;
    }
    if (problems.isEmpty()) {
      return out.append(html, afterHead, html.length()).toString();
    }
    Matcher body = BODY_START.matcher(html);
    if (body.find(afterHead)) {
      out.append(html, afterHead, body.end()).append(overlay(problems)).append(html, body.end(), html.length());
    } else {
      out.append(overlay(problems)).append(html, afterHead, html.length());
    }
    return out.toString();
  }

  /**
   * The overlay: every diagnostic with its position, the source line and a caret, all escaped, and
   * control characters from the content (ESC, NUL, bidirectional overrides that would reorder what
   * the editor reads) shown as {@code \x1b} or {@code \u202e}, the caret still under its column.
   */
  static String overlay(List<Diagnostic> problems) {
    long errors = problems.stream().filter(Diagnostic::isError).count();
    long warnings = problems.stream().filter(d -> d.severity() == Severity.WARNING).count();
    StringBuilder sb = new StringBuilder("<div id=\"handbook-errors\" role=\"alert\"><details open><summary>");
    sb.append("The build failed: ").append(escape(DiagnosticPrinter.summary(errors, warnings)))
        .append(". This page is from the last good build; fix the files and save.")
        .append("<span class=\"handbook-fold handbook-fold-hide\">Hide details</span><span class=\"handbook-fold handbook-fold-show\">Show details</span></summary><ol>");
    for (Diagnostic d : problems) {
      sb.append("<li class=\"handbook-").append(d.severity().label()).append("\"><p><code>").append(escape(TerminalText.visible(position(d))))
          .append("</code> <strong>").append(d.severity().label()).append("</strong>: ").append(escape(TerminalText.visible(d.message()))).append("</p>");
      if (!d.sourceLine().isEmpty()) {
        sb.append("<pre>").append(escape(TerminalText.visible(d.sourceLine())));
        if (d.sourceColumn() > 0) {
          sb.append('\n').append(escape(TerminalText.caretLine(d.sourceLine(), d.sourceColumn())));
        }
        sb.append("</pre>");
      }
      sb.append("</li>");
    }
    if (problems.isEmpty()) {
      sb.append("<li>No details were reported.</li>");
    }
    return sb.append("</ol></details></div>").toString();
  }

  private static String position(Diagnostic d) {
    StringBuilder sb = new StringBuilder(d.file());
    if (d.line() > 0) {
      sb.append(':').append(d.line());
      if (d.column() > 0) {
        sb.append(':').append(d.column());
      }
    }
    return sb.toString();
  }

  /** Spaces (tabs kept, so it lines up) up to the column, then {@code ^}. */
  static String caret(String sourceLine, int column) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < column - 1; i++) {
      sb.append(i < sourceLine.length() && sourceLine.charAt(i) == '\t' ? '\t' : ' ');
    }
    return sb.append('^').toString();
  }

  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
