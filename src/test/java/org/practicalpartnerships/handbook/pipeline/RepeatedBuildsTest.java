package org.practicalpartnerships.handbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.TestFiles;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.output.MemorySink;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * One JVM that builds again and again ({@code serve} makes a pipeline and a template engine for
 * every rebuild) keeps a flat number of threads: nothing a build starts outlives it.
 */
class RepeatedBuildsTest {
  @TempDir Path dir;

  @Test
  void twoHundredBuildsLeaveTheThreadCountFlat() throws IOException {
    Path content = dir.resolve("content");
    Files.createDirectories(content.resolve("guide"));
    Files.writeString(content.resolve("index.md"), "---\ntitle: Home\ndescription: Start.\n---\n\nSee the [guide](guide/index.md).\n");
    Files.writeString(content.resolve("guide/index.md"), "---\ntitle: Guide\ndescription: How.\n---\n\n## Steps\n\nText.\n");
    for (int i = 0; i < 10; i++) {
      build(content, i);
    }
    int warm = Thread.activeCount();
    for (int i = 10; i < 200; i++) {
      build(content, i);
    }
    int after = Thread.activeCount();
    // The common fork-join pool may start a thread or two more as builds overlap its idle timeout.
    assertTrue(after <= warm + 2, "threads after 10 builds: " + warm + ", after 200: " + after + "; " + names());
    assertEquals(1, Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("handbook-template-watchdog")).count(), names());
  }

  private void build(Path content, int round) throws IOException {
    Files.writeString(content.resolve("guide/steps.md"), "---\ntitle: Steps\ndescription: Round " + round + ".\n---\n\nText " + round + ".\n");
    Diagnostics diagnostics = new Diagnostics();
    Optional<BuildOutput> out = new Pipeline(new SourceLoader(dir), new MarkdownEngine(), "test")
        .build(new BuildRequest(content, TestFiles.TEMPLATES.toAbsolutePath(), false), diagnostics, Reuse.NOTHING, new MemorySink(), stage -> {});
    assertTrue(out.isPresent(), diagnostics.sorted().toString());
  }

  private static String names() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList().toString();
  }
}
