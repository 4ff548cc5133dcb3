package org.practicalpartnerships.handbook.diagnostics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A thread-safe collector of diagnostics. Stages add to it instead of throwing, so one run reports
 * every problem; {@link #sorted()} gives them in a stable order however the work was scheduled.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  public synchronized void add(Diagnostic diagnostic) {
    items.add(diagnostic);
  }

  public synchronized void addAll(Collection<Diagnostic> diagnostics) {
    items.addAll(diagnostics);
  }

  public synchronized boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  /** True when an error was reported in {@code file} (as displayed, such as {@code content/site.yml}). */
  public synchronized boolean hasErrorsIn(String file) {
    return items.stream().anyMatch(d -> d.isError() && d.file().equals(file));
  }

  public synchronized List<Diagnostic> sorted() {
    return items.stream().distinct().sorted(Diagnostic.ORDER).toList();
  }

  public synchronized long count(Severity severity) {
    return items.stream().distinct().filter(d -> d.severity() == severity).count();
  }
}
