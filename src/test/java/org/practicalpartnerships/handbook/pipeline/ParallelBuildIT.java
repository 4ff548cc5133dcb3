package org.practicalpartnerships.handbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.output.MemorySink;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * Pages are processed, rendered and written in parallel; the bytes must not depend on how the
 * work was shared out. A 600-page synthetic handbook (the benchmark's corpus, with its glossary)
 * built on every core, twice, and on one thread gives the same files.
 */
class ParallelBuildIT {
  @TempDir Path dir;

  static SortedMap<String, byte[]> build(Path content) throws Exception {
    MemorySink sink = new MemorySink();
    Diagnostics diagnostics = new Diagnostics();
    Optional<BuildOutput> out = new Pipeline(new SourceLoader(content), new MarkdownEngine(), "test")
        .build(new BuildRequest(content, Path.of("templates").toAbsolutePath(), false), diagnostics, Reuse.NOTHING, sink, stage -> {});
    assertTrue(out.isPresent(), diagnostics.sorted().toString());
    return sink.files();
  }

  static Map<String, String> text(SortedMap<String, byte[]> files) {
    Map<String, String> text = new TreeMap<>();
    files.forEach((path, bytes) -> text.put(path, new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
    return text;
  }

  @Test
  void theSameBytesOnAnyNumberOfThreads() throws Exception {
    Path content = dir.resolve("corpus");
    Process generator = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"), "bench/CorpusGenerator.java", content.toString(), "600"))
        .inheritIO().start();
    assertTrue(generator.waitFor(120, TimeUnit.SECONDS) && generator.exitValue() == 0, "the corpus generator failed");

    Map<String, String> first = text(build(content));
    Map<String, String> second = text(build(content));
    // Inside a pool of one thread, the build's parallel streams run on that thread alone.
    ForkJoinPool one = new ForkJoinPool(1);
    Map<String, String> alone;
    try {
      alone = text(one.submit(() -> build(content)).get());
    } finally {
      one.shutdown();
    }
    assertTrue(first.size() > 600, "expected the corpus's pages, got " + first.size() + " files");
    List<String> differing = new ArrayList<>();
    first.forEach((path, bytes) -> {
      if (!bytes.equals(second.get(path)) || !bytes.equals(alone.get(path))) {
        differing.add(path);
      }
    });
    assertEquals(List.of(), differing);
    assertEquals(first.keySet(), second.keySet());
    assertEquals(first.keySet(), alone.keySet());
  }
}
