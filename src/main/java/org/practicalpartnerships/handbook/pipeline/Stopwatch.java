package org.practicalpartnerships.handbook.pipeline;

import java.util.function.Consumer;

/** Times the stages of a build for {@code --timings}: each lap reports the time since the last. */
final class Stopwatch {
  private final Consumer<String> out;
  private long last = System.nanoTime();

  Stopwatch(Consumer<String> out) {
    this.out = out;
  }

  void lap(String stage) {
    long now = System.nanoTime();
    out.accept(String.format("%-45s %6d ms", stage, (now - last) / 1_000_000));
    last = now;
  }
}
