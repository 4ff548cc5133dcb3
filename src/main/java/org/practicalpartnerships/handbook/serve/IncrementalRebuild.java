package org.practicalpartnerships.handbook.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.output.MemorySink;
import org.practicalpartnerships.handbook.output.OutputSink;
import org.practicalpartnerships.handbook.output.OutputWriter;
import org.practicalpartnerships.handbook.outputs.OutputFile;
import org.practicalpartnerships.handbook.outputs.PrintOutput;
import org.practicalpartnerships.handbook.pipeline.BuildOutput;
import org.practicalpartnerships.handbook.pipeline.BuildRequest;
import org.practicalpartnerships.handbook.pipeline.Overlay;
import org.practicalpartnerships.handbook.pipeline.Pipeline;
import org.practicalpartnerships.handbook.search.SearchIndex;
import org.practicalpartnerships.handbook.source.ContentFile;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * The {@link Rebuild} that {@code serve} uses. Two ways, both giving the bytes of a fresh build:
 *
 * <ul>
 *   <li>When only pages' text changed, and in a way that cannot reach other pages (same front
 *       matter, ids, links and glossary terms; see {@link PageUpdate}), just those pages are
 *       processed and rendered again, and written with the print page and the search index. Those
 *       two grow with the whole handbook (tens of megabytes at 10,000 pages), so they are made
 *       and written after the rebuild returns, in the background: the edited page is on disk and
 *       the browser told to reload at once, and a request for either file waits until it is
 *       written ({@link #awaitWritten}). Whether the search index is over its budget is found
 *       from the pages' entries without making it, so the warning comes with the edit.
 *   <li>When pages' front matter changed only in what other pages show of them (title,
 *       description, order, tags, upkeep), the site is assembled again from the cache and only
 *       the pages that show them are rendered again ({@link Pipeline#reshow}).
 *   <li>Otherwise the whole pipeline runs again with a {@link ServeCache}, so only what the change
 *       affects is parsed and rendered again; only files whose bytes changed are written (each
 *       atomically) and those whose source is gone are deleted. Changed files are found by
 *       comparing each file's fingerprint with the previous build's.
 * </ul>
 *
 * The first build is written with {@link OutputWriter}.
 */
public final class IncrementalRebuild implements Rebuild, AutoCloseable {
  /** Files that hold the whole handbook and are written after the page that changed. */
  private static final Set<String> AGGREGATES = Set.of(PrintOutput.PATH, SearchIndex.SCRIPT);

  private final SourceLoader loader;
  private final Pipeline pipeline;
  private final BuildRequest request;
  private final Path output;
  private Map<String, String> previous = Map.of();
  private final ServeCache cache = new ServeCache();
  private final PageUpdate update;
  /** How many rebuilds redid front matter the short way, for tests that it is taken. */
  private int reshown;
  private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "handbook-serve-writer");
    t.setDaemon(true);
    return t;
  });
  /** Makes slow outputs' files (the PDFs), apart from the writer of the aggregate files. */
  private final ExecutorService slow = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "handbook-serve-pdf");
    t.setDaemon(true);
    return t;
  });
  private volatile long slowGeneration;
  private volatile CompletableFuture<Void> slowDone = CompletableFuture.completedFuture(null);

  /** The aggregate files still being written, and their writing; a finished future when none. */
  private volatile Pending pending = new Pending(Set.of(), CompletableFuture.completedFuture(null));

  private record Pending(Set<String> paths, CompletableFuture<Void> done) {}

  /**
   * @param output the preview's output folder: empty, or written by an earlier rebuild
   */
  public IncrementalRebuild(SourceLoader loader, MarkdownEngine markdown, String version, BuildRequest request, Path output) {
    this.loader = loader;
    this.pipeline = new Pipeline(loader, markdown, version);
    this.update = new PageUpdate(pipeline, cache);
    this.request = request;
    this.output = output;
  }

  @Override
  public synchronized BuildResult rebuild(Set<Path> changedPaths) throws IOException {
    Optional<Diagnostic> unfinished = finishWriting();
    if (!previous.isEmpty() && !Files.isDirectory(output)) {
      // The preview folder went away (a cleaner of temporary files, say): write it all again.
      Files.createDirectories(output);
      previous = Map.of();
    }
    cache.takeDeferred(); // left by an update that gave way to a full rebuild
    // What the last rebuild left unmade is made by a full one, which writes every stale file.
    Optional<List<ContentFile>> pages = unfinished.isPresent() ? Optional.empty() : changedPages(changedPaths);
    if (pages.isPresent()) {
      Diagnostics diagnostics = new Diagnostics();
      PreviewSink sink = new PreviewSink();
      Optional<BuildOutput> updated = update.update(pages.get(), diagnostics, sink);
      if (updated.isPresent()) {
        reshown += update.reshownLast() ? 1 : 0;
        BuildResult result = new BuildResult(true, diagnostics.sorted(), sink.finish());
        startSlowWork();
        return result;
      }
    }
    boolean first = previous.isEmpty();
    BuildResult result = rebuildAll();
    if (unfinished.isPresent()) {
      List<Diagnostic> told = new ArrayList<>(result.diagnostics());
      told.add(unfinished.get());
      result = new BuildResult(result.success(), told, result.changedOutputs());
    }
    if (first && result.success()) {
      collectTheFirstBuildsGarbage(); // once the build's files, held until written, are garbage
    }
    if (result.success()) {
      startSlowWork();
    } else {
      cache.takeDeferred();
    }
    return result;
  }

  /** How many rebuilds so far redid a change to front matter the short way ({@link PageUpdate}). */
  synchronized int reshown() {
    return reshown;
  }

  /**
   * Makes what slow outputs put off (the PDFs) on a thread of its own, after the pages: the edit
   * shows at once and the PDFs follow. Only the newest work is done: an older job still waiting
   * when a newer one is queued does nothing. A request for a PDF waits for it ({@link #awaitWritten}).
   */
  private void startSlowWork() {
    List<Supplier<List<OutputFile>>> work = cache.takeDeferred();
    if (work.isEmpty()) {
      return;
    }
    long generation = ++slowGeneration;
    slowDone = CompletableFuture.runAsync(() -> {
      for (Supplier<List<OutputFile>> job : work) {
        if (generation != slowGeneration) {
          return;
        }
        for (OutputFile file : job.get()) {
          try {
            writeFile(file.path(), file.chunks());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }, slow);
  }

  /** The changed files when all are Markdown pages of the content folder that can be read; else empty. */
  private Optional<List<ContentFile>> changedPages(Set<Path> changedPaths) {
    if (previous.isEmpty() || changedPaths.isEmpty()) {
      return Optional.empty();
    }
    List<ContentFile> pages = new ArrayList<>();
    for (Path path : changedPaths) {
      Optional<ContentFile> page = loader.reloadPage(request.content(), path);
      if (page.isEmpty()) {
        return Optional.empty();
      }
      pages.add(page.get());
    }
    pages.sort(java.util.Comparator.comparing(ContentFile::relativePath));
    return Optional.of(pages);
  }

  private BuildResult rebuildAll() throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    MemorySink files = new MemorySink();
    Optional<BuildOutput> built = pipeline.build(request, diagnostics, cache, files, stage -> {});
    if (built.isEmpty() || diagnostics.hasErrors()) {
      return BuildResult.failure(diagnostics.sorted());
    }
    BuildOutput out = built.get();
    Map<String, byte[]> written = files.files();
    Map<String, String> fingerprints = new HashMap<>();
    written.forEach((path, bytes) -> fingerprints.put(path, sha256(bytes)));
    for (Map.Entry<String, Path> copy : out.copies().entrySet()) {
      BasicFileAttributes attributes = Files.readAttributes(copy.getValue(), BasicFileAttributes.class);
      fingerprints.put(copy.getKey(), copy.getValue() + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis());
    }
    Set<String> changed = new HashSet<>();
    fingerprints.forEach((path, fingerprint) -> {
      if (!fingerprint.equals(previous.get(path))) {
        changed.add(path);
      }
    });
    for (String path : previous.keySet()) {
      if (!fingerprints.containsKey(path)) {
        changed.add(path);
      }
    }
    if (previous.isEmpty()) {
      new OutputWriter().write(output, written, out.copies());
    } else {
      writeChanged(written, out, changed);
    }
    previous = fingerprints;
    return new BuildResult(true, diagnostics.sorted(), changed);
  }

  /**
   * The first build holds every file in memory while it writes them, and most of that outlives
   * the young generation's collections: at 10,000 pages the old generation ends the build with a
   * gigabyte of it. Left there, it is collected by the first full collection, whenever one comes:
   * a pause of about a second in the middle of an early edit. Collected now, before the preview
   * is served, nobody waits on it.
   */
  private static void collectTheFirstBuildsGarbage() {
    System.gc();
  }

  /**
   * Waits until the file at this site path is up to date, if a rebuild is still writing it. The
   * preview server calls this before it serves a file.
   */
  @Override
  public void awaitWritten(String sitePath) {
    if (sitePath.endsWith(".pdf")) {
      slowDone.exceptionally(e -> null).join();
    }
    Pending now = pending;
    if (now.paths().contains(sitePath)) {
      now.done().exceptionally(e -> null).join(); // on a failure, the last good file; the next rebuild reports it
    }
  }

  /**
   * Waits for the background work of the last rebuild. What it could not make or write is
   * returned as a warning for this rebuild, which then rebuilds in full: the files left stale are
   * written again, and the edit that brought this rebuild is not lost.
   */
  private Optional<Diagnostic> finishWriting() throws IOException {
    try {
      pending.done().get();
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the preview", e);
    } catch (ExecutionException e) {
      Set<String> paths = pending.paths();
      pending = new Pending(Set.of(), CompletableFuture.completedFuture(null));
      Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
      String what = cause instanceof IOException io ? "written (" + io.getMessage() + ")"
          : "made (" + cause + "; this is a bug in handbook, please report it)";
      return Optional.of(Diagnostic.ofFile("handbook", Severity.WARNING, "after the last edit, " + String.join(" and ", new TreeSet<>(paths))
          + " could not all be " + what + ", so the preview was built again in full"));
    }
  }

  /** Lets the background writer finish, so the folder can be deleted after. */
  @Override
  public void close() {
    slowGeneration++;
    slow.shutdown();
    background.shutdown();
    try {
      background.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
      slow.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Where an update's files go: pages straight to disk, the aggregate files to the background
   * writer, which also makes those given to {@link #writeLater}. Fingerprints are kept for the
   * pages; the aggregates' are marked stale (hashing them would cost what writing them does), so
   * the next full rebuild writes them again.
   */
  private final class PreviewSink implements OutputSink {
    /** No file's fingerprint. */
    private static final String STALE = "";

    private final Set<String> changed = new HashSet<>();
    private final Map<String, Supplier<List<byte[]>>> later = new HashMap<>();
    /** This update's fingerprints, over the previous ones. */
    private final Map<String, String> fingerprints = new HashMap<>();

    @Override
    public void write(String path, List<byte[]> chunks) throws IOException {
      if (AGGREGATES.contains(path)) {
        writeLater(path, () -> chunks);
        return;
      }
      String fingerprint = sha256(chunks);
      if (!fingerprint.equals(fingerprints.getOrDefault(path, previous.get(path)))) {
        changed.add(path);
        writeFile(path, chunks);
        fingerprints.put(path, fingerprint);
      }
    }

    @Override
    public void writeLater(String path, Supplier<List<byte[]>> make) throws IOException {
      if (!AGGREGATES.contains(path)) {
        write(path, make.get());
        return;
      }
      changed.add(path);
      later.put(path, make);
      fingerprints.put(path, STALE);
    }

    Set<String> finish() {
      previous = Overlay.of(previous, fingerprints);
      Map<String, Supplier<List<byte[]>>> files = Map.copyOf(later);
      pending = new Pending(files.keySet(), CompletableFuture.runAsync(() -> {
        for (Map.Entry<String, Supplier<List<byte[]>>> file : files.entrySet()) {
          try {
            writeFile(file.getKey(), file.getValue().get());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }, background));
      return changed;
    }
  }

  /** Writes the changed files in place, each through a temporary file and a rename. */
  private void writeChanged(Map<String, byte[]> files, BuildOutput out, Set<String> changed) throws IOException {
    for (String path : changed) {
      byte[] bytes = files.get(path);
      Path source = out.copies().get(path);
      if (bytes != null) {
        writeFile(path, List.of(bytes));
      } else if (source != null) {
        replace(path, temporary -> Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING));
      } else {
        Files.deleteIfExists(target(path));
      }
    }
  }

  private void writeFile(String path, List<byte[]> chunks) throws IOException {
    replace(path, temporary -> OutputWriter.writeChunks(temporary, chunks, StandardOpenOption.TRUNCATE_EXISTING));
  }

  /** What fills the temporary file that then replaces a file of the preview. */
  private interface Filling {
    void fill(Path temporary) throws IOException;
  }

  /** Replaces one file of the preview atomically: readers see the old bytes or the new, whole. */
  private void replace(String path, Filling filling) throws IOException {
    Path target = target(path);
    Files.createDirectories(target.getParent());
    Path temporary = Files.createTempFile(target.getParent(), ".handbook-", ".tmp");
    try {
      filling.fill(temporary);
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private Path target(String path) throws IOException {
    Path root = output.toRealPath();
    Path target = root.resolve(path).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new IOException("refusing to write outside the preview folder: " + path);
    }
    return target;
  }

  private static String sha256(byte[] bytes) {
    return sha256(List.of(bytes));
  }

  private static String sha256(List<byte[]> chunks) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      chunks.forEach(digest::update);
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
