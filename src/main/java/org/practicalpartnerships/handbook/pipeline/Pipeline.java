package org.practicalpartnerships.handbook.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.lint.Lint;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageKind;
import org.practicalpartnerships.handbook.output.OnceSink;
import org.practicalpartnerships.handbook.output.OutputSink;
import org.practicalpartnerships.handbook.outputs.ContentPages;
import org.practicalpartnerships.handbook.outputs.Output;
import org.practicalpartnerships.handbook.outputs.OutputFile;
import org.practicalpartnerships.handbook.outputs.Outputs;
import org.practicalpartnerships.handbook.outputs.SiteView;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.PageContext;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.ProcessedPage;
import org.practicalpartnerships.handbook.source.SourceLoader;
import org.practicalpartnerships.handbook.templating.PageModel;

/**
 * The whole build as one call: a {@link BuildRequest} in, the site's files out to an {@link
 * OutputSink} and a {@link BuildOutput} (or none, when there were errors), with every problem added
 * to the diagnostics. Nothing here touches the output folder: the sink the caller passes does.
 *
 * <pre>
 * load inputs → front matter → pages from data files → process pages
 *   → assemble the site → check it → pages and files from the site → render and write
 * </pre>
 *
 * Per-page stages run in parallel; results keep the sorted source order, so the output is the same
 * bytes on every run. The engines (Markdown, post-processing) are built once and passed in.
 */
public final class Pipeline {
  private final SourceLoader loader;
  private final String version;
  private final List<Output> outputs;
  private final PageProcessor processor;
  private final Assembly assembly;

  public Pipeline(SourceLoader loader, MarkdownEngine markdown, String version) {
    this(loader, markdown, version, Outputs.ALL);
  }

  /** A pipeline that makes {@code outputs} instead of {@link Outputs#ALL}: for an output's tests. */
  public Pipeline(SourceLoader loader, MarkdownEngine markdown, String version, List<Output> outputs) {
    this.loader = loader;
    this.version = version;
    this.outputs = List.copyOf(outputs);
    this.processor = new PageProcessor(markdown);
    this.assembly = new Assembly(processor, markdown, outputs, loader);
  }

  /** The processor of written pages, for {@code serve}'s page-by-page updates. */
  public PageProcessor processor() {
    return processor;
  }

  /**
   * Builds, reusing from {@code reuse} whatever earlier builds made from the same inputs. The
   * bytes are the same whatever is reused.
   *
   * @param sink receives every file the build makes; when the build fails, what it received is
   *     to be thrown away (nothing is sent once errors are known, but a template can fail late)
   * @param timings receives one line per stage, "stage: N ms", for {@code --timings}
   */
  public Optional<BuildOutput> build(BuildRequest request, Diagnostics diagnostics, Reuse reuse, OutputSink sink, Consumer<String> timings) throws IOException {
    Stopwatch clock = new Stopwatch(timings);
    Inputs inputs = Inputs.load(request, loader, assembly.markdown(), outputs, diagnostics);
    Assembly.Fronts fronts = assembly.fronts(inputs, reuse, diagnostics);
    clock.lap("inputs and front matter");
    ContentPages made = assembly.contentPages(inputs, fronts, diagnostics);
    PageContext context = assembly.context(inputs, fronts, made);
    List<ProcessedPage> processed = assembly.process(inputs, fronts, context, reuse, diagnostics);
    clock.lap("pages from data files; Markdown, HTML, glossary links, search text, print sections");
    Assembly.Copies copied = assembly.copies(inputs, diagnostics);
    Map<String, Path> copies = copied.all();
    SiteView site = assembly.site(inputs, processed, made, context, copies);
    Set<String> reachable = Assembly.reachable(site, diagnostics);
    diagnostics.addAll(Lint.siteWarnings(site.pages(), request.date()));
    List<Page> pages = assembly.allPages(site);
    outputs.forEach(output -> diagnostics.addAll(output.problems(site)));
    clock.lap("navigation and pages made from the site");
    Diagnostics fileWarnings = new Diagnostics();
    Map<String, PageModel.Download> deferred = new HashMap<>();
    List<OutputFile> files = files(site, pages, fileWarnings, reuse, deferred);
    Map<String, PageModel.Download> downloads = downloads(files, deferred);
    Addresses.check(pages, paths(files, deferred), inputs.sources().assets(), copied.fromTemplates(), loader::display, diagnostics);
    SiteChecks.Result checked = SiteChecks.run(pages, copies.keySet(), fronts.drafts(), broken(fronts, processed, made), made.links(), inputs.templates(), diagnostics);
    SiteChecks.unusedTerms(site.terms(), usedTerms(processed), glossaryPage(pages), diagnostics);
    diagnostics.addAll(fileWarnings.sorted());
    clock.lap("checks, link graph and files");
    Renderer.Rendering rendering = rendering(inputs, site, made, pages, checked, downloads);
    write(pages, rendering, files, copies.keySet(), reuse, diagnostics, sink);
    clock.lap("templates and output");
    if (diagnostics.hasErrors()) {
      reuse.finished(Optional.empty());
      return Optional.empty();
    }
    BuildOutput output = new BuildOutput(new java.util.TreeMap<>(copies), pages.size());
    reuse.finished(Optional.of(new BuildState(request, context, inputs.glossaryKey(), site, rendering, checked.checker(), reachable,
        sourcePaths(inputs), bySource(processed), fileWarnings.sorted(), diagnostics.sorted(), output)));
    return Optional.of(output);
  }

  /** The last defence's report: a file the checks let through at an address that had one ({@link OnceSink}). */
  private static void writtenTwice(OutputSink.AlreadyWritten e, Diagnostics diagnostics) {
    diagnostics.add(org.practicalpartnerships.handbook.diagnostics.Diagnostic.ofFile(e.path(), org.practicalpartnerships.handbook.diagnostics.Severity.ERROR,
        "two files would be published at this address and one would replace the other; nothing was written. This is a bug in Handbook's checks: please report it"));
  }

  /**
   * Every output's files, made from every page; a slow output's only if {@code reuse} does not
   * put them off, in which case the files it plans go to {@code deferred}, with no facts yet.
   */
  List<OutputFile> files(SiteView site, List<Page> pages, Diagnostics diagnostics, Reuse reuse, Map<String, PageModel.Download> deferred) {
    List<OutputFile> files = new ArrayList<>();
    for (Output output : outputs) {
      if (!output.slow()) {
        files.addAll(output.files(site, pages, diagnostics));
        continue;
      }
      Optional<List<OutputFile>> made = reuse.slowFiles(() -> output.files(site, pages, diagnostics));
      if (made.isPresent()) {
        files.addAll(made.get());
      } else {
        output.plannedFiles(site, pages).forEach(path -> deferred.put(path, PageModel.Download.LATER));
      }
    }
    return files;
  }

  private Renderer.Rendering rendering(Inputs inputs, SiteView site, ContentPages made, List<Page> pages, SiteChecks.Result checked,
      Map<String, PageModel.Download> downloads) {
    Map<String, Page> byPath = new HashMap<>();
    pages.forEach(page -> byPath.put(page.outputPath(), page));
    Map<String, String> links = new HashMap<>(Outputs.templateLinks(outputs));
    PageModel.Context context = new PageModel.Context(inputs.settings(), version, site.navigation(), byPath.keySet(), links,
        Outputs.scripts(outputs), Outputs.styles(outputs), made.outcomes(), made.pointers(), made.steps(), site.servedRoot(), downloads);
    return new Renderer.Rendering(inputs.templates(), inputs.templates().fingerprint(), context, checked.backlinks(), byPath);
  }

  /** The addresses of the files, and of those a slow output will make later. */
  private static List<String> paths(List<OutputFile> files, Map<String, PageModel.Download> deferred) {
    List<String> paths = new ArrayList<>(deferred.keySet());
    files.forEach(file -> paths.add(file.path()));
    return paths;
  }

  /**
   * The documents among the files, which pages that link to them describe, and those a slow
   * output will make later ({@code deferred}), with no facts yet.
   */
  private static Map<String, PageModel.Download> downloads(List<OutputFile> files, Map<String, PageModel.Download> deferred) {
    Map<String, PageModel.Download> downloads = new HashMap<>(deferred);
    files.stream().filter(f -> f.pages() > 0).forEach(f -> downloads.put(f.path(), new PageModel.Download(f.pages(), f.size())));
    return downloads;
  }

  /**
   * Renders every page and writes it and every output file to {@code sink}, unless errors are
   * known: then nothing is written, but templates still run to report their own. Every file passes
   * a {@link OnceSink}: the checks keep two files from one address, and should one slip through,
   * it fails the build instead of replacing the other.
   */
  private static void write(List<Page> pages, Renderer.Rendering rendering, List<OutputFile> files, Set<String> copies, Reuse reuse,
      Diagnostics diagnostics, OutputSink sink) throws IOException {
    boolean writing = !diagnostics.hasErrors();
    OnceSink once = new OnceSink(sink);
    OutputSink out = writing ? once : OutputSink.DISCARD;
    try {
      Renderer.writeAll(pages, rendering, reuse, diagnostics, out);
      for (OutputFile file : files) {
        out.write(file.path(), file.chunks());
      }
      if (writing) {
        Optional<String> twice = copies.stream().filter(once::wasWritten).findFirst();
        if (twice.isPresent()) {
          throw new OutputSink.AlreadyWritten(twice.get());
        }
      }
    } catch (OutputSink.AlreadyWritten e) {
      writtenTwice(e, diagnostics);
    }
  }

  /**
   * Pages that exist but could not be read or rendered, and what outputs could not make from
   * their data files: their own errors say why, so links to them are not reported too.
   */
  private static Set<String> broken(Assembly.Fronts fronts, List<ProcessedPage> processed, ContentPages made) {
    Set<String> broken = new HashSet<>(fronts.broken());
    broken.addAll(made.broken());
    processed.stream().filter(p -> p.page().isEmpty()).forEach(p -> broken.add(p.outputPath()));
    return broken;
  }

  private static Set<String> usedTerms(List<ProcessedPage> processed) {
    Set<String> used = new HashSet<>();
    processed.forEach(p -> used.addAll(p.usedTerms()));
    return used;
  }

  private static Page glossaryPage(List<Page> pages) {
    return pages.stream().filter(p -> p.kind() == PageKind.GLOSSARY).findFirst().orElse(null);
  }

  private static Set<String> sourcePaths(Inputs inputs) {
    Set<String> paths = new HashSet<>();
    inputs.sources().pages().forEach(file -> paths.add(file.relativePath()));
    return paths;
  }

  private static Map<String, ProcessedPage> bySource(List<ProcessedPage> processed) {
    Map<String, ProcessedPage> bySource = new HashMap<>();
    processed.forEach(result -> result.page().ifPresent(page -> bySource.put(page.sourcePath(), result)));
    return bySource;
  }
}
