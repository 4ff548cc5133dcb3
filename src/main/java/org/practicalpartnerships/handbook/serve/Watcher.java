package org.practicalpartnerships.handbook.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.practicalpartnerships.handbook.diagnostics.TerminalText;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * Watches folders and everything under them, and reports each burst of changes once.
 *
 * <p>Every folder is registered with a {@link WatchService}; a new folder is registered when it
 * appears, with everything already in it reported as created. Changes are collected until the
 * folders have been quiet for the quiet period (or for at most a second of steady changes), then
 * the callback gets the set of changed paths: created, modified and deleted files, and for a
 * rename both names. When the system drops events (overflow), the callback gets the watched
 * folders themselves, which means "anything may have changed". Hidden files and editors' backup
 * files ({@link SourceLoader#isIgnored}) are not reported, and hidden folders are not watched.
 *
 * <p>The callback runs on the watcher's own thread, one call at a time; changes made while it runs
 * are reported in the next call. An exception in the callback or the watcher is logged as one line
 * and watching carries on.
 */
public final class Watcher implements AutoCloseable {
  /** How long the folders must be quiet before a burst of changes is reported. */
  public static final Duration QUIET = Duration.ofMillis(30);
  private static final long MAX_DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final List<Path> roots;
  /** Where the roots really are: links are followed only while they stay inside one. */
  private final List<Path> realRoots;
  private final long quietNanos;
  private final Consumer<Set<Path>> onChange;
  private final PrintWriter log;
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  /**
   * Registers every folder under the roots; {@link #start()} begins reporting.
   *
   * @param roots folders to watch (each must exist)
   * @param onChange gets the absolute, normalised paths that changed
   * @param log where a failure is reported, one line each
   */
  public Watcher(Collection<Path> roots, Duration quiet, Consumer<Set<Path>> onChange, PrintWriter log) throws IOException {
    this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    List<Path> real = new java.util.ArrayList<>();
    for (Path root : this.roots) {
      real.add(root.toRealPath());
    }
    this.realRoots = List.copyOf(real);
    this.quietNanos = quiet.toNanos();
    this.onChange = onChange;
    this.log = log;
    this.service = this.roots.isEmpty() ? null : this.roots.get(0).getFileSystem().newWatchService();
    for (Path root : this.roots) {
      registerTree(root, null);
    }
    this.thread = new Thread(this::run, "handbook-watcher");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  @Override
  public void close() {
    closed = true;
    try {
      if (service != null) {
        service.close();
      }
    } catch (IOException e) {
      log.println("handbook: watcher: could not close: " + TerminalText.visible(String.valueOf(e.getMessage())));
    }
    thread.interrupt();
  }

  private void run() {
    Set<Path> pending = new LinkedHashSet<>();
    long first = 0;
    long last = 0;
    while (!closed && service != null) {
      try {
        WatchKey key;
        if (pending.isEmpty()) {
          key = service.take();
        } else {
          long now = System.nanoTime();
          long wait = Math.min(last + quietNanos, first + MAX_DELAY_NANOS) - now;
          key = wait <= 0 ? null : service.poll(wait, TimeUnit.NANOSECONDS);
        }
        if (key == null) {
          Set<Path> changed = new TreeSet<>(pending);
          pending.clear();
          report(changed);
          continue;
        }
        if (pending.isEmpty()) {
          first = System.nanoTime();
        }
        collect(key, pending);
        last = System.nanoTime();
      } catch (ClosedWatchServiceException | InterruptedException e) {
        break;
      } catch (Exception | StackOverflowError e) {
        log.println("handbook: watcher: " + TerminalText.visible(String.valueOf(e)) + " (still watching)");
      }
    }
  }

  private void report(Set<Path> changed) {
    try {
      onChange.accept(changed);
    } catch (Exception | StackOverflowError e) {
      log.println("handbook: watcher: rebuilding failed: " + TerminalText.visible(String.valueOf(e)) + " (still watching)");
    }
  }

  private void collect(WatchKey key, Set<Path> pending) throws IOException {
    Path folder;
    synchronized (folders) {
      folder = folders.get(key);
    }
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW || folder == null) {
        pending.addAll(roots);
        for (Path root : roots) {
          registerTree(root, null);
        }
        continue;
      }
      Path path = folder.resolve((Path) event.context());
      if (SourceLoader.isIgnored(path)) {
        continue;
      }
      pending.add(path);
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
        registerTree(path, pending);
      }
    }
    if (!key.reset()) {
      synchronized (folders) {
        folders.remove(key);
      }
    }
  }

  /** Registers a folder and those under it; with {@code found}, adds every file in them to it. */
  private void registerTree(Path start, Set<Path> found) throws IOException {
    if (service == null || !Files.isDirectory(start)) {
      return;
    }
    try {
      // Links are followed while they stay inside a watched folder (a content folder that is
      // itself a link is watched where it leads; the build refuses links out), loops are skipped.
      Files.walkFileTree(start, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          if (!dir.equals(start) && SourceLoader.isIgnored(dir)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          Path real = dir.toRealPath();
          if (realRoots.stream().noneMatch(real::startsWith)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          WatchKey key = dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
          synchronized (folders) {
            folders.put(key, dir);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (found != null && !SourceLoader.isIgnored(file)) {
            found.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          // Deleted while walking: its own event reports it.
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (NoSuchFileException | UncheckedIOException e) {
      // The folder went away again before it could be watched; its deletion is reported.
    }
  }

  /** Every folder being watched, for tests. */
  Set<Path> watchedFolders() {
    synchronized (folders) {
      return Set.copyOf(folders.values());
    }
  }
}
