package org.practicalpartnerships.handbook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.practicalpartnerships.handbook.diagnostics.TerminalText;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.output.RealPaths;
import org.practicalpartnerships.handbook.pipeline.BuildRequest;
import org.practicalpartnerships.handbook.serve.IncrementalRebuild;
import org.practicalpartnerships.handbook.serve.PreviewServer;
import org.practicalpartnerships.handbook.serve.ServeSession;
import org.practicalpartnerships.handbook.source.SourceLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code handbook serve}: builds into a temporary folder (never the output folder), serves it on
 * this computer, and rebuilds and reloads open pages on every change until Ctrl-C. Prints the URL
 * and one line per rebuild with its time.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
        "Preview the handbook while you edit: build it into a temporary folder, serve it at http://127.0.0.1:8000/ "
            + "(or the next free port), and rebuild and reload open pages whenever a page, template or asset changes. "
            + "Problems show in the browser over the last good pages. Runs until Ctrl-C; site/ is never touched."})
public final class ServeCommand implements Callable<Integer> {
  @CommandLine.ParentCommand Main main;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", description = "The port to try first; the next free one up to 100 above is used if it is taken (default: ${DEFAULT-VALUE}).", defaultValue = "8000")
  int port;

  @Option(names = "--host", paramLabel = "ADDR", description = "The address to listen on (default: ${DEFAULT-VALUE}, this computer only).", defaultValue = PreviewServer.DEFAULT_HOST)
  String host;

  @CommandLine.Mixin Main.Folders folders = new Main.Folders();

  /** Counted down to stop serving (by Ctrl-C's shutdown hook, or by a test). */
  final CountDownLatch stop = new CountDownLatch(1);
  /** Counted down once the server is answering. */
  final CountDownLatch started = new CountDownLatch(1);
  volatile ServeSession session;
  private Path workingFolder;

  public ServeCommand() {}

  /** For tests, which run the command without {@link Main}. */
  ServeCommand(Path workingFolder) {
    this.workingFolder = workingFolder.toAbsolutePath();
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path base = main != null ? main.workingFolder() : workingFolder != null ? workingFolder : Path.of("").toAbsolutePath();
    Path contentFolder = base.resolve(folders.content).normalize();
    Path templatesFolder = base.resolve(folders.templates).normalize();
    Optional<String> usage = Main.usageProblem(contentFolder, templatesFolder, Optional.empty())
        .or(() -> temporaryFolderProblem(contentFolder, templatesFolder, Path.of(System.getProperty("java.io.tmpdir"))));
    if (usage.isPresent()) {
      err.println("handbook: " + TerminalText.visible(usage.get()));
      return Main.USAGE;
    }
    if (port < 0 || port > 65535) {
      err.println("handbook: --port must be between 0 and 65535, not " + port);
      return Main.USAGE;
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      err.println("handbook: cannot listen on '" + host + "': no such address (use --host 127.0.0.1)");
      return Main.USAGE;
    }
    SourceLoader loader = new SourceLoader(base);
    MarkdownEngine markdown = new MarkdownEngine();
    BuildRequest request = new BuildRequest(contentFolder, templatesFolder, folders.drafts, true);
    String version = Main.Version.number();
    ServeSession.Settings settings = new ServeSession.Settings(contentFolder, templatesFolder, host, port);
    ServeSession running;
    try {
      running = ServeSession.start(settings, output -> new IncrementalRebuild(loader, markdown, version, request, output), out, err);
    } catch (BindException e) {
      err.println("handbook: cannot listen on " + host + ": " + e.getMessage());
      return Main.USAGE;
    } catch (IOException e) {
      // No temporary folder, say: the machine's to fix, not a bug, and no stack trace.
      err.println("handbook: cannot start the preview: " + TerminalText.visible(String.valueOf(e.getMessage())) + " (is the temporary folder " + System.getProperty("java.io.tmpdir") + " writable?)");
      return Main.USAGE;
    }
    session = running;
    serveUntilStopped(running, loader.display(contentFolder), address, out, err);
    return Main.OK;
  }

  /**
   * serve builds into a new folder under the system's temporary folder; that folder must not lie
   * in the content or templates folder (real paths compared), or the preview would read and watch
   * its own output.
   */
  static Optional<String> temporaryFolderProblem(Path content, Path templates, Path temporary) {
    try {
      Path realTemporary = RealPaths.of(temporary);
      for (Path folder : List.of(content, templates)) {
        Path real = folder.toRealPath();
        if (realTemporary.startsWith(real)) {
          return Optional.of("the preview is built under the temporary folder '" + realTemporary + "', which lies inside '" + folder
              + "'; choose another content or templates folder, or another temporary folder (HANDBOOK_JAVA_OPTS=-Djava.io.tmpdir=DIR)");
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot use the temporary folder '" + temporary + "' for the preview: " + e.getMessage()
          + "; choose another (HANDBOOK_JAVA_OPTS=-Djava.io.tmpdir=DIR)");
    }
  }

  /** Reports where the preview is, then waits for Ctrl-C (or {@link #stop}) and closes the session. */
  private void serveUntilStopped(ServeSession running, String content, InetAddress address, PrintWriter out, PrintWriter err) throws InterruptedException {
    Thread hook = new Thread(() -> {
      running.close();
      stop.countDown();
    }, "handbook-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.println("Serving " + content + " at " + running.url() + " (press Ctrl-C to stop).");
      if (!address.isLoopbackAddress()) {
        err.println("handbook: warning: listening on " + host + ", so other computers on the network can read the preview");
      }
      out.flush();
      started.countDown();
      stop.await();
    } finally {
      running.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Shutting down (Ctrl-C): the hook is running already.
      }
    }
  }
}
