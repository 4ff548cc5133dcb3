package org.practicalpartnerships.handbook.templating;

import freemarker.core.Environment;
import java.io.IOException;
import java.io.Writer;

/**
 * Collects a template's output, and stops a template that never finishes: writing past a size or
 * past a time limit throws, which FreeMarker passes up instead of looping on.
 */
final class BoundedWriter extends Writer {
  /** Thrown when a template writes too much or takes too long; it knows where the template was. */
  static final class RunawayException extends IOException {
    private final transient RenderWatch.Location location;

    RunawayException(String message) {
      super(message);
      Environment env = Environment.getCurrentEnvironment();
      this.location = env == null ? null : RenderWatch.where(env).orElse(null);
    }

    java.util.Optional<RenderWatch.Location> location() {
      return java.util.Optional.ofNullable(location);
    }
  }

  private final StringBuilder out = new StringBuilder(16 * 1024);
  private final long maxChars;
  private final long deadline;

  BoundedWriter(long maxChars, long maxNanos) {
    this.maxChars = maxChars;
    this.deadline = System.nanoTime() + maxNanos;
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    check(length);
    out.append(chars, offset, length);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    check(length);
    out.append(text, offset, offset + length);
  }

  private void check(int length) throws RunawayException {
    if (out.length() + (long) length > maxChars) {
      throw new RunawayException("it wrote more than " + maxChars + " characters");
    }
    if (System.nanoTime() > deadline) {
      throw new RunawayException("it ran for longer than the time allowed for one page");
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return out.toString();
  }
}
