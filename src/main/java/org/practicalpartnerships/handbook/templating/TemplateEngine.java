package org.practicalpartnerships.handbook.templating;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModelException;
import freemarker.core.Environment;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.Function;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.diagnostics.Suggestions;
import org.practicalpartnerships.handbook.source.TextDecoder;

/**
 * FreeMarker templates: a layout name and a data model in, an HTML page out. One {@link
 * Configuration} per build, shared by all threads (FreeMarker's configuration is thread-safe once
 * set up).
 *
 * <p>Templates are {@code .ftlh} files, so every {@code ${...}} is HTML-escaped. They are sandboxed:
 * {@code ?new} cannot create Java objects, {@code ?api} is off, and the data model holds only
 * strings, numbers, booleans, lists, maps and markup, so no Java object or static method is
 * reachable. Errors become diagnostics with the template's path, line and column.
 */
public final class TemplateEngine {
  /** Folder under the templates folder whose files are copied to the output as they are. */
  public static final String ASSETS = "assets";

  /**
   * A page's layout may not write more than this (32 Mi characters; the page's body is not
   * counted, it is spliced in after): a runaway loop in a template stops here.
   */
  static final long MAX_OUTPUT_CHARS = 32L * 1024 * 1024;

  /**
   * Nor may rendering one page allocate more than this (512 MiB, or an eighth of the heap when that
   * is less; garbage included; a layout normally needs well under 10 MiB): a value that doubles
   * without end stops here, before the heap runs out.
   */
  static final long MAX_ALLOCATED_BYTES = Math.min(512L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8);

  /** Nor may one page take longer than this to render. */
  static final long MAX_RENDER_NANOS = 30L * 1_000_000_000;

  private final Configuration configuration;
  private final long maxOutputChars;
  private final long maxRenderNanos;
  private final long maxAllocatedBytes;
  /** Layouts that ran away on some page: not rendered again in this build. */
  private final Set<String> runaway = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** The pages being rendered now, with their layouts. */
  private final Map<RenderWatch, String> rendering = new java.util.concurrent.ConcurrentHashMap<>();
  private final Path root;
  private final Function<Path, String> display;
  private final Map<String, SourceText> sources = new TreeMap<>();
  private final Set<String> unparsable = new java.util.HashSet<>();

  /**
   * @param root the templates folder
   * @param display turns a path into the form diagnostics show
   */
  public TemplateEngine(Path root, Function<Path, String> display) throws IOException {
    this(root, display, MAX_OUTPUT_CHARS, MAX_RENDER_NANOS, MAX_ALLOCATED_BYTES);
  }

  /** With other limits on a page's output and rendering time, for tests. */
  TemplateEngine(Path root, Function<Path, String> display, long maxOutputChars, long maxRenderNanos) throws IOException {
    this(root, display, maxOutputChars, maxRenderNanos, MAX_ALLOCATED_BYTES);
  }

  /** With other limits on a page's output, rendering time and memory, for tests. */
  TemplateEngine(Path root, Function<Path, String> display, long maxOutputChars, long maxRenderNanos, long maxAllocatedBytes) throws IOException {
    this.maxOutputChars = maxOutputChars;
    this.maxRenderNanos = maxRenderNanos;
    this.maxAllocatedBytes = maxAllocatedBytes;
    this.root = root.toAbsolutePath().normalize();
    this.display = display;
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setTemplateLoader(new InsideLoader(this.root.toFile()));
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setLocale(Locale.UK);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setNumberFormat("computer");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setAttemptExceptionReporter((e, env) -> {});
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
    cfg.setLocalizedLookup(false);
    this.configuration = cfg;
  }

  /**
   * FreeMarker's file loader, which refuses a template whose real path is outside the templates
   * folder with a SecurityException; here such a template is simply not found, so an include of
   * it is an error at the include (the link itself is reported when the templates are loaded).
   */
  private static final class InsideLoader extends FileTemplateLoader {
    InsideLoader(java.io.File root) throws IOException {
      super(root);
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
      try {
        return super.findTemplateSource(name);
      } catch (SecurityException e) {
        return null;
      }
    }
  }

  /** The layouts: template names at the top of the templates folder, without ".ftlh". */
  public Set<String> layouts() {
    Set<String> names = new java.util.TreeSet<>();
    for (String name : sources.keySet()) {
      if (!name.contains("/")) {
        names.add(name.substring(0, name.length() - ".ftlh".length()));
      }
    }
    return names;
  }

  /**
   * Reads and parses every template, so a syntax error is reported even in an unused one. A
   * symbolic link that leads out of the templates folder (or nowhere) is an error at the link, and
   * so is a template nested deeper than {@link TemplateDepth#MAX_DEPTH}.
   */
  public void load(Diagnostics diagnostics) throws IOException {
    load(diagnostics, Set.of());
  }

  /**
   * Reads and parses every template.
   *
   * @param otherFiles files at the top of the templates folder that other parts of the build read
   *     (such as the PDF's stylesheet), which are not reported as unused
   */
  public void load(Diagnostics diagnostics, Set<String> otherFiles) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    Path realRoot = root.toRealPath();
    for (Path file : files(realRoot, diagnostics)) {
      String name = realRoot.relativize(file).toString().replace('\\', '/');
      Path shown = root.resolve(name);
      if (name.startsWith(ASSETS + "/") || Files.isDirectory(file) || otherFiles.contains(name)) {
        continue;
      }
      if (!name.endsWith(".ftlh")) {
        if (!file.getFileName().toString().startsWith(".")) {
          diagnostics.add(Diagnostic.ofFile(display.apply(shown), Severity.WARNING, "not a template (.ftlh) and not under " + ASSETS + "/, so it is not used"));
        }
        continue;
      }
      TextDecoder.Result decoded = TextDecoder.decode(display.apply(shown), Files.readAllBytes(file));
      if (decoded instanceof TextDecoder.Invalid invalid) {
        diagnostics.add(invalid.diagnostic());
        continue;
      }
      SourceText source = ((TextDecoder.Decoded) decoded).text();
      sources.put(name, source);
      parse(name, source, diagnostics);
    }
  }

  /**
   * The templates folder's files and folders, sorted; symbolic links that lead out of it, or
   * nowhere, are reported instead (links inside it are followed as FreeMarker follows them).
   */
  private List<Path> files(Path realRoot, Diagnostics diagnostics) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(realRoot, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return dir.equals(realRoot.resolve(ASSETS)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        Path shown = root.resolve(realRoot.relativize(file).toString());
        if (!attrs.isSymbolicLink()) {
          files.add(file);
          return FileVisitResult.CONTINUE;
        }
        try {
          if (file.toRealPath().startsWith(realRoot)) {
            files.add(file);
          } else {
            diagnostics.add(Diagnostic.ofFile(display.apply(shown), Severity.ERROR,
                "this symbolic link leads outside the templates folder; copy what it points to into the templates folder instead"));
          }
        } catch (IOException e) {
          diagnostics.add(Diagnostic.ofFile(display.apply(shown), Severity.ERROR, "this symbolic link leads nowhere (or round a loop); remove it or point it at a file in the templates folder"));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        diagnostics.add(Diagnostic.ofFile(display.apply(root.resolve(realRoot.relativize(file).toString())), Severity.ERROR, "cannot read: " + e.getMessage()));
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(Comparator.naturalOrder());
    return files;
  }

  /** Parses one template, after checking that it does not nest too deeply for the parser. */
  private void parse(String name, SourceText source, Diagnostics diagnostics) throws IOException {
    TemplateDepth.Deepest deepest = TemplateDepth.of(source.text());
    if (deepest.depth() > TemplateDepth.MAX_DEPTH) {
      unparsable.add(name);
      diagnostics.add(at(name, deepest.line(), deepest.column(), "the template nests more than " + TemplateDepth.MAX_DEPTH
          + " levels deep here (directives, macro calls with a body and brackets inside each other); flatten it, or move parts into macros"));
      return;
    }
    try {
      // Loops check the thread's interrupt flag, so the watchdog in render can stop a template
      // that never finishes even when it writes nothing.
      freemarker.core._CoreAPI.addThreadInterruptedChecks(configuration.getTemplate(name));
    } catch (ParseException e) {
      unparsable.add(name);
      diagnostics.add(at(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber(), firstLine(e.getEditorMessage())));
    } catch (StackOverflowError e) {
      unparsable.add(name);
      diagnostics.add(at(name, deepest.line(), deepest.column(), "the template nests too deeply to be read (here it is " + deepest.depth()
          + " levels deep); flatten it, or move parts into macros"));
    } catch (IOException e) {
      unparsable.add(name);
      diagnostics.add(Diagnostic.ofFile(display.apply(root.resolve(name)), Severity.ERROR, "cannot read this template: " + e.getMessage()));
    }
  }

  /** Every template's name and text: equal fingerprints mean the templates render the same. */
  public String fingerprint() {
    StringBuilder sb = new StringBuilder();
    sources.forEach((name, text) -> sb.append(name).append('\0').append(text.text()).append('\0'));
    return sb.toString();
  }

  /** True when {@code layout} names a template that loaded. */
  public boolean hasLayout(String layout) {
    return sources.containsKey(layout + ".ftlh");
  }

  /** "; did you mean 'x'?" for an unknown layout. */
  public String suggestLayout(String layout) {
    return Suggestions.didYouMean(layout, layouts());
  }

  /**
   * Renders a page. A page whose rendering runs past its time, its output size or its memory is
   * stopped and reported where the template was; other pages with the same layout are then not
   * rendered (their error would be the same), and those rendering at that moment are stopped.
   *
   * @return the HTML, or empty when the template failed (the failure is reported)
   */
  public Optional<String> render(String layout, Map<String, Object> model, Diagnostics diagnostics) {
    if (unparsable.contains(layout + ".ftlh") || runaway.contains(layout)) {
      return Optional.empty(); // reported when the templates were loaded, or by the page that ran away
    }
    RenderWatch watch = new RenderWatch(maxRenderNanos, maxAllocatedBytes);
    rendering.put(watch, layout);
    try {
      Template template = configuration.getTemplate(layout + ".ftlh");
      BoundedWriter out = new BoundedWriter(maxOutputChars, maxRenderNanos);
      Environment env = template.createProcessingEnvironment(model, out);
      watch.watch(env);
      env.process();
      return Optional.of(out.toString());
    } catch (StackOverflowError e) {
      diagnostics.add(stopped(layout, Optional.empty(), "the template never finished: a macro, function or include calls itself without end"));
    } catch (OutOfMemoryError e) {
      ranAway(layout);
      diagnostics.add(stopped(layout, watch.lastKnownLocation(), "the template did not finish rendering a page: it needed more memory than there is; look for a value that grows without end"));
    } catch (BoundedWriter.RunawayException e) {
      ranAway(layout);
      diagnostics.add(stopped(layout, e.location(), "the template did not finish rendering a page: " + e.getMessage() + "; look for a loop that never ends"));
    } catch (RuntimeException | TemplateException e) {
      Optional<RenderWatch.Reason> reason = watch.reason();
      if (reason.isPresent()) {
        stoppedBy(reason.get(), layout, watch.location()).ifPresent(diagnostics::add);
      } else if (e instanceof TemplateException t) {
        diagnostics.add(at(t.getTemplateSourceName(), lineOf(t), columnOf(t), describe(t)));
      } else {
        throw (RuntimeException) e;
      }
    } catch (IOException e) {
      diagnostics.add(Diagnostic.ofFile(display.apply(root.resolve(layout + ".ftlh")), Severity.ERROR, "cannot read the template: " + e.getMessage()));
    } finally {
      rendering.remove(watch);
      watch.close();
    }
    return Optional.empty();
  }

  /** The diagnostic for a page the watch stopped; none when it stopped because another page ran away. */
  private Optional<Diagnostic> stoppedBy(RenderWatch.Reason reason, String layout, Optional<RenderWatch.Location> where) {
    return switch (reason) {
      case SIBLING -> Optional.empty();
      case TIME -> {
        ranAway(layout);
        yield Optional.of(stopped(layout, where, "the template did not finish rendering a page: it ran for longer than the time allowed for one page; look for a loop that never ends"));
      }
      case MEMORY -> {
        ranAway(layout);
        yield Optional.of(stopped(layout, where, "the template did not finish rendering a page: it used more than " + maxAllocatedBytes / (1024 * 1024)
            + " MiB of memory; look for a value that grows without end"));
      }
    };
  }

  /** Remembers that a layout ran away, and stops the pages being rendered with it now. */
  private void ranAway(String layout) {
    runaway.add(layout);
    rendering.forEach((watch, name) -> {
      if (name.equals(layout)) {
        watch.stopAsSibling();
      }
    });
  }

  /** A diagnostic at the place the template was stopped, or at the layout when that is unknown. */
  private Diagnostic stopped(String layout, Optional<RenderWatch.Location> where, String message) {
    if (where.isPresent() && where.get().template() != null && where.get().line() > 0) {
      return at(where.get().template(), where.get().line(), where.get().column(), message);
    }
    return Diagnostic.ofFile(display.apply(root.resolve(layout + ".ftlh")), Severity.ERROR, message);
  }

  private static int lineOf(TemplateException e) {
    return e.getLineNumber() == null ? 0 : e.getLineNumber();
  }

  private static int columnOf(TemplateException e) {
    return e.getColumnNumber() == null ? 0 : e.getColumnNumber();
  }

  private static String describe(TemplateException e) {
    String message = e.getMessageWithoutStackTop();
    if (e instanceof TemplateModelException && e.getCause() != null && message == null) {
      message = e.getCause().getMessage();
    }
    String text = firstLine(message == null ? e.getClass().getSimpleName() : message);
    var missing = java.util.regex.Pattern.compile("The following has evaluated to null or missing: ==> (\\S+)").matcher(text);
    if (missing.find()) {
      String name = missing.group(1);
      return "'" + name + "' is missing or null; give a default with ${" + name + "!\"\"} or test it with <#if " + name + "??>";
    }
    return text;
  }

  private static String firstLine(String message) {
    String text = message == null ? "template error" : message.strip();
    // FreeMarker's messages run over several lines of hints; the first sentence says what is wrong.
    int cut = text.indexOf("\n----");
    text = cut >= 0 ? text.substring(0, cut) : text;
    text = text.replace("\n", " ").replaceAll("\\s+", " ").replaceAll(" ?\\[in template \"[^\"]*\" at line \\d+, column \\d+\\]", "").strip();
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private Diagnostic at(String templateName, int line, int column, String message) {
    String name = templateName == null ? "?" : templateName;
    SourceText source = sources.get(name);
    String shown = source != null ? source.displayPath() : display.apply(root.resolve(name));
    String sourceLine = source == null ? "" : source.line(line);
    return new Diagnostic(shown, line, column, Severity.ERROR, message, sourceLine);
  }
}
