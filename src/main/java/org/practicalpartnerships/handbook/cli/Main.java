package org.practicalpartnerships.handbook.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.DiagnosticPrinter;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.JsonDiagnostics;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.diagnostics.TerminalText;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.output.OutputException;
import org.practicalpartnerships.handbook.output.OutputSink;
import org.practicalpartnerships.handbook.output.OutputWriter;
import org.practicalpartnerships.handbook.output.RealPaths;
import org.practicalpartnerships.handbook.pipeline.BuildOutput;
import org.practicalpartnerships.handbook.pipeline.BuildRequest;
import org.practicalpartnerships.handbook.pipeline.Pipeline;
import org.practicalpartnerships.handbook.pipeline.Reuse;
import org.practicalpartnerships.handbook.pipeline.Stopwatch;
import org.practicalpartnerships.handbook.source.SourceLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The command line. {@link #run} takes the arguments, the working folder and the output streams
 * and returns the exit code, so tests call it directly; only {@link #main} exits the JVM.
 *
 * <p>Exit codes: 0 success, 1 errors in content or templates, 2 wrong usage.
 */
@Command(
    name = "handbook",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Builds an accessible HTML handbook from Markdown pages and FreeMarker templates.",
    subcommands = {Main.Build.class, Main.Check.class, ServeCommand.class, NewCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:errors in content or templates", "2:wrong usage", "3:another build is writing to the same output folder", "70:a bug in handbook itself"})
public final class Main implements Callable<Integer> {
  public static final int OK = 0;
  public static final int INPUT_ERRORS = 1;
  public static final int USAGE = 2;
  public static final int BUSY = 3;

  private final Path workingFolder;
  private final PrintWriter out;
  private final PrintWriter err;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Main(Path workingFolder, PrintWriter out, PrintWriter err) {
    this.workingFolder = workingFolder;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, Path.of(""), System.out, System.err));
  }

  /** Runs one command and returns its exit code. */
  public static int run(String[] args, Path workingFolder, PrintStream stdout, PrintStream stderr) {
    PrintWriter out = new PrintWriter(stdout, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(stderr, true, StandardCharsets.UTF_8);
    CommandLine cli = new CommandLine(new Main(workingFolder.toAbsolutePath(), out, err));
    cli.setOut(out).setErr(err);
    cli.setExitCodeExceptionMapper(e -> USAGE);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      err.println("handbook: internal error: " + TerminalText.visible(String.valueOf(e)));
      err.println("This is a bug in handbook, not in your files; please report it with the command you ran.");
      return 70;
    });
    int code;
    try {
      code = cli.execute(args);
    } catch (Error e) {
      // Errors (such as running out of memory) escape picocli's handler: report them in a line.
      err.println("handbook: internal error: " + TerminalText.visible(String.valueOf(e)));
      err.println("This is a bug in handbook, not in your files; please report it with the command you ran.");
      code = 70;
    }
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(err);
    return USAGE;
  }

  /** The folders a handbook is made from: shared by build, check and serve. */
  static class Folders {
    @Option(names = "--content", paramLabel = "DIR", description = "Folder of Markdown pages (default: ${DEFAULT-VALUE}).", defaultValue = "content")
    Path content;

    @Option(names = "--templates", paramLabel = "DIR", description = "Folder of FreeMarker templates and assets (default: ${DEFAULT-VALUE}).", defaultValue = "templates")
    Path templates;

    @Option(names = "--drafts", description = "Include pages marked 'draft: true'.")
    boolean drafts;
  }

  /** Options shared by build and check. */
  static class Inputs {
    @CommandLine.Mixin Folders folders = new Folders();

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Option(names = "--timings", description = "Print how long each stage of the build took.")
    boolean timings;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The day to take as today for warnings about pages past their review date (default: the clock's). It never changes what is built.")
    java.time.LocalDate today;
  }

  @Command(name = "build", mixinStandardHelpOptions = true, description = "Build the handbook into the output folder. A failed build leaves the previous output untouched.")
  static final class Build implements Callable<Integer> {
    @CommandLine.ParentCommand Main main;
    @CommandLine.Mixin Inputs inputs = new Inputs();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "site")
    Path out;

    @Override
    public Integer call() throws IOException {
      return main.runBuild(inputs, Optional.of(out));
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true, description = "Check content and templates as a build would, writing nothing.")
  static final class Check implements Callable<Integer> {
    @CommandLine.ParentCommand Main main;
    @CommandLine.Mixin Inputs inputs = new Inputs();

    @Option(names = "--format", paramLabel = "FORMAT", description = "How to report problems: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", defaultValue = "human")
    Format format;

    @Override
    public Integer call() throws IOException {
      main.format = format;
      return main.runBuild(inputs, Optional.empty());
    }
  }

  /** How diagnostics are reported: for people, or as JSON for editors' tools. */
  enum Format {
    human,
    json
  }

  private Format format = Format.human;

  private int runBuild(Inputs inputs, Optional<Path> outOption) throws IOException {
    long start = System.nanoTime();
    Path content = workingFolder.resolve(inputs.folders.content).normalize();
    Path templates = workingFolder.resolve(inputs.folders.templates).normalize();
    Optional<Path> out = outOption.map(o -> workingFolder.resolve(o).normalize());
    Optional<String> usage = usageProblem(content, templates, out);
    if (usage.isPresent()) {
      err.println("handbook: " + TerminalText.visible(usage.get()));
      return USAGE;
    }
    Optional<AutoCloseable> lock = Optional.empty();
    try {
      if (out.isPresent()) {
        lock = OutputWriter.lock(out.get());
        if (lock.isEmpty()) {
          err.println("handbook: another build is writing to '" + new SourceLoader(workingFolder).display(out.get()) + "' right now; wait for it to finish and try again");
          return BUSY;
        }
        OutputWriter.recover(out.get());
      }
      return buildLocked(inputs, content, templates, out, start);
    } catch (OutputException e) {
      // The output folder cannot be made or written: the user's to fix, not a bug.
      err.println("handbook: " + TerminalText.visible(e.getMessage()));
      return USAGE;
    } finally {
      if (lock.isPresent()) {
        try {
          lock.get().close();
        } catch (Exception e) {
          err.println("handbook: could not release the output lock: " + e.getMessage());
        }
      }
    }
  }

  private int buildLocked(Inputs inputs, Path content, Path templates, Optional<Path> out, long start) throws IOException {
    SourceLoader loader = new SourceLoader(workingFolder);
    Pipeline pipeline = new Pipeline(loader, new MarkdownEngine(), Version.number());
    Diagnostics diagnostics = new Diagnostics();
    BuildRequest request = new BuildRequest(content, templates, inputs.folders.drafts, false, Optional.ofNullable(inputs.today));
    java.util.function.Consumer<String> timings = inputs.timings ? err::println : stage -> {};
    // Pages stream into a staging folder as they are rendered; it replaces the output only when
    // the whole build succeeded, and is deleted otherwise.
    try (OutputWriter.Staging staging = out.isPresent() ? OutputWriter.stage(out.get()) : null) {
      Optional<BuildOutput> result = pipeline.build(request, diagnostics, Reuse.NOTHING, staging != null ? staging : OutputSink.DISCARD, timings);
      List<Diagnostic> all = diagnostics.sorted();
      long errors = diagnostics.count(Severity.ERROR);
      long warnings = diagnostics.count(Severity.WARNING);
      boolean failed = errors > 0 || (inputs.strict && warnings > 0) || result.isEmpty();
      if (format == Format.json) {
        out().print(JsonDiagnostics.toJson(all));
        out().flush();
        return failed ? INPUT_ERRORS : OK;
      }
      DiagnosticPrinter.print(all, err);
      String outName = out.map(loader::display).orElse("");
      if (failed) {
        String kept = out.isPresent() ? "; " + outName + " was left as it was" : "";
        err.println((out.isPresent() ? "build failed: " : "check failed: ") + DiagnosticPrinter.summary(errors, warnings) + kept);
        return INPUT_ERRORS;
      }
      BuildOutput output = result.get();
      if (staging != null) {
        Stopwatch clock = new Stopwatch(timings);
        staging.commit(output.copies());
        clock.lap("files copied; the output swapped in, the old one deleted");
        int copied = output.copies().size();
        out().printf("Built %d pages and copied %d %s into %s in %d ms (%s).%n",
            output.pageCount(), copied, copied == 1 ? "file" : "files", outName, (System.nanoTime() - start) / 1_000_000, DiagnosticPrinter.summary(errors, warnings));
      } else {
        out().printf("Checked %d pages: %s.%n", output.pageCount(), DiagnosticPrinter.summary(errors, warnings));
      }
      return OK;
    }
  }

  private PrintWriter out() {
    return out;
  }

  /** The folder relative paths are resolved against, for the subcommands in their own files. */
  Path workingFolder() {
    return workingFolder;
  }

  /**
   * What is wrong with the folders given, for a usage error; empty when they will do. Folders are
   * compared by their real paths (symbolic links followed, and for an output folder still to be
   * made, its nearest existing parent's), so no link can put the output over the sources.
   */
  static Optional<String> usageProblem(Path content, Path templates, Optional<Path> out) throws IOException {
    if (!Files.isDirectory(content)) {
      return Optional.of("no content folder at '" + content + "' (use --content DIR)");
    }
    if (!Files.isDirectory(templates)) {
      return Optional.of("no templates folder at '" + templates + "' (use --templates DIR)");
    }
    if (out.isEmpty()) {
      return Optional.empty();
    }
    Path o = out.get().toAbsolutePath();
    Path realOut;
    try {
      realOut = RealPaths.of(o);
    } catch (FileSystemLoopException e) {
      return Optional.of("the output '" + o + "' leads round a loop of symbolic links; remove the link or choose another --out");
    }
    Optional<String> overlap = overlap(o, realOut, "content", content).or(() -> overlap(o, realOut, "templates", templates));
    return overlap.isPresent() ? overlap : OutputWriter.refusal(o);
  }

  /** A usage error when the output and this source folder are the same, or one holds the other. */
  private static Optional<String> overlap(Path out, Path realOut, String role, Path folder) {
    Path realFolder;
    try {
      realFolder = folder.toRealPath();
    } catch (IOException e) {
      return Optional.empty();
    }
    if (!RealPaths.overlap(realOut, realFolder)) {
      return Optional.empty();
    }
    String really = realOut.equals(out) && realFolder.equals(folder.toAbsolutePath()) ? ""
        : " (following symbolic links, '" + realOut + "' and '" + realFolder + "')";
    return Optional.of("the output folder '" + out + "' must not contain, or be inside, the " + role + " folder '" + folder.toAbsolutePath() + "'"
        + really + "; a build replaces its output, so choose another --out");
  }

  /** The version Maven wrote into version.properties, the same from the jar and from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    static String number() {
      try (var in = Main.class.getResourceAsStream("/org/practicalpartnerships/handbook/version.properties")) {
        java.util.Properties p = new java.util.Properties();
        if (in != null) {
          p.load(in);
        }
        return p.getProperty("version", "dev");
      } catch (IOException e) {
        return "dev";
      }
    }

    @Override
    public String[] getVersion() {
      return new String[] {"handbook " + number()};
    }
  }
}
