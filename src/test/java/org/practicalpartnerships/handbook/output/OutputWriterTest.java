package org.practicalpartnerships.handbook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {
  @TempDir Path work;
  private final OutputWriter writer = new OutputWriter();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> tree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }

  @Test
  void writesPagesCopiesAndTheMarker() throws IOException {
    Path logo = Files.writeString(work.resolve("logo.svg"), "<svg/>");
    Path out = work.resolve("site");
    writer.write(out, Map.of("index.html", utf8("<p>home</p>"), "guide/steps.html", utf8("<p>steps</p>")), Map.of("images/logo.svg", logo));
    assertEquals(List.of(".handbook-output", "guide/steps.html", "images/logo.svg", "index.html"), tree(out));
    assertEquals("<p>steps</p>", Files.readString(out.resolve("guide/steps.html")));
    assertEquals("<svg/>", Files.readString(out.resolve("images/logo.svg")));
  }

  @Test
  void replacesTheFolderSoStaleFilesDisappear() throws IOException {
    Path out = work.resolve("site");
    writer.write(out, Map.of("index.html", utf8("old"), "removed.html", utf8("gone soon")), Map.of());
    writer.write(out, Map.of("index.html", utf8("new")), Map.of());
    assertEquals(List.of(".handbook-output", "index.html"), tree(out));
    assertEquals("new", Files.readString(out.resolve("index.html")));
  }

  @Test
  void leavesNoStagingFoldersBehind() throws IOException {
    Path out = work.resolve("site");
    writer.write(out, Map.of("index.html", utf8("a")), Map.of());
    writer.write(out, Map.of("index.html", utf8("b")), Map.of());
    try (Stream<Path> entries = Files.list(work)) {
      assertEquals(List.of("site"), entries.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void aFailedWriteLeavesThePreviousOutputAsItWas() throws IOException {
    Path out = work.resolve("site");
    writer.write(out, Map.of("index.html", utf8("previous")), Map.of());
    assertThrows(IOException.class, () -> writer.write(out, Map.of("index.html", utf8("next")), Map.of("x.png", work.resolve("missing.png"))));
    assertEquals("previous", Files.readString(out.resolve("index.html")));
    try (Stream<Path> entries = Files.list(work)) {
      assertEquals(List.of("site"), entries.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void refusesANonEmptyFolderItDidNotMake() throws IOException {
    Path out = Files.createDirectories(work.resolve("documents"));
    Files.writeString(out.resolve("thesis.docx"), "years of work");
    Optional<String> refusal = OutputWriter.refusal(out);
    assertEquals(
        Optional.of("refusing to replace '" + out + "': it is not empty and was not made by handbook (it has no .handbook-output file); choose another --out or empty it first"),
        refusal);
  }

  @Test
  void acceptsAMissingOrEmptyFolderOrOneItMade() throws IOException {
    assertEquals(Optional.empty(), OutputWriter.refusal(work.resolve("new")));
    assertEquals(Optional.empty(), OutputWriter.refusal(Files.createDirectories(work.resolve("empty"))));
    Path out = work.resolve("site");
    writer.write(out, Map.of("index.html", utf8("x")), Map.of());
    assertTrue(Files.exists(out.resolve(OutputWriter.MARKER)));
    assertEquals(Optional.empty(), OutputWriter.refusal(out));
  }

  @Test
  void refusesAFile() throws IOException {
    Path file = Files.writeString(work.resolve("site"), "x");
    assertEquals(Optional.of("the output '" + file + "' is a file, not a folder"), OutputWriter.refusal(file));
  }

  @Test
  void insideRefusesPathsThatLeaveTheFolder() throws IOException {
    Path root = work.resolve("staging");
    IOException e = assertThrows(IOException.class, () -> OutputWriter.inside(root, "../x"));
    assertEquals("refusing to write outside the output folder: ../x", e.getMessage());
    assertThrows(IOException.class, () -> OutputWriter.inside(root, "a/../../x"));
    assertThrows(IOException.class, () -> OutputWriter.inside(root, ""));
    assertEquals(root.resolve("a/b.html"), OutputWriter.inside(root, "a/./b.html"));
  }

  @Test
  void writeRefusesAPageOutsideTheFolder() throws IOException {
    Path out = work.resolve("site");
    assertThrows(IOException.class, () -> writer.write(out, Map.of("../escaped.html", utf8("x")), Map.of()));
    assertFalse(Files.exists(work.resolve("escaped.html")));
    assertFalse(Files.exists(out));
  }

  @Test
  void theLockFileIsGoneWhenTheBuildEnds() throws Exception {
    Path out = work.resolve("site");
    Path lockFile = work.resolve(".site" + OutputWriter.LOCK_SUFFIX);
    try (AutoCloseable lock = OutputWriter.lock(out).orElseThrow()) {
      assertTrue(Files.exists(lockFile), "held while the build runs");
      assertTrue(OutputWriter.lock(out).isEmpty(), "a second build is refused");
    }
    assertFalse(Files.exists(lockFile), "no lock file is left behind");
    try (AutoCloseable again = OutputWriter.lock(out).orElseThrow()) {
      assertTrue(Files.exists(lockFile));
    }
    try (Stream<Path> entries = Files.list(work)) {
      assertEquals(List.of(), entries.toList());
    }
  }

  @Test
  void aLockFileLeftByAKilledBuildDoesNotStopTheNext() throws Exception {
    Path out = work.resolve("site");
    Files.writeString(work.resolve(".site" + OutputWriter.LOCK_SUFFIX), "12345 a build that was killed\n");
    try (AutoCloseable lock = OutputWriter.lock(out).orElseThrow()) {
      assertTrue(OutputWriter.lock(out).isEmpty());
    }
    assertFalse(Files.exists(work.resolve(".site" + OutputWriter.LOCK_SUFFIX)));
  }

  /**
   * Deleting the lock file must not let two builds in at once: a build that opened the file just
   * before its holder deleted it would otherwise lock a file with no name while another creates a
   * new one. Builds that take and release the lock as fast as they can never overlap.
   */
  @Test
  void buildsThatLockAndUnlockAtOnceNeverOverlap() throws Exception {
    Path out = work.resolve("site");
    java.util.concurrent.atomic.AtomicInteger holders = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
    long end = System.nanoTime() + 1_500_000_000L;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
    for (int t = 0; t < 4; t++) {
      runs.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          Optional<AutoCloseable> lock = OutputWriter.lock(out);
          if (lock.isEmpty()) {
            continue;
          }
          try (AutoCloseable held = lock.get()) {
            most.accumulateAndGet(holders.incrementAndGet(), Math::max);
            taken.incrementAndGet();
            Thread.onSpinWait();
            holders.decrementAndGet();
          }
        }
        return null;
      }));
    }
    for (java.util.concurrent.Future<?> run : runs) {
      run.get();
    }
    pool.shutdown();
    assertEquals(1, most.get(), "two builds held the lock at once");
    assertTrue(taken.get() > 10, "the lock was taken only " + taken.get() + " times");
    assertFalse(Files.exists(work.resolve(".site" + OutputWriter.LOCK_SUFFIX)));
  }
}
