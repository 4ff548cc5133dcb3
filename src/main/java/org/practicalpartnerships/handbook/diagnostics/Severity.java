package org.practicalpartnerships.handbook.diagnostics;

/** How bad a problem is: errors fail the build, warnings are reported (and fail it under --strict). */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
