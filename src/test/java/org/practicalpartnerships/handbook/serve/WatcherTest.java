package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The watcher reports created, modified, deleted and renamed files, in new folders too. */
@Timeout(30)
class WatcherTest {
  @TempDir Path dir;
  Path content;
  Path templates;
  final LinkedBlockingQueue<Set<Path>> reports = new LinkedBlockingQueue<>();
  final StringWriter log = new StringWriter();
  Watcher watcher;

  @BeforeEach
  void watch() throws IOException {
    content = Files.createDirectories(dir.toRealPath().resolve("content/behaviours")).getParent();
    templates = Files.createDirectories(dir.toRealPath().resolve("templates"));
    Files.writeString(content.resolve("index.md"), "---\ntitle: Home\n---\n");
    start(set -> reports.add(set));
  }

  void start(java.util.function.Consumer<Set<Path>> callback) throws IOException {
    watcher = new Watcher(List.of(content, templates), Duration.ofMillis(30), callback, new PrintWriter(log, true));
    watcher.start();
  }

  @AfterEach
  void stop() {
    watcher.close();
  }

  /** Everything reported until {@code wanted} has all been seen (bursts may split). */
  Set<Path> awaitAll(Path... wanted) throws InterruptedException {
    Set<Path> seen = new HashSet<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!seen.containsAll(Set.of(wanted))) {
      Set<Path> next = reports.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("not reported: " + Set.of(wanted) + "; seen " + seen);
      }
      seen.addAll(next);
    }
    return seen;
  }

  @Test
  void createdModifiedAndDeletedFilesAreReported() throws Exception {
    Path page = content.resolve("behaviours/trust.md");
    Files.writeString(page, "---\ntitle: Trust\n---\n");
    awaitAll(page);
    Files.writeString(content.resolve("index.md"), "---\ntitle: Home again\n---\n");
    awaitAll(content.resolve("index.md"));
    Files.delete(page);
    awaitAll(page);
  }

  @Test
  void aRenameReportsBothNames() throws Exception {
    Path before = content.resolve("behaviours/old.md");
    Files.writeString(before, "x");
    awaitAll(before);
    Path after = content.resolve("behaviours/new.md");
    Files.move(before, after, StandardCopyOption.ATOMIC_MOVE);
    awaitAll(before, after);
  }

  @Test
  void templatesAndAssetsAreWatchedToo() throws Exception {
    Path template = templates.resolve("page.ftlh");
    Files.writeString(template, "x");
    awaitAll(template);
  }

  @Test
  void newFoldersAreWatchedWithWhatIsAlreadyInThem() throws Exception {
    Path folder = content.resolve("practice/deep");
    Files.createDirectories(folder);
    Path early = folder.resolve("early.md");
    Files.writeString(early, "x");
    awaitAll(early);
    PreviewServerTest.waitFor(() -> watcher.watchedFolders().contains(folder));
    Path later = folder.resolve("later.md");
    Files.writeString(later, "y");
    awaitAll(later);
  }

  @Test
  void aBurstOfChangesIsReportedOnce() throws Exception {
    Set<Path> written = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      Path file = content.resolve("page-" + i + ".md");
      Files.writeString(file, "x");
      written.add(file);
    }
    awaitAll(written.toArray(Path[]::new));
    Thread.sleep(100);
    assertTrue(reports.size() <= 2, "a burst may be split at most once more: " + reports.size());
  }

  @Test
  void hiddenAndBackupFilesAreNotReported() throws Exception {
    Files.writeString(content.resolve(".page.md.swp"), "x");
    Files.writeString(content.resolve("page.md~"), "x");
    Path real = content.resolve("page.md");
    Files.writeString(real, "x");
    Set<Path> seen = awaitAll(real);
    assertEquals(Set.of(real), seen);
  }

  @Test
  void aFailingCallbackIsLoggedAndWatchingGoesOn() throws Exception {
    watcher.close();
    LinkedBlockingQueue<Set<Path>> calls = new LinkedBlockingQueue<>();
    java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
    start(set -> {
      calls.add(set);
      if (count.incrementAndGet() == 1) {
        throw new IllegalStateException("boom");
      }
    });
    Files.writeString(content.resolve("one.md"), "x");
    assertTrue(calls.poll(10, TimeUnit.SECONDS) != null);
    Thread.sleep(100);
    Files.writeString(content.resolve("two.md"), "x");
    Set<Path> later = new HashSet<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!later.contains(content.resolve("two.md")) && System.nanoTime() < end) {
      Set<Path> next = calls.poll(100, TimeUnit.MILLISECONDS);
      if (next != null) {
        later.addAll(next);
      }
    }
    assertTrue(later.contains(content.resolve("two.md")), String.valueOf(later));
    assertTrue(log.toString().contains("boom"), log.toString());
    assertEquals(1, log.toString().lines().count(), log.toString());
  }

  @Test
  void linksAreFollowedOnlyWhileTheyStayInside() throws Exception {
    watcher.close();
    Files.createDirectories(dir.resolve("elsewhere/deep"));
    Files.createSymbolicLink(content.resolve("out"), dir.resolve("elsewhere"));
    Files.createSymbolicLink(content.resolve("root"), Path.of("/"));
    Files.createSymbolicLink(content.resolve("loop"), Path.of("."));
    start(set -> reports.add(set));
    Set<Path> watched = watcher.watchedFolders();
    assertTrue(watched.stream().noneMatch(p -> p.startsWith(content.resolve("out")) || p.startsWith(content.resolve("root"))), watched.toString());
    assertTrue(watched.size() < 10, watched.toString());
  }
}
