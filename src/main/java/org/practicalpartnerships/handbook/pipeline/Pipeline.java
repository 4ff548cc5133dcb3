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
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.lint.Lint;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageKind;
import org.practicalpartnerships.handbook.navigation.SiteNavigation;
import org.practicalpartnerships.handbook.output.OnceSink;
import org.practicalpartnerships.handbook.output.OutputSink;
import org.practicalpartnerships.handbook.outputs.ContentPages;
import org.practicalpartnerships.handbook.outputs.Output;
import org.practicalpartnerships.handbook.outputs.OutputFile;
import org.practicalpartnerships.handbook.outputs.Outputs;
import org.practicalpartnerships.handbook.outputs.SiteView;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.PageContext;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.ProcessedPage;
import org.practicalpartnerships.handbook.source.ContentFile;
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
    // Outputs making pages from data files see what was reported before (a broken site.yml, say).
    List<Diagnostic> before = diagnostics.sorted();
    ContentPages made = assembly.contentPages(inputs, fronts.titles(), diagnostics);
    List<Diagnostic> madeDiagnostics = added(before, diagnostics.sorted());
    PageContext context = assembly.context(inputs, fronts, made);
    List<ProcessedPage> processed = assembly.process(inputs, fronts, context, reuse, diagnostics);
    clock.lap("pages from data files; Markdown, HTML, glossary links, search text, print sections");
    Assembly.Copies copied = assembly.copies(inputs, diagnostics);
    Map<String, Path> copies = copied.all();
    SiteView site = assembly.site(inputs, processed, made, context, copies);
    Set<String> reachable = Assembly.reachable(site, diagnostics);
    List<Diagnostic> siteWarnings = siteWarnings(site, request);
    diagnostics.addAll(siteWarnings);
    List<Page> pages = assembly.allPages(site);
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
        sourcePaths(inputs), bySource(processed), fileWarnings.sorted(), diagnostics.sorted(), output,
        new BuildState.Assembled(inputs, made, madeDiagnostics, fronts.titles(), siteWarnings))));
    return Optional.of(output);
  }

  /** What {@code after} holds beyond {@code before}: each diagnostic as many more times as it was added. */
  private static List<Diagnostic> added(List<Diagnostic> before, List<Diagnostic> after) {
    Map<Diagnostic, Integer> earlier = new HashMap<>();
    before.forEach(d -> earlier.merge(d, 1, Integer::sum));
    List<Diagnostic> added = new ArrayList<>();
    for (Diagnostic d : after) {
      if (earlier.merge(d, -1, Integer::sum) < 0) {
        added.add(d);
      }
    }
    return added;
  }

  /** What rests on every page's front matter: tag and review warnings, and outputs' problems with the site. */
  private List<Diagnostic> siteWarnings(SiteView site, BuildRequest request) {
    Diagnostics found = new Diagnostics();
    found.addAll(Lint.siteWarnings(site.pages(), request.date()));
    outputs.forEach(output -> found.addAll(output.problems(site)));
    return found.sorted();
  }

  /**
   * The site again after written pages changed only what other pages show of them (their
   * titles, descriptions, order, tags or upkeep), with the bytes a full build would make:
   * navigation, the pages made from data files and from the site, and the files are made again,
   * and of the written pages only those that show a changed one are rendered again ({@link
   * #showing}). The changed pages were redone by the caller ({@code redone}), with unchanged ids,
   * links and glossary terms, so the link checks and backlinks of {@code last} still hold.
   *
   * @param redone the changed pages processed again, by source path
   * @param retitled the site paths of the pages whose front matter changed
   * @param kept the diagnostics of {@code last} that still hold: all but those of the redone
   *     pages, of the files and of the site's front matter
   * @return the new state; empty when the change reaches further (the pages made from data
   *     files link elsewhere, addresses change, or the site's front matter gains an error), and
   *     nothing was written: build in full
   */
  public Optional<BuildState> reshow(BuildState last, Map<String, ProcessedPage> redone, Set<String> retitled, List<Diagnostic> kept,
      Reuse reuse, Diagnostics diagnostics, OutputSink sink) throws IOException {
    BuildState.Assembled was = last.assembled();
    Inputs inputs = was.inputs();
    Map<String, String> titles = new java.util.TreeMap<>(was.titles());
    Map<String, ProcessedPage> processed = new HashMap<>(last.processed());
    for (Map.Entry<String, ProcessedPage> entry : redone.entrySet()) {
      Page page = entry.getValue().page().orElseThrow();
      titles.put(page.outputPath(), page.title());
      processed.put(entry.getKey(), entry.getValue());
    }
    Diagnostics madeDiagnostics = new Diagnostics();
    ContentPages made = assembly.contentPages(inputs, titles, madeDiagnostics);
    if (!sameShape(made, was.made()) || !madeDiagnostics.sorted().equals(was.madeDiagnostics())) {
      return Optional.empty();
    }
    List<ProcessedPage> inOrder = new ArrayList<>();
    for (ContentFile file : inputs.sources().pages()) {
      ProcessedPage page = processed.get(file.relativePath());
      if (page != null) {
        inOrder.add(page);
      }
    }
    SiteView site = assembly.site(inputs, inOrder, made, last.context(), last.site().copies());
    List<Diagnostic> siteWarnings = siteWarnings(site, inputs.request());
    List<Page> pages = assembly.allPages(site);
    Renderer.Rendering before = last.rendering();
    if (siteWarnings.stream().anyMatch(Diagnostic::isError) || !samePaths(pages, before.byPath().keySet())) {
      return Optional.empty();
    }
    Diagnostics fileWarnings = new Diagnostics();
    Map<String, PageModel.Download> deferred = new HashMap<>();
    List<OutputFile> files = files(site, pages, fileWarnings, reuse, deferred);
    Renderer.Rendering rendering = rendering(inputs, site, made, pages, new SiteChecks.Result(last.checker(), before.backlinks()), downloads(files, deferred));
    Set<String> redonePaths = new HashSet<>();
    redone.values().forEach(p -> redonePaths.add(p.outputPath()));
    List<Page> shown = showing(pages, redonePaths, retitled, last.site().navigation(), site.navigation(), before.backlinks());
    Diagnostics rendered = new Diagnostics();
    Map<String, List<byte[]>> bytes = new java.util.concurrent.ConcurrentHashMap<>();
    Renderer.writeAll(shown, rendering, reuse, rendered, (path, chunks) -> bytes.put(path, chunks));
    if (rendered.hasErrors() || bytes.size() != shown.size()) {
      return Optional.empty(); // a template failed on the new data: the full build reports it
    }
    for (Map.Entry<String, List<byte[]>> page : new java.util.TreeMap<>(bytes).entrySet()) {
      sink.write(page.getKey(), page.getValue());
    }
    for (OutputFile file : files) {
      sink.write(file.path(), file.chunks());
    }
    diagnostics.addAll(kept);
    diagnostics.addAll(siteWarnings);
    diagnostics.addAll(fileWarnings.sorted());
    diagnostics.addAll(rendered.sorted());
    return Optional.of(last.updated(site, rendering, processed, fileWarnings.sorted(), diagnostics.sorted(),
        new BuildState.Assembled(inputs, made, was.madeDiagnostics(), titles, siteWarnings)));
  }

  /**
   * The pages to render again after the {@code retitled} pages' front matter changed: the redone
   * pages; every page that is not a written page; the pages whose navigation names a changed one,
   * before or after ({@link SiteNavigation#mentions}); every page whose page before or after is
   * another than it was (a section moved among its siblings moves all its pages); and the pages a
   * changed one links to, which list it as a backlink.
   */
  private static List<Page> showing(List<Page> pages, Set<String> redone, Set<String> retitled, SiteNavigation old, SiteNavigation now,
      Map<String, Set<String>> backlinks) {
    Set<String> linkedFrom = new HashSet<>();
    backlinks.forEach((target, sources) -> {
      if (sources.stream().anyMatch(retitled::contains)) {
        linkedFrom.add(target);
      }
    });
    return pages.stream().filter(page -> {
      String path = page.outputPath();
      return page.kind() != PageKind.WRITTEN || redone.contains(path) || linkedFrom.contains(path)
          || !old.previous(path).map(Page::outputPath).equals(now.previous(path).map(Page::outputPath))
          || !old.next(path).map(Page::outputPath).equals(now.next(path).map(Page::outputPath))
          || retitled.stream().anyMatch(changed -> old.mentions(path, changed) || now.mentions(path, changed));
    }).toList();
  }

  /**
   * Whether the pages are at the addresses the last build's were, one page each: a tag page may
   * not move onto another page's address (the full build's checks report that).
   */
  private static boolean samePaths(List<Page> pages, Set<String> before) {
    Set<String> paths = new HashSet<>();
    for (Page page : pages) {
      if (!paths.add(page.outputPath()) || !before.contains(page.outputPath())) {
        return false;
      }
    }
    return paths.size() == before.size();
  }

  /** Whether pages made from data files link, lead and point where they did, from the same addresses. */
  private static boolean sameShape(ContentPages made, ContentPages was) {
    return made.links().equals(was.links()) && made.outcomes().equals(was.outcomes()) && made.pointers().equals(was.pointers())
        && made.steps().equals(was.steps()) && made.broken().equals(was.broken())
        && made.pages().stream().map(Page::outputPath).toList().equals(was.pages().stream().map(Page::outputPath).toList());
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
