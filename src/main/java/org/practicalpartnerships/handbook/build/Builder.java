package org.practicalpartnerships.handbook.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.practicalpartnerships.handbook.checkup.CheckupLoader;
import org.practicalpartnerships.handbook.checkup.CheckupPage;
import org.practicalpartnerships.handbook.config.SiteConfig;
import org.practicalpartnerships.handbook.config.SiteConfigLoader;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.decisiontree.DecisionTreeLoader;
import org.practicalpartnerships.handbook.decisiontree.DecisionTreePages;
import org.practicalpartnerships.handbook.decisiontree.TreePage;
import org.practicalpartnerships.handbook.frontmatter.FrontMatter;
import org.practicalpartnerships.handbook.generated.GeneratedPages;
import org.practicalpartnerships.handbook.glossary.GlossaryLoader;
import org.practicalpartnerships.handbook.glossary.GlossaryPage;
import org.practicalpartnerships.handbook.glossary.Term;
import org.practicalpartnerships.handbook.glossary.TermLinker;
import org.practicalpartnerships.handbook.links.LinkChecker;
import org.practicalpartnerships.handbook.lint.Lint;
import org.practicalpartnerships.handbook.markdown.LinkRef;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.navigation.SiteNavigation;
import org.practicalpartnerships.handbook.output.OutputSink;
import org.practicalpartnerships.handbook.postprocess.HtmlPostProcessor;
import org.practicalpartnerships.handbook.postprocess.ProcessedHtml;
import org.practicalpartnerships.handbook.search.SearchIndex;
import org.practicalpartnerships.handbook.search.SearchPage;
import org.practicalpartnerships.handbook.source.ContentFile;
import org.practicalpartnerships.handbook.source.SourceLoader;
import org.practicalpartnerships.handbook.source.SourceSet;
import org.practicalpartnerships.handbook.templating.TemplateEngine;

/**
 * The whole pipeline as one call: a {@link BuildRequest} in, the site's files out to an {@link
 * OutputSink} and a {@link BuildOutput} (or none, when there were errors), with every problem added
 * to the diagnostics. Nothing here touches the output folder: the sink the caller passes does.
 *
 * <pre>
 * load sources → site settings, templates, glossary, decision tree
 *   → front matter of every page (which pages are published)
 *   → each page: Markdown → post-process → glossary links → search entry → print section
 *   → glossary page, tree pages, navigation, generated pages (A–Z, tags, 404)
 *   → check links and layouts, build the link graph
 *   → search index, print page → templates → output
 * </pre>
 *
 * Per-page stages run in parallel; results keep the sorted source order, so the output is the same
 * bytes on every run. Every whole-site structure (link graph, navigation, tags, search index,
 * print page) is built once, in one pass over the pages.
 */
public final class Builder {
  /** YAML files in the content folder that the generator reads itself instead of publishing. */
  public static final Set<String> DATA_FILES = Set.of(SiteConfig.FILE, GlossaryLoader.FILE, DecisionTreeLoader.FILE, CheckupLoader.FILE); // checkup wiring

  /** Where the decision tree's start page sits among the top-level sections. */
  static final int TREE_ORDER = 15;

  /** Stands for a page's body while its layout renders; the body is written in its place. */
  private static final String BODY = "\u0000handbook-body\u0000";

  private final SourceLoader loader;
  private final MarkdownEngine markdown;
  private final PageProcessor processor;
  private final HtmlPostProcessor postProcessor = new HtmlPostProcessor();
  private final String version;

  public Builder(SourceLoader loader, MarkdownEngine markdown, String version) {
    this.loader = loader;
    this.markdown = markdown;
    this.processor = new PageProcessor(markdown);
    this.version = version;
  }

  /** Builds, sending the files to {@code sink}. */
  public Optional<BuildOutput> build(BuildRequest request, Diagnostics diagnostics, OutputSink sink) throws IOException {
    return build(request, diagnostics, stage -> {}, null, sink);
  }

  /**
   * Builds, reusing from {@code cache} whatever the previous build made from the same inputs
   * ({@code serve} keeps one cache across rebuilds). The bytes are the same as without a cache.
   *
   * @param timings receives one line per stage, "stage: N ms", for {@code --timings}
   * @param cache results of earlier builds of the same folders, or null
   * @param sink receives every file the build makes; when the build fails, what it received is
   *     to be thrown away (nothing is sent once errors are known, but a template can fail late)
   */
  public Optional<BuildOutput> build(BuildRequest request, Diagnostics diagnostics, Consumer<String> timings, BuildCache cache, OutputSink sink) throws IOException {
    Stopwatch clock = new Stopwatch(timings);
    SourceSet sources = loader.load(request.content(), DATA_FILES, diagnostics);
    clock.lap("load sources");
    SiteConfig site = new SiteConfigLoader().load(sources.dataFile(SiteConfig.FILE).map(ContentFile::text), diagnostics);
    TemplateEngine templates = new TemplateEngine(request.templates(), loader::display);
    templates.load(diagnostics);
    if (!templates.hasLayout(FrontMatter.DEFAULT_LAYOUT)) {
      diagnostics.add(Diagnostic.ofFile(loader.display(request.templates().resolve(FrontMatter.DEFAULT_LAYOUT + ".ftlh")), Severity.ERROR, "the default layout is missing: every handbook needs a 'page.ftlh' template"));
    }
    Optional<ContentFile> glossaryFile = sources.dataFile(GlossaryLoader.FILE);
    List<Term> terms = glossaryFile.map(f -> new GlossaryLoader().load(f.text(), diagnostics)).orElse(List.of());
    Optional<ContentFile> treeFile = sources.dataFile(DecisionTreeLoader.FILE);
    DecisionTreeLoader.Result tree = treeFile.map(f -> loadTree(f.text(), diagnostics))
        .orElse(new DecisionTreeLoader.Result(Optional.empty(), List.of()));
    DecisionTreePages.Rendered treePages = tree.tree().map(DecisionTreePages::render)
        .orElse(new DecisionTreePages.Rendered(List.of(), Map.of()));
    // checkup wiring: content/checkup.yml in, checkup/index.html out
    Optional<ContentFile> checkupFile = sources.dataFile(CheckupLoader.FILE);
    CheckupLoader.Result checkup = checkupFile.map(f -> new CheckupLoader(markdown).load(f.text(), diagnostics)).orElse(CheckupLoader.Result.NONE);
    Optional<CheckupPage.Rendered> checkupPage = checkup.checkup().map(CheckupPage::render);
    clock.lap("site settings, templates, glossary, decision tree");

    List<PageProcessor.Front> fronts = sources.pages().parallelStream().map(file -> front(file, request.drafts(), cache)).toList();
    Set<String> drafts = new HashSet<>();
    Set<String> broken = new HashSet<>();
    // Printed pages are the listed ones: every published source page, the glossary, the tree's start.
    Set<String> printed = new TreeSet<>();
    for (PageProcessor.Front front : fronts) {
      diagnostics.addAll(front.diagnostics());
      if (front.draft()) {
        drafts.add(front.outputPath());
      } else if (front.broken()) {
        broken.add(front.outputPath()); // its errors are reported; links to it should not be reported again
      } else {
        printed.add(front.outputPath());
      }
    }
    glossaryFile.ifPresent(f -> printed.add(GlossaryPage.OUTPUT));
    if (!treePages.pages().isEmpty()) {
      printed.add(DecisionTreePages.START);
    }
    checkupPage.ifPresent(p -> printed.add(p.outputPath())); // checkup wiring
    clock.lap("front matter");

    PageProcessor.Site pageSite = new PageProcessor.Site(site.stripUnsafeHtml(), glossaryFile.isPresent() ? termLinker(terms) : null, GeneratedPages.printAnchors(printed));
    String printedKey = String.join("\n", printed);
    String glossaryKey = glossaryFile.map(f -> f.text().text()).orElse("\u0000none");
    List<PageProcessor.Processed> processed = fronts.parallelStream()
        .filter(front -> front.parsed().isPresent())
        .map(front -> process(front, pageSite, request.drafts(), glossaryKey, printedKey, cache))
        .toList();
    fronts = null; // each holds its page's Markdown, which is not needed any more
    List<Page> pages = new ArrayList<>();
    Map<String, PageProcessor.Processed> byOutput = new HashMap<>();
    Set<String> usedTerms = new HashSet<>();
    for (PageProcessor.Processed result : processed) {
      diagnostics.addAll(result.diagnostics());
      if (result.page().isEmpty()) {
        broken.add(result.outputPath());
        continue;
      }
      Page page = result.page().get();
      pages.add(page);
      byOutput.put(page.outputPath(), result);
      usedTerms.addAll(result.usedTerms());
    }
    clock.lap("Markdown, post-processing, glossary links, search text, print sections");

    glossaryFile.ifPresent(f -> pages.add(glossaryPage(f.text(), terms, pages)));
    Map<String, String> outcomes = new HashMap<>();
    for (TreePage treePage : treePages.pages()) {
      pages.add(treePage(treePage, treeFile.get().text()));
      if (treePage.isOutcome()) {
        outcomes.put(treePage.outputPath(), treePage.outcomeId());
      }
    }

    checkupPage.ifPresent(p -> pages.add(checkupPage(p, checkupFile.get().text()))); // checkup wiring

    Map<String, Path> copies = new TreeMap<>();
    for (ContentFile asset : sources.assets()) {
      copies.put(asset.relativePath(), asset.absolutePath());
    }
    copyTemplateAssets(request.templates(), copies, diagnostics);

    // Pages the reader finds through navigation; generated helper pages are added as unlisted.
    Set<String> listed = new HashSet<>();
    for (Page page : pages) {
      if (page.sourcePath() != null || page.outputPath().equals(GlossaryPage.OUTPUT) || page.outputPath().equals(DecisionTreePages.START)
          || page.outputPath().equals(CheckupPage.OUTPUT)) { // checkup wiring
        listed.add(page.outputPath());
      }
    }
    SiteNavigation navigation = SiteNavigation.of(pages.stream().filter(p -> listed.contains(p.outputPath())).toList());
    Set<String> reachable = Lint.reachable(navigation);
    for (Page page : pages) {
      Lint.unreachable(page, reachable).ifPresent(diagnostics::add);
    }
    addGeneratedPages(pages, terms, navigation, site);
    clock.lap("glossary, tree, navigation, generated pages");

    Map<String, Set<String>> targets = new HashMap<>();
    for (Page page : pages) {
      if (targets.putIfAbsent(page.outputPath(), page.ids()) != null || copies.containsKey(page.outputPath())) {
        String where = page.source() != null ? page.source().displayPath() : page.outputPath();
        diagnostics.add(Diagnostic.ofFile(where, Severity.ERROR, "another page or file is already published at '" + page.outputPath() + "'"));
      }
    }
    LinkChecker checker = new LinkChecker(targets, copies.keySet(), Set.copyOf(drafts), Set.copyOf(broken));
    // The tree's links are written relative to content/, so they are checked from the root.
    treeFile.ifPresent(f -> diagnostics.addAll(checker.check(DecisionTreeLoader.FILE, f.text(), tree.links())));
    checkupFile.ifPresent(f -> diagnostics.addAll(checker.check(CheckupLoader.FILE, f.text(), checkup.links()))); // checkup wiring
    Map<String, Set<String>> backlinks = new ConcurrentHashMap<>();
    pages.parallelStream().forEach(page -> {
      if (page.source() == null) {
        return;
      }
      List<Diagnostic> problems = checker.check(page.outputPath(), page.source(), page.links());
      if (!problems.isEmpty()) {
        diagnostics.addAll(problems);
      }
      checkLayout(page, templates, diagnostics);
      if (listed.contains(page.outputPath())) {
        for (LinkRef link : page.links()) {
          checker.pageTarget(page.outputPath(), link)
              .filter(target -> !target.equals(page.outputPath()))
              .ifPresent(target -> backlinks.computeIfAbsent(target, t -> ConcurrentHashMap.newKeySet()).add(page.outputPath()));
        }
      }
    });
    clock.lap("link checks and link graph");

    // With errors, a term may look unused only because the page using it failed: say nothing yet.
    glossaryFile.filter(file -> !diagnostics.hasErrors()).ifPresent(file -> {
      for (Term term : terms) {
        if (!usedTerms.contains(term.id())) {
          diagnostics.add(file.text().atOffset(term.offset(), Severity.WARNING, "the glossary term '" + term.term() + "' is not used on any page; remove it or use it"));
        }
      }
    });
    List<Page> readingOrder = navigation.readingOrder();
    List<byte[]> searchEntries = new ArrayList<>(readingOrder.size());
    List<byte[]> printParts = new ArrayList<>(readingOrder.size() + 1);
    printParts.add(GeneratedPages.printContents(readingOrder, pageSite.printAnchors()).getBytes(StandardCharsets.UTF_8));
    for (Page page : readingOrder) {
      PageProcessor.Processed result = byOutput.get(page.outputPath());
      if (result != null) {
        searchEntries.add(result.searchEntry());
        printParts.add(result.printSection());
      } else {
        // The glossary page and the tree's start page: made here, not from Markdown.
        boolean glossaryEntries = page.outputPath().equals(GlossaryPage.OUTPUT) && !terms.isEmpty();
        org.jsoup.nodes.Element searchBody = glossaryEntries ? null : HtmlPostProcessor.parse(page.html()).body();
        if (searchBody != null && page.outputPath().equals(CheckupPage.OUTPUT)) {
          CheckupPage.forSearch(searchBody); // checkup wiring: the answer labels, once per statement, are not worth finding
        }
        searchEntries.add(SearchIndex.entry(page, searchBody));
        printParts.add(PageProcessor.printSection(page, pageSite.printAnchors()));
      }
    }
    SearchIndex search = SearchIndex.of(searchEntries, terms, markdown);
    List<byte[]> searchScript = search.scriptChunks();
    searchWarning(searchScript, request).ifPresent(diagnostics::add);
    pages.add(assembled(SearchPage.OUTPUT, SearchPage.TITLE, SearchPage.DESCRIPTION, SearchPage.fragment()));
    pages.add(assembled(GeneratedPages.PRINT, "The whole handbook", "Every page of " + site.title() + " on one page, in reading order, for printing or reading offline.", ""));
    clock.lap("search index and print page");

    Map<String, Page> byPath = new HashMap<>();
    for (Page page : pages) {
      byPath.put(page.outputPath(), page);
    }
    // Once errors are known nothing is written, but templates still run to report their own.
    OutputSink out = diagnostics.hasErrors() ? OutputSink.DISCARD : sink;
    PageModel.Context context = new PageModel.Context(site, version, navigation, byPath.keySet(), outcomes, treePages.pointers());
    Rendering rendering = new Rendering(templates, templates.fingerprint(), context, backlinks, byPath);
    try {
      pages.parallelStream().forEach(page -> render(page, rendering, cache, diagnostics, printParts).ifPresent(chunks -> write(out, page.outputPath(), chunks)));
      out.write(SearchIndex.SCRIPT, searchScript);
      if (site.baseUrl().isPresent()) {
        Set<String> paths = new TreeSet<>(byPath.keySet());
        paths.remove(GeneratedPages.NOT_FOUND);
        out.write("sitemap.xml", GeneratedPages.sitemap(site.baseUrl().get(), paths).getBytes(StandardCharsets.UTF_8));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    clock.lap("templates and output");
    if (diagnostics.hasErrors()) {
      if (cache != null) {
        cache.last = null;
      }
      return Optional.empty();
    }
    BuildOutput output = new BuildOutput(new TreeMap<>(copies), pages.size());
    if (cache != null) {
      Set<String> sourcePaths = new HashSet<>();
      sources.pages().forEach(f -> sourcePaths.add(f.relativePath()));
      cache.retain(sourcePaths, byPath.keySet());
      Map<String, PageProcessor.Processed> bySource = new HashMap<>();
      for (PageProcessor.Processed result : processed) {
        result.page().ifPresent(page -> bySource.put(page.sourcePath(), result));
      }
      List<String> order = readingOrder.stream().map(Page::outputPath).toList();
      cache.last = new BuildState(request, pageSite, glossaryKey, printedKey, rendering, checker, reachable, bySource,
          order, searchEntries, printParts, terms, searchWarning(searchScript, request), diagnostics.sorted(), output);
    }
    return Optional.of(output);
  }

  /**
   * Redoes pages whose text changed without rebuilding the rest of the site, for {@code serve}.
   * That is only right when nothing outside those pages can have changed with them, so it is done
   * only when each page keeps its front matter (title, order, tags and the rest: what other pages
   * show of it), its ids and links (what other pages' links and backlinks rest on) and the
   * glossary entries it uses, and gains no error; and when the caller knows that nothing but
   * these pages changed since the build that {@code cache} holds. The pages, the print page and
   * the search index then go to the sink, with the bytes a full build would make.
   *
   * @param changed the changed pages as they are now ({@link SourceLoader#reloadPage})
   * @return the result of the build; empty when the change reaches further, and nothing was sent:
   *     build in full, with the same cache
   */
  public Optional<BuildOutput> update(BuildCache cache, List<ContentFile> changed, Diagnostics diagnostics, OutputSink sink) throws IOException {
    BuildState last = cache.last;
    if (last == null || changed.isEmpty()) {
      return Optional.empty();
    }
    Rendering before = last.rendering();
    Map<String, PageProcessor.Processed> processed = new HashMap<>(last.processed());
    Map<String, Page> byPath = new HashMap<>(before.byPath());
    List<byte[]> searchEntries = new ArrayList<>(last.searchEntries());
    List<byte[]> printParts = new ArrayList<>(last.printParts());
    Set<String> redone = new HashSet<>();
    List<Diagnostic> own = new ArrayList<>();
    List<Page> pages = new ArrayList<>();
    for (ContentFile file : changed) {
      PageProcessor.Processed was = processed.get(file.relativePath());
      if (was == null || was.page().isEmpty()) {
        return Optional.empty(); // a new page changes navigation
      }
      Page old = was.page().get();
      PageProcessor.Front front = front(file, last.request().drafts(), cache);
      if (front.parsed().isEmpty() || !front.parsed().get().frontMatter().equals(old.frontMatter())) {
        return Optional.empty();
      }
      PageProcessor.Processed now = process(front, last.site(), last.request().drafts(), last.glossaryKey(), last.printedKey(), cache);
      if (now == was) {
        continue; // the same text as last time: nothing to redo
      }
      if (now.page().isEmpty()) {
        return Optional.empty();
      }
      Page page = now.page().get();
      if (!page.ids().equals(old.ids()) || !linkTargets(page).equals(linkTargets(old)) || !now.usedTerms().equals(was.usedTerms())) {
        return Optional.empty();
      }
      // The page's own diagnostics, as the full build finds them.
      Diagnostics mine = new Diagnostics();
      mine.addAll(front.diagnostics());
      mine.addAll(now.diagnostics());
      mine.addAll(last.checker().check(page.outputPath(), page.source(), page.links()));
      Lint.unreachable(page, last.reachable()).ifPresent(mine::add);
      checkLayout(page, before.templates(), mine);
      int at = last.readingOrder().indexOf(page.outputPath());
      if (mine.hasErrors() || at < 0) {
        return Optional.empty();
      }
      own.addAll(mine.sorted());
      redone.add(page.source().displayPath());
      processed.put(file.relativePath(), now);
      byPath.put(page.outputPath(), page);
      searchEntries.set(at, now.searchEntry());
      printParts.set(at + 1, now.printSection()); // after the contents list
      pages.add(page);
    }
    if (pages.isEmpty()) {
      diagnostics.addAll(last.diagnostics());
      return Optional.of(last.output());
    }
    Rendering rendering = new Rendering(before.templates(), before.fingerprint(), before.context(), before.backlinks(), byPath);
    Map<String, List<byte[]>> rendered = new HashMap<>();
    for (Page page : pages) {
      Optional<List<byte[]>> bytes = render(page, rendering, cache, diagnostics, printParts);
      if (bytes.isEmpty()) {
        return Optional.empty(); // its template failed on the new text: the full build reports it
      }
      rendered.put(page.outputPath(), bytes.get());
    }
    BuildCache.Rendered printLayout = cache.rendered.get(GeneratedPages.PRINT);
    if (printLayout == null) {
      return Optional.empty();
    }
    for (Diagnostic d : last.diagnostics()) {
      if (!redone.contains(d.file()) && !last.searchWarning().map(d::equals).orElse(false)) {
        diagnostics.add(d);
      }
    }
    diagnostics.addAll(own);
    List<byte[]> searchScript = SearchIndex.of(searchEntries, last.terms(), markdown).scriptChunks();
    Optional<Diagnostic> searchWarning = searchWarning(searchScript, last.request());
    searchWarning.ifPresent(diagnostics::add);
    for (Map.Entry<String, List<byte[]>> page : new TreeMap<>(rendered).entrySet()) {
      sink.write(page.getKey(), page.getValue());
    }
    sink.write(GeneratedPages.PRINT, spliced(printLayout.bytes(), printParts));
    sink.write(SearchIndex.SCRIPT, searchScript);
    cache.last = new BuildState(last.request(), last.site(), last.glossaryKey(), last.printedKey(), rendering, last.checker(), last.reachable(),
        processed, last.readingOrder(), searchEntries, printParts, last.terms(), searchWarning, diagnostics.sorted(), last.output());
    return Optional.of(last.output());
  }

  /** Where a page's links and images lead, as written, in order: what other pages' checks and backlinks rest on. */
  private static List<String> linkTargets(Page page) {
    List<String> targets = new ArrayList<>(page.links().size());
    for (LinkRef link : page.links()) {
      targets.add((link.image() ? "image:" : "link:") + link.url());
    }
    return targets;
  }

  /** What rendering a page draws on, the same for every page of a build. */
  record Rendering(TemplateEngine templates, String fingerprint, PageModel.Context context, Map<String, Set<String>> backlinks, Map<String, Page> byPath) {}

  /**
   * Renders one page with its layout, or takes the cache's bytes when the template data is the
   * same as last time.
   *
   * @param printParts the print page's body, in parts
   * @return the page's bytes, in parts; empty when its layout is missing (reported elsewhere) or
   *     failed
   */
  private static Optional<List<byte[]>> render(Page page, Rendering rendering, BuildCache cache, Diagnostics diagnostics, List<byte[]> printParts) {
    TemplateEngine templates = rendering.templates();
    if (!templates.hasLayout(page.frontMatter().layout())) {
      return Optional.empty();
    }
    List<Page> linkedFrom = rendering.backlinks().getOrDefault(page.outputPath(), Set.of()).stream().sorted().map(rendering.byPath()::get).toList();
    // The layout renders with a placeholder for the body, which is written in its place: the
    // body (most of a page) never passes through the template engine, and a layout rendered once
    // serves again when only the body changed.
    Map<String, Object> model = PageModel.of(page, BODY, rendering.context(), linkedFrom);
    BuildCache.RenderKey key = cache == null ? null : new BuildCache.RenderKey(rendering.fingerprint(), page.frontMatter().layout(), PageModel.withoutContent(model));
    BuildCache.Rendered hit = cache == null ? null : cache.rendered.get(page.outputPath());
    Optional<byte[]> layout;
    if (hit != null && hit.key().equals(key)) {
      layout = Optional.of(hit.bytes());
    } else {
      layout = templates.render(page.frontMatter().layout(), model, diagnostics).map(html -> html.getBytes(StandardCharsets.UTF_8));
      if (cache != null) {
        layout.ifPresent(b -> cache.rendered.put(page.outputPath(), new BuildCache.Rendered(key, b)));
      }
    }
    return layout.map(bytes -> spliced(bytes, page.outputPath().equals(GeneratedPages.PRINT) ? printParts : List.of(page.body())));
  }

  private Optional<Diagnostic> searchWarning(List<byte[]> script, BuildRequest request) {
    return SearchIndex.sizeWarning(script.stream().mapToLong(chunk -> chunk.length).sum())
        .map(warning -> Diagnostic.ofFile(loader.display(request.content()), Severity.WARNING, warning));
  }

  private static void write(OutputSink sink, String path, List<byte[]> chunks) {
    try {
      sink.write(path, chunks);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A rendered layout with the body's parts written wherever the placeholder stands (once, as a
   * rule; never, or more than once, if the layout prints the body so).
   */
  private static List<byte[]> spliced(byte[] layout, List<byte[]> parts) {
    byte[] marker = BODY_BYTES;
    List<byte[]> chunks = new ArrayList<>(parts.size() + 2);
    int from = 0;
    for (int at = indexOf(layout, marker, 0); at >= 0; at = indexOf(layout, marker, from)) {
      chunks.add(Arrays.copyOfRange(layout, from, at));
      chunks.addAll(parts);
      from = at + marker.length;
    }
    if (from == 0) {
      return List.of(layout);
    }
    chunks.add(Arrays.copyOfRange(layout, from, layout.length));
    return chunks;
  }

  private static final byte[] BODY_BYTES = BODY.getBytes(StandardCharsets.UTF_8);

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      if (haystack[i] != needle[0]) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** A page's front matter, or the previous build's for the same text. */
  private PageProcessor.Front front(ContentFile file, boolean includeDrafts, BuildCache cache) {
    if (cache == null) {
      return processor.front(file, includeDrafts);
    }
    BuildCache.FrontKey key = new BuildCache.FrontKey(file.text().text(), includeDrafts);
    BuildCache.FrontEntry hit = cache.fronts.get(file.relativePath());
    if (hit == null || !hit.key().equals(key)) {
      hit = new BuildCache.FrontEntry(key, processor.front(file, includeDrafts));
      cache.fronts.put(file.relativePath(), hit);
    }
    return hit.front();
  }

  /** A processed page, or the previous build's for the same text and site (its print section re-made when only the printed pages changed). */
  private PageProcessor.Processed process(PageProcessor.Front front, PageProcessor.Site site, boolean drafts, String glossaryKey, String printedKey, BuildCache cache) {
    if (cache == null) {
      return processor.process(front, site);
    }
    String path = front.file().relativePath();
    BuildCache.ProcessKey key = new BuildCache.ProcessKey(front.file().text().text(), drafts, site.stripUnsafeHtml(), glossaryKey);
    BuildCache.ProcessEntry hit = cache.processed.get(path);
    if (hit != null && hit.key().equals(key) && hit.processed().page().isPresent()) {
      if (hit.printedPages().equals(printedKey)) {
        return hit.processed();
      }
      PageProcessor.Processed again = hit.processed().withPrintSection(PageProcessor.printSection(hit.processed().page().get(), site.printAnchors()));
      cache.processed.put(path, new BuildCache.ProcessEntry(key, printedKey, again));
      return again;
    }
    PageProcessor.Processed result = processor.process(front, site);
    cache.processed.put(path, new BuildCache.ProcessEntry(key, printedKey, result));
    return result;
  }

  private TermLinker termLinker(List<Term> terms) {
    Map<String, TermLinker.Entry> names = new LinkedHashMap<>();
    for (Term term : terms) {
      String definition = term.definitionText(markdown);
      TermLinker.Entry entry = new TermLinker.Entry(term.id(), term.term(), definition);
      names.put(term.term(), entry);
      for (String alias : term.aliases()) {
        names.put(alias, entry);
      }
    }
    return new TermLinker(names);
  }

  private Page glossaryPage(SourceText source, List<Term> terms, List<Page> pages) {
    Map<String, String> titles = new HashMap<>();
    for (Page p : pages) {
      titles.put(p.outputPath(), p.title());
    }
    String fragment = GlossaryPage.fragment(terms, markdown, titles::get);
    ProcessedHtml html = postProcessor.process(fragment);
    List<LinkRef> links = terms.stream().flatMap(t -> t.see().stream()).toList();
    FrontMatter fm = new FrontMatter("Glossary", "What the words used in this handbook mean, in plain English.", OptionalInt.of(80), FrontMatter.DEFAULT_LAYOUT, List.of(), false, false);
    return new Page(null, GlossaryPage.OUTPUT, source, fm, html.html(), html.headings(), html.ids(), links);
  }

  private DecisionTreeLoader.Result loadTree(SourceText source, Diagnostics diagnostics) {
    try {
      return new DecisionTreeLoader(markdown).load(source, diagnostics);
    } catch (StackOverflowError e) {
      diagnostics.add(source.error(1, 1, "the decision tree's Markdown is too deeply nested or too repetitive to render; simplify it"));
      return new DecisionTreeLoader.Result(Optional.empty(), List.of());
    }
  }

  /** A page of the decision tree: its source is decide.yml, whose links are checked once. */
  private Page treePage(TreePage treePage, SourceText source) {
    ProcessedHtml html = postProcessor.process(treePage.html());
    boolean start = treePage.outputPath().equals(DecisionTreePages.START);
    FrontMatter fm = new FrontMatter(treePage.title(), treePage.description(), start ? OptionalInt.of(TREE_ORDER) : OptionalInt.empty(), FrontMatter.DEFAULT_LAYOUT, List.of(), false, false);
    return new Page(null, treePage.outputPath(), source, fm, html.html(), html.headings(), html.ids(), List.of());
  }

  /** checkup wiring: the check-up's page; its source is checkup.yml, whose links are checked once. */
  private Page checkupPage(CheckupPage.Rendered rendered, SourceText source) {
    ProcessedHtml html = postProcessor.process(rendered.html());
    FrontMatter fm = new FrontMatter(rendered.title(), rendered.description(), OptionalInt.of(CheckupPage.NAV_ORDER), FrontMatter.DEFAULT_LAYOUT, List.of(), false, false);
    return new Page(null, rendered.outputPath(), source, fm, html.html(), html.headings(), html.ids(), List.of());
  }

  /** A page the build writes itself: not in navigation, no source file, no links to check. */
  private Page generated(String path, String title, String description, String fragment) {
    ProcessedHtml html = postProcessor.process(fragment);
    FrontMatter fm = new FrontMatter(title, description, OptionalInt.empty(), FrontMatter.DEFAULT_LAYOUT, List.of(), false, false);
    return new Page(null, path, null, fm, html.html(), html.headings(), html.ids(), List.of());
  }

  /** A generated page whose body is already finished HTML, made from other pages' bodies. */
  private static Page assembled(String path, String title, String description, String html) {
    FrontMatter fm = new FrontMatter(title, description, OptionalInt.empty(), FrontMatter.DEFAULT_LAYOUT, List.of(), false, false);
    return new Page(null, path, null, fm, html, List.of(), Set.of(), List.of());
  }

  private void addGeneratedPages(List<Page> pages, List<Term> terms, SiteNavigation navigation, SiteConfig site) {
    Map<String, List<Page>> tags = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Page page : navigation.readingOrder()) {
      for (String tag : page.frontMatter().tags()) {
        tags.computeIfAbsent(tag, t -> new ArrayList<>()).add(page);
      }
    }
    boolean hasGlossary = pages.stream().anyMatch(p -> p.outputPath().equals(GlossaryPage.OUTPUT));
    // Each is made on its own, in parallel: in a large handbook the A to Z and the tag pages
    // list thousands of pages.
    List<Supplier<Page>> made = new ArrayList<>();
    made.add(() -> generated(GeneratedPages.INDEX, "A to Z index", "Every page and glossary term in " + site.title() + ", from A to Z.",
        GeneratedPages.index(navigation.readingOrder(), hasGlossary ? terms : List.of(), GlossaryPage.OUTPUT)));
    if (!tags.isEmpty()) {
      made.add(() -> generated(GeneratedPages.TAGS, "Tags", "The topics that group pages across the sections of " + site.title() + ".", GeneratedPages.tagList(tags)));
      for (Map.Entry<String, List<Page>> tag : tags.entrySet()) {
        made.add(() -> generated(GeneratedPages.tagPath(tag.getKey()), "Pages tagged \u201c" + tag.getKey() + "\u201d", "", GeneratedPages.tagPage(tag.getKey(), tag.getValue())));
      }
    }
    String homeTitle = navigation.readingOrder().isEmpty() ? site.title() : navigation.readingOrder().get(0).title();
    made.add(() -> generated(GeneratedPages.NOT_FOUND, "Page not found", "", GeneratedPages.notFound(homeTitle)));
    pages.addAll(made.parallelStream().map(Supplier::get).toList());
  }

  private void checkLayout(Page page, TemplateEngine templates, Diagnostics diagnostics) {
    String layout = page.frontMatter().layout();
    if (templates.hasLayout(layout) || !templates.hasLayout(FrontMatter.DEFAULT_LAYOUT) && layout.equals(FrontMatter.DEFAULT_LAYOUT)) {
      return;
    }
    SourceText source = page.source();
    int line = 1;
    int column = 1;
    for (int i = 1; i <= source.lineCount(); i++) {
      if (source.line(i).startsWith("layout:")) {
        line = i;
        column = source.line(i).indexOf(layout) + 1;
        break;
      }
    }
    diagnostics.add(source.error(line, Math.max(1, column), "no layout '" + layout + "' in the templates folder" + templates.suggestLayout(layout)));
  }

  private void copyTemplateAssets(Path templatesRoot, Map<String, Path> copies, Diagnostics diagnostics) throws IOException {
    Path assets = templatesRoot.resolve(TemplateEngine.ASSETS);
    if (!Files.isDirectory(assets)) {
      return;
    }
    Path realRoot = templatesRoot.toRealPath();
    Set<String> contentPaths = new HashSet<>(copies.keySet());
    try (Stream<Path> files = Files.walk(assets)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        if (SourceLoader.isIgnored(file)) {
          continue;
        }
        if (!file.toRealPath().startsWith(realRoot)) {
          diagnostics.add(Diagnostic.ofFile(loader.display(file), Severity.ERROR, "this symbolic link leads outside the templates folder"));
          continue;
        }
        String path = TemplateEngine.ASSETS + "/" + assets.relativize(file).toString().replace('\\', '/');
        if (contentPaths.contains(path)) {
          diagnostics.add(Diagnostic.ofFile(loader.display(file), Severity.ERROR, "the content folder also has '" + path + "'; rename one of them"));
        }
        copies.put(path, file);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
