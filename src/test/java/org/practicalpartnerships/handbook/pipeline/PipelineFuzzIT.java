package org.practicalpartnerships.handbook.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long fuzz run, in {@code mvn verify}: {@link PipelineFuzzTest}'s damaged handbooks, many more
 * of them and from another seed, so each run of the suite tries new input.
 */
class PipelineFuzzIT {
  static final int ROUNDS = 1000;

  @TempDir Path dir;

  @Test
  void mutatedContentAlwaysEndsInOutputOrDiagnostics() throws IOException {
    PipelineFuzzTest.fuzz(dir, Long.getLong("handbook.fuzz.seed", 20261203L), Integer.getInteger("handbook.fuzz.rounds", ROUNDS));
  }
}
