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
import java.util.Set;
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

  // Unchanged files: kept from the previous output (hard-linked), never written through a link.

  private static final java.nio.file.attribute.FileTime LONG_AGO = java.nio.file.attribute.FileTime.fromMillis(946_684_800_000L);

  private static Object inode(Path file) throws IOException {
    return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
  }

  private static int links(Path file) throws IOException {
    return (Integer) Files.getAttribute(file, "unix:nlink", java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }

  /** Stages {@code files} (path to its chunks) into {@code out} and commits them. */
  private static void build(Path out, Map<String, List<byte[]>> files) throws IOException {
    try (OutputWriter.Staging staging = OutputWriter.stage(out)) {
      for (Map.Entry<String, List<byte[]>> file : files.entrySet()) {
        staging.write(file.getKey(), file.getValue());
      }
      staging.commit(Map.of());
    }
  }

  private static byte[] bytes(int size, int seed) {
    byte[] b = new byte[size];
    new java.util.Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void aRebuildKeepsUnchangedFilesWithTheirTimesAndWritesChangedOnes() throws IOException {
    Path out = work.resolve("site");
    build(out, Map.of("index.html", List.of(utf8("same")), "guide/steps.html", List.of(utf8("old")), "guide/same.html", List.of(utf8("<p>"), utf8("kept</p>"))));
    for (String path : List.of("index.html", "guide/steps.html", "guide/same.html")) {
      Files.setLastModifiedTime(out.resolve(path), LONG_AGO);
    }
    Object index = inode(out.resolve("index.html"));
    // The same bytes, cut into chunks differently, are the same file.
    build(out, Map.of("index.html", List.of(utf8("sa"), utf8("me")), "guide/steps.html", List.of(utf8("new")), "guide/same.html", List.of(utf8("<p>kept</p>"))));
    assertEquals("same", Files.readString(out.resolve("index.html")));
    assertEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve("index.html")), "an unchanged page was written again");
    assertEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve("guide/same.html")));
    assertEquals(index, inode(out.resolve("index.html")));
    assertEquals(1, links(out.resolve("index.html")), "the previous output still holds the file");
    assertEquals("new", Files.readString(out.resolve("guide/steps.html")));
    assertTrue(Files.getLastModifiedTime(out.resolve("guide/steps.html")).compareTo(LONG_AGO) > 0);
    try (Stream<Path> entries = Files.list(work)) {
      assertEquals(List.of("site"), entries.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void filesThatDifferAnywhereAreWrittenAgain() throws IOException {
    // Larger than the comparison's 64 KiB buffer, in chunks that do not line up with it.
    byte[] big = bytes(200_000, 1);
    Map<String, List<byte[]>> first = new java.util.TreeMap<>();
    first.put("big.bin", List.of(java.util.Arrays.copyOfRange(big, 0, 70_000), java.util.Arrays.copyOfRange(big, 70_000, 200_000)));
    first.put("same-size.html", List.of(utf8("abc")));
    first.put("grows.html", List.of(utf8("abc")));
    first.put("shrinks.html", List.of(utf8("abcdef")));
    first.put("kept.bin", List.of(big));
    build(out(), first);
    byte[] changed = big.clone();
    changed[150_001] ^= 1;
    Map<String, List<byte[]>> second = new java.util.TreeMap<>();
    second.put("big.bin", List.of(java.util.Arrays.copyOfRange(changed, 0, 100), java.util.Arrays.copyOfRange(changed, 100, 200_000)));
    second.put("same-size.html", List.of(utf8("abd")));
    second.put("grows.html", List.of(utf8("abc"), utf8("d")));
    second.put("shrinks.html", List.of(utf8("abc")));
    second.put("kept.bin", List.of(java.util.Arrays.copyOfRange(big, 0, 65_536), java.util.Arrays.copyOfRange(big, 65_536, 200_000)));
    for (String path : second.keySet()) {
      Files.setLastModifiedTime(out().resolve(path), LONG_AGO);
    }
    build(out(), second);
    assertTrue(java.util.Arrays.equals(changed, Files.readAllBytes(out().resolve("big.bin"))));
    assertEquals("abd", Files.readString(out().resolve("same-size.html")));
    assertEquals("abcd", Files.readString(out().resolve("grows.html")));
    assertEquals("abc", Files.readString(out().resolve("shrinks.html")));
    for (String path : List.of("big.bin", "same-size.html", "grows.html", "shrinks.html")) {
      assertTrue(Files.getLastModifiedTime(out().resolve(path)).compareTo(LONG_AGO) > 0, path + " was kept though it changed");
    }
    assertEquals(LONG_AGO, Files.getLastModifiedTime(out().resolve("kept.bin")));
    assertTrue(java.util.Arrays.equals(big, Files.readAllBytes(out().resolve("kept.bin"))));
  }

  private Path out() {
    return work.resolve("site");
  }

  @Test
  void aBuildThatFailsAfterKeepingFilesLeavesThePreviousOutputWhole() throws IOException {
    Path out = out();
    build(out, Map.of("index.html", List.of(utf8("previous")), "other.html", List.of(utf8("other"))));
    try (OutputWriter.Staging staging = OutputWriter.stage(out)) {
      staging.write("index.html", List.of(utf8("previous")));
      staging.write("other.html", List.of(utf8("changed")));
      // no commit: the build failed
    }
    assertEquals("previous", Files.readString(out.resolve("index.html")));
    assertEquals("other", Files.readString(out.resolve("other.html")));
    assertEquals(1, links(out.resolve("index.html")));
    try (Stream<Path> entries = Files.list(work)) {
      assertEquals(List.of("site"), entries.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void neverKeepsAFileReachedThroughASymbolicLink() throws IOException {
    Path out = out();
    build(out, Map.of("index.html", List.of(utf8("page")), "guide/steps.html", List.of(utf8("steps")), "direct.html", List.of(utf8("direct"))));
    // Someone replaces files and a folder of the output with links to files outside it that hold
    // the very bytes the next build makes.
    Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
    Path page = Files.writeString(elsewhere.resolve("page.html"), "page");
    Path steps = Files.writeString(Files.createDirectories(elsewhere.resolve("guide")).resolve("steps.html"), "steps");
    Files.delete(out.resolve("index.html"));
    Files.createSymbolicLink(out.resolve("index.html"), page);
    OutputWriter.deleteTree(out.resolve("guide"));
    Files.createSymbolicLink(out.resolve("guide"), elsewhere.resolve("guide"));
    Path hard = out.resolve("direct.html");
    Files.delete(hard);
    Files.createLink(hard, Files.writeString(elsewhere.resolve("direct.html"), "direct"));

    build(out, Map.of("index.html", List.of(utf8("page")), "guide/steps.html", List.of(utf8("steps")), "direct.html", List.of(utf8("direct"))));
    for (String path : List.of("index.html", "guide/steps.html")) {
      assertFalse(Files.isSymbolicLink(out.resolve(path)), path);
      assertTrue(Files.isRegularFile(out.resolve(path), java.nio.file.LinkOption.NOFOLLOW_LINKS), path);
    }
    assertFalse(Files.isSymbolicLink(out.resolve("guide")));
    assertEquals(1, links(page), "the build linked a file outside the output");
    assertEquals(1, links(steps), "the build linked a file through a linked folder");
    assertEquals("page", Files.readString(page));
    assertEquals("steps", Files.readString(out.resolve("guide/steps.html")));
    // A file with a name outside the output too is written anew: whoever edits it there would
    // change the published page.
    assertEquals("direct", Files.readString(out.resolve("direct.html")));
    assertEquals(1, links(out.resolve("direct.html")));
    assertEquals(1, links(elsewhere.resolve("direct.html")));
  }

  /** The permissions a new file gets here (the umask applied). */
  private Set<java.nio.file.attribute.PosixFilePermission> freshPermissions() throws IOException {
    Path probe = Files.createFile(work.resolve("probe"));
    Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.getPosixFilePermissions(probe);
    Files.delete(probe);
    return permissions;
  }

  @Test
  void aFileWithOtherPermissionsIsWrittenAnewWithANewFilesPermissions() throws IOException {
    Path out = out();
    build(out, Map.of("open.html", List.of(utf8("page")), "closed.html", List.of(utf8("page"))));
    Set<java.nio.file.attribute.PosixFilePermission> fresh = freshPermissions();
    Set<java.nio.file.attribute.PosixFilePermission> open = new java.util.HashSet<>(fresh);
    open.add(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE); // anyone could change it later
    Files.setPosixFilePermissions(out.resolve("open.html"), open);
    Files.setPosixFilePermissions(out.resolve("closed.html"), Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ));
    Object before = inode(out.resolve("open.html"));
    build(out, Map.of("open.html", List.of(utf8("page")), "closed.html", List.of(utf8("page"))));
    for (String path : List.of("open.html", "closed.html")) {
      assertEquals(fresh, Files.getPosixFilePermissions(out.resolve(path)), path);
      assertEquals("page", Files.readString(out.resolve(path)));
    }
    assertFalse(before.equals(inode(out.resolve("open.html"))));
  }

  @Test
  void aFolderSwappedForALinkDuringTheBuildIsNotFollowed() throws IOException {
    Path out = out();
    build(out, Map.of("guide/a.html", List.of(utf8("a")), "guide/b.html", List.of(utf8("b"))));
    Path outside = Files.createDirectories(work.resolve("outside/guide"));
    Path b = Files.writeString(outside.resolve("b.html"), "b");
    try (OutputWriter.Staging staging = OutputWriter.stage(out)) {
      staging.write("guide/a.html", List.of(utf8("a"))); // the folder was looked at: a real one
      OutputWriter.deleteTree(out.resolve("guide"));
      Files.createSymbolicLink(out.resolve("guide"), outside);
      staging.write("guide/b.html", List.of(utf8("b")));
      staging.commit(Map.of());
    }
    assertEquals(1, links(b), "the output shares a file with a folder outside it");
    Files.writeString(b, "defaced");
    assertEquals("b", Files.readString(out.resolve("guide/b.html")));
  }

  @Test
  void swapsInThePreviousOutputDuringTheBuildNeverPutAnotherFileOrALinkInTheOutput() throws Exception {
    Path out = out();
    List<byte[]> page = List.of(utf8("PAGE"));
    build(out, Map.of("x.html", page));
    Path secret = Files.writeString(work.resolve("secret.txt"), "SECRET");
    Path x = out.resolve("x.html");
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    Thread swapper = new Thread(() -> {
      for (int i = 0; !stop.get(); i++) {
        try {
          Path next = out.resolve(".swap" + i);
          switch (i % 3) {
            case 0 -> Files.createSymbolicLink(next, secret);
            case 1 -> Files.writeString(next, "EVIL"); // the same size, other bytes
            default -> Files.writeString(next, "PAGE");
          }
          Files.move(next, x, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          // the build's own swap moved the folder: try again
        }
      }
    });
    swapper.start();
    int kept = 0;
    try {
      long end = System.nanoTime() + 1_500_000_000L;
      while (System.nanoTime() < end) {
        try (OutputWriter.Staging staging = OutputWriter.stage(out)) {
          staging.write("x.html", page);
          Path staged;
          try (Stream<Path> entries = Files.list(work)) {
            staged = entries.filter(p -> p.getFileName().toString().startsWith(".site.staging-")).findFirst().orElseThrow().resolve("x.html");
          }
          assertFalse(Files.isSymbolicLink(staged), "a link was staged");
          assertEquals("PAGE", Files.readString(staged), "other bytes were staged");
          kept += links(staged) > 1 ? 1 : 0;
        }
      }
    } finally {
      stop.set(true);
      swapper.join();
    }
    assertTrue(kept > 0, "no file was ever kept, so the race was never run");
  }

  @Test
  void aNamedPipeInThePreviousOutputIsNotOpened() throws Exception {
    Path out = out();
    build(out, Map.of("index.html", List.of(utf8("page"))));
    Files.delete(out.resolve("index.html"));
    Process mkfifo = new ProcessBuilder("mkfifo", out.resolve("index.html").toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "no mkfifo here");
    java.util.concurrent.Future<?> rebuilt = java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> {
      build(out, Map.of("index.html", List.of(utf8("page"))));
      return null;
    });
    rebuilt.get(20, java.util.concurrent.TimeUnit.SECONDS); // opening the pipe would wait for ever
    assertTrue(Files.isRegularFile(out.resolve("index.html"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertEquals("page", Files.readString(out.resolve("index.html")));
  }
}
