package org.practicalpartnerships.handbook.serve;

import org.practicalpartnerships.handbook.output.OutputWriter;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.DiagnosticPrinter;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.diagnostics.TerminalText;

/**
 * {@code handbook serve} as one object: a temporary output folder, a {@link Rebuild} that writes
 * into it, a {@link PreviewServer} that serves it and a {@link Watcher} that triggers the rebuilds.
 *
 * <p>The first build runs before the server starts. After that, each burst of changes is one
 * rebuild, one line on {@code out} (with its time) and one reload event; diagnostics go to
 * {@code err} whenever they differ from the previous build's. Whatever a rebuild throws is caught
 * and shown in the overlay and the terminal like a build error (one line, no stack trace), so bad
 * input never stops the server. {@link
 * #close()} stops everything and deletes the temporary folder.
 */
public final class ServeSession implements AutoCloseable {
  /**
   * Where to serve from and what to watch.
   *
   * @param content the content folder (watched)
   * @param templates the templates folder (watched)
   * @param host the address to listen on
   * @param port the first port to try; 0 for any free one
   */
  public record Settings(Path content, Path templates, String host, int port) {
    public Settings {
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(templates, "templates");
      Objects.requireNonNull(host, "host");
    }
  }

  private final Settings settings;
  private final Path output;
  private final Rebuild rebuild;
  private final PrintWriter out;
  private final PrintWriter err;
  private PreviewServer server;
  private Watcher watcher;
  private List<Diagnostic> lastPrinted = List.of();
  private boolean firstBuild = true;
  private boolean closed;

  private ServeSession(Settings settings, Path output, Rebuild rebuild, PrintWriter out, PrintWriter err) {
    this.settings = settings;
    this.output = output;
    this.rebuild = rebuild;
    this.out = out;
    this.err = err;
  }

  /**
   * Builds once, then starts serving and watching.
   *
   * @param rebuilds makes the rebuild for the session's temporary output folder, such as {@code out
   *     -> new IncrementalRebuild(loader, markdown, version, request, out)}
   * @param out gets the one-line report of each build
   * @param err gets diagnostics and the watcher's failures
   */
  public static ServeSession start(Settings settings, Function<Path, Rebuild> rebuilds, PrintWriter out, PrintWriter err) throws IOException {
    return start(settings, rebuilds, out, err, Watcher.QUIET, PreviewServer.KEEP_ALIVE);
  }

  static ServeSession start(Settings settings, Function<Path, Rebuild> rebuilds, PrintWriter out, PrintWriter err, Duration quiet, Duration keepAlive)
      throws IOException {
    Path output = Files.createTempDirectory("handbook-serve");
    ServeSession session = null;
    try {
      session = new ServeSession(settings, output, rebuilds.apply(output), out, err);
      Path content = settings.content().toAbsolutePath().normalize();
      Path templates = settings.templates().toAbsolutePath().normalize();
      // Watching starts before the first build, so an edit made during it is not missed.
      session.watcher = new Watcher(List.of(content, templates), quiet, session::rebuildNow, err);
      BuildResult first = session.runRebuild(Set.of(content, templates));
      session.server = PreviewServer.start(output, settings.host(), settings.port(), keepAlive);
      session.server.beforeServing(session.rebuild::awaitWritten);
      session.server.buildFinished(first);
      session.watcher.start();
      return session;
    } catch (IOException | RuntimeException | Error e) {
      if (session != null) {
        session.close();
      } else {
        deleteTree(output);
      }
      throw e;
    }
  }

  /** The address being served, such as {@code http://127.0.0.1:8000/}. */
  public URI url() {
    return server.url();
  }

  /** The temporary folder the site is built into. */
  public Path output() {
    return output;
  }

  public PreviewServer server() {
    return server;
  }

  /**
   * Rebuilds now for these changed paths, reports the result and tells open tabs to reload. The
   * watcher calls this; it never throws.
   */
  public BuildResult rebuildNow(Set<Path> changedPaths) {
    BuildResult result;
    synchronized (this) {
      if (closed) {
        return BuildResult.failure(List.of());
      }
      result = runRebuild(changedPaths);
    }
    if (server != null) {
      server.buildFinished(result);
    }
    return result;
  }

  private synchronized BuildResult runRebuild(Set<Path> changedPaths) {
    long start = System.nanoTime();
    BuildResult result;
    try {
      result = Objects.requireNonNull(rebuild.rebuild(changedPaths), "the rebuild returned no result");
    } catch (Exception | StackOverflowError | LinkageError | OutOfMemoryError e) {
      result = BuildResult.failure(List.of(failure(e)));
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    report(result, ms);
    return result;
  }

  /**
   * What a rebuild that threw is shown as, on the overlay and in the terminal like any other
   * problem (never a stack trace): the preview folder could not be written, or a bug.
   */
  static Diagnostic failure(Throwable e) {
    if (e instanceof java.io.IOException io) {
      String why = io instanceof java.nio.file.FileSystemException f && f.getReason() != null
          ? f.getReason().toLowerCase(java.util.Locale.ROOT) + (f.getFile() != null ? " ('" + f.getFile() + "')" : "")
          : String.valueOf(io.getMessage());
      return Diagnostic.ofFile("handbook", Severity.ERROR, "cannot write the preview: " + why
          + "; the preview keeps serving the last good build (is the disk full, or the temporary folder gone?)");
    }
    return Diagnostic.ofFile("handbook", Severity.ERROR, "internal error while rebuilding (" + e
        + "); this is a bug in handbook, please report it. The preview keeps serving the last good build");
  }

  private void report(BuildResult result, long ms) {
    if (!result.diagnostics().equals(lastPrinted)) {
      DiagnosticPrinter.print(result.diagnostics(), err);
      lastPrinted = result.diagnostics();
    }
    String problems = DiagnosticPrinter.summary(result.count(Severity.ERROR), result.count(Severity.WARNING));
    String verb = firstBuild ? "Built" : "Rebuilt";
    firstBuild = false;
    if (result.hasErrors()) {
      out.printf("Build failed in %d ms (%s); the browser shows the problems over the last good pages.%n", ms, problems);
    } else {
      int changed = result.changedOutputs().size();
      out.printf("%s in %d ms (%d %s changed; %s).%n", verb, ms, changed, changed == 1 ? "file" : "files", problems);
    }
    out.flush();
    err.flush();
  }

  /** Stops watching and serving, and deletes the temporary folder. Safe to call twice. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (watcher != null) {
      watcher.close();
    }
    if (server != null) {
      server.close();
    }
    if (rebuild instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        err.println("handbook: could not stop the preview's writer: " + TerminalText.visible(String.valueOf(e.getMessage())));
      }
    }
    try {
      deleteTree(output);
    } catch (IOException e) {
      err.println("handbook: could not delete the preview folder " + output + ": " + TerminalText.visible(String.valueOf(e.getMessage())));
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      OutputWriter.deleteTree(root);
    }
  }
}
