package org.practicalpartnerships.handbook.pdf;

import java.util.List;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;

/**
 * A rendered PDF and what went wrong making it.
 *
 * @param pdf the PDF's bytes; empty when an error stopped it being made
 * @param pages its number of pages (0 when none was made)
 * @param diagnostics problems found, in a stable order; the PDF is unusable when any is an error
 */
public record PdfResult(byte[] pdf, int pages, List<Diagnostic> diagnostics) {

  public PdfResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
