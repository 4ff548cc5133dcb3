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
import java.io.IOException;
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
import java.util.stream.Stream;
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

  /** A page's output may not pass this: a runaway loop in a template stops here. */
  static final long MAX_OUTPUT_CHARS = 256L * 1024 * 1024;

  /** Nor may one page take longer than this to render. */
  static final long MAX_RENDER_NANOS = 30L * 1_000_000_000;

  private final Configuration configuration;
  private final long maxOutputChars;
  /**
   * Interrupts a page's rendering that runs past its time. One daemon thread for the whole JVM,
   * shared by every engine: {@code serve} makes an engine per rebuild, and a thread per engine
   * would pile up.
   */
  private static final java.util.concurrent.ScheduledExecutorService WATCHDOG = watchdog();
  private final long maxRenderNanos;
  private final Path root;
  private final Function<Path, String> display;
  private final Map<String, SourceText> sources = new TreeMap<>();
  private final Set<String> unparsable = new java.util.HashSet<>();

  /**
   * @param root the templates folder
   * @param display turns a path into the form diagnostics show
   */
  public TemplateEngine(Path root, Function<Path, String> display) throws IOException {
    this(root, display, MAX_OUTPUT_CHARS, MAX_RENDER_NANOS);
  }

  /** With other limits on a page's output and rendering time, for tests. */
  TemplateEngine(Path root, Function<Path, String> display, long maxOutputChars, long maxRenderNanos) throws IOException {
    this.maxOutputChars = maxOutputChars;
    this.maxRenderNanos = maxRenderNanos;
    this.root = root.toAbsolutePath().normalize();
    this.display = display;
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setTemplateLoader(new FileTemplateLoader(this.root.toFile()));
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

  /** Reads and parses every template, so a syntax error is reported even in an unused one. */
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
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted().toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (name.startsWith(ASSETS + "/") || !Files.isRegularFile(file) || otherFiles.contains(name)) {
          continue;
        }
        if (!name.endsWith(".ftlh")) {
          if (!file.getFileName().toString().startsWith(".")) {
            diagnostics.add(Diagnostic.ofFile(display.apply(file), Severity.WARNING, "not a template (.ftlh) and not under " + ASSETS + "/, so it is not used"));
          }
          continue;
        }
        TextDecoder.Result decoded = TextDecoder.decode(display.apply(file), Files.readAllBytes(file));
        if (decoded instanceof TextDecoder.Invalid invalid) {
          diagnostics.add(invalid.diagnostic());
          continue;
        }
        sources.put(name, ((TextDecoder.Decoded) decoded).text());
        try {
          // Loops check the thread's interrupt flag, so the watchdog in render can stop a template
          // that never finishes even when it writes nothing.
          freemarker.core._CoreAPI.addThreadInterruptedChecks(configuration.getTemplate(name));
        } catch (ParseException e) {
          unparsable.add(name);
          diagnostics.add(at(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber(), firstLine(e.getEditorMessage())));
        }
      }
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
   * Renders a page.
   *
   * @return the HTML, or empty when the template failed (the failure is reported)
   */
  public Optional<String> render(String layout, Map<String, Object> model, Diagnostics diagnostics) {
    if (unparsable.contains(layout + ".ftlh")) {
      return Optional.empty(); // its syntax error was reported when the templates were loaded
    }
    java.util.concurrent.atomic.AtomicBoolean alarmed = new java.util.concurrent.atomic.AtomicBoolean();
    Thread renderer = Thread.currentThread();
    java.util.concurrent.ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
      alarmed.set(true);
      renderer.interrupt();
    }, maxRenderNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    try {
      Template template = configuration.getTemplate(layout + ".ftlh");
      BoundedWriter out = new BoundedWriter(maxOutputChars, maxRenderNanos);
      template.process(model, out);
      return Optional.of(out.toString());
    } catch (StackOverflowError e) {
      diagnostics.add(Diagnostic.ofFile(display.apply(root.resolve(layout + ".ftlh")), Severity.ERROR,
          "the template never finished: a macro, function or include calls itself without end"));
    } catch (RuntimeException e) {
      if (!alarmed.get()) {
        throw e;
      }
      diagnostics.add(Diagnostic.ofFile(display.apply(root.resolve(layout + ".ftlh")), Severity.ERROR,
          "the template did not finish rendering a page: it ran for longer than the time allowed for one page; look for a loop that never ends"));
    } catch (BoundedWriter.RunawayException e) {
      diagnostics.add(Diagnostic.ofFile(display.apply(root.resolve(layout + ".ftlh")), Severity.ERROR,
          "the template did not finish rendering a page: " + e.getMessage() + "; look for a loop that never ends"));
    } catch (ParseException e) {
      diagnostics.add(at(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber(), firstLine(e.getEditorMessage())));
    } catch (TemplateException e) {
      if (alarmed.get()) {
        diagnostics.add(Diagnostic.ofFile(display.apply(root.resolve(layout + ".ftlh")), Severity.ERROR,
            "the template did not finish rendering a page: it ran for longer than the time allowed for one page; look for a loop that never ends"));
        return Optional.empty();
      }
      diagnostics.add(at(e.getTemplateSourceName(), lineOf(e), columnOf(e), describe(e)));
    } catch (IOException e) {
      diagnostics.add(Diagnostic.ofFile(display.apply(root.resolve(layout + ".ftlh")), Severity.ERROR, "cannot read the template: " + e.getMessage()));
    } finally {
      alarm.cancel(false);
      Thread.interrupted(); // a late alarm must not leak into the next page on this thread
    }
    return Optional.empty();
  }

  private static java.util.concurrent.ScheduledExecutorService watchdog() {
    java.util.concurrent.ScheduledThreadPoolExecutor executor = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "handbook-template-watchdog");
      t.setDaemon(true);
      return t;
    });
    // Alarms are cancelled as soon as a page is done: drop them at once, not after 30 s.
    executor.setRemoveOnCancelPolicy(true);
    return executor;
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
