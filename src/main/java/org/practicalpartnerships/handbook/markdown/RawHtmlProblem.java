package org.practicalpartnerships.handbook.markdown;

import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.diagnostics.SourceText;

/**
 * Raw HTML that could run code or break the page's security policy.
 *
 * @param offset where it is in the file
 * @param message what is wrong and what to do instead
 */
public record RawHtmlProblem(int offset, String message) {
  /**
   * The problem as a diagnostic: an error, or with {@code raw_html: strip} a warning that the
   * post-processor removed it.
   */
  public Diagnostic diagnostic(SourceText source, boolean stripped) {
    return stripped
        ? source.atOffset(offset, Severity.WARNING, message + " (removed, as site.yml sets raw_html: strip)")
        : source.atOffset(offset, Severity.ERROR, message);
  }
}
