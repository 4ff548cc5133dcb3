package org.practicalpartnerships.handbook.pipeline;

import java.util.function.Consumer;

/** Times the stages of a build for {@code --timings}: each lap reports the time since the last. */
public final class Stopwatch {
  private final Consumer<String> out;
  private long last = System.nanoTime();

  public Stopwatch(Consumer<String> out) {
    this.out = out;
  }

  public void lap(String stage) {
    long now = System.nanoTime();
    out.accept(String.format("%-45s %6d ms", stage, (now - last) / 1_000_000));
    last = now;
  }
}
