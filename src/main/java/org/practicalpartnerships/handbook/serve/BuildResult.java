package org.practicalpartnerships.handbook.serve;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Collections;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;

/**
 * What one rebuild did.
 *
 * @param success true when the build had no errors and its output was written
 * @param diagnostics every problem the build found (errors and warnings), in report order
 * @param changedOutputs output paths ({@code /}-separated, relative to the output folder) whose
 *     bytes were written, changed or deleted by this rebuild; empty after a failed build
 */
public record BuildResult(boolean success, List<Diagnostic> diagnostics, Set<String> changedOutputs) {
  public BuildResult {
    diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).distinct().toList();
    changedOutputs = Collections.unmodifiableSortedSet(new TreeSet<>(changedOutputs));
  }

  /** A failed build: nothing was written. */
  public static BuildResult failure(List<Diagnostic> diagnostics) {
    return new BuildResult(false, diagnostics, Set.of());
  }

  /** True when the browser should show the error overlay. */
  public boolean hasErrors() {
    return !success || diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public long count(org.practicalpartnerships.handbook.diagnostics.Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }
}
