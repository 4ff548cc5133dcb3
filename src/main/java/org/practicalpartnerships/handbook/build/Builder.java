package org.practicalpartnerships.handbook.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import java.util.stream.Stream;
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
import org.practicalpartnerships.handbook.frontmatter.FrontMatterParser;
import org.practicalpartnerships.handbook.frontmatter.ParsedPage;
import org.practicalpartnerships.handbook.generated.GeneratedPages;
import org.practicalpartnerships.handbook.glossary.GlossaryLoader;
import org.practicalpartnerships.handbook.glossary.GlossaryPage;
import org.practicalpartnerships.handbook.glossary.Term;
import org.practicalpartnerships.handbook.glossary.TermLinker;
import org.practicalpartnerships.handbook.links.LinkChecker;
import org.practicalpartnerships.handbook.lint.Lint;
import org.practicalpartnerships.handbook.markdown.LinkRef;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.markdown.RawHtmlProblem;
import org.practicalpartnerships.handbook.markdown.RenderedMarkdown;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SitePaths;
import org.practicalpartnerships.handbook.navigation.SiteNavigation;
import org.practicalpartnerships.handbook.postprocess.HtmlPostProcessor;
import org.practicalpartnerships.handbook.postprocess.ProcessedHtml;
import org.practicalpartnerships.handbook.search.SearchIndex;
import org.practicalpartnerships.handbook.search.SearchPage;
import org.practicalpartnerships.handbook.source.ContentFile;
import org.practicalpartnerships.handbook.source.SourceLoader;
import org.practicalpartnerships.handbook.source.SourceSet;
import org.practicalpartnerships.handbook.templating.TemplateEngine;

/**
 * The whole pipeline as one call: a {@link BuildRequest} in, a {@link BuildOutput} out (or none,
 * when there were errors), with every problem added to the diagnostics. Nothing here writes files.
 *
 * <pre>
 * load sources → front matter → Markdown → post-process → glossary page, decision tree pages
 *   → check links and layouts, build the link graph → link glossary terms
 *   → navigation → generated pages (A–Z, tags, print, 404) and the search index
 *   → templates → output files
 * </pre>
 *
 * Per-page stages run in parallel; results keep the sorted source order, so the output is the same
 * bytes on every run. Every whole-site structure (link graph, navigation, tags) is built once, in
 * one pass over the pages.
 */
public final class Builder {
  /** YAML files in the content folder that the generator reads itself instead of publishing. */
  public static final Set<String> DATA_FILES = Set.of(SiteConfig.FILE, GlossaryLoader.FILE, DecisionTreeLoader.FILE);

  /** Where the decision tree's start page sits among the top-level sections. */
  static final int TREE_ORDER = 15;

  private final SourceLoader loader;
  private final FrontMatterParser frontMatter = new FrontMatterParser();
  private final MarkdownEngine markdown;
  private final HtmlPostProcessor postProcessor = new HtmlPostProcessor();
  private final String version;

  public Builder(SourceLoader loader, MarkdownEngine markdown, String version) {
    this.loader = loader;
    this.markdown = markdown;
    this.version = version;
  }

  public Optional<BuildOutput> build(BuildRequest request, Diagnostics diagnostics) throws IOException {
    return build(request, diagnostics, stage -> {});
  }

  /**
   * Builds, reporting how long each stage took.
   *
   * @param timings receives one line per stage, "stage: N ms", for {@code --timings}
   */
  public Optional<BuildOutput> build(BuildRequest request, Diagnostics diagnostics, java.util.function.Consumer<String> timings) throws IOException {
    return build(request, diagnostics, timings, null);
  }

  /**
   * Builds, reusing from {@code cache} whatever the previous build made from the same inputs
   * ({@code serve} keeps one cache across rebuilds). The bytes are the same as without a cache.
   *
   * @param cache results of earlier builds of the same folders, or null
   */
  public Optional<BuildOutput> build(BuildRequest request, Diagnostics diagnostics, java.util.function.Consumer<String> timings, BuildCache cache) throws IOException {
    Stopwatch clock = new Stopwatch(timings);
    SourceSet sources = loader.load(request.content(), DATA_FILES, diagnostics);
    clock.lap("load sources");
    SiteConfig site = new SiteConfigLoader().load(sources.dataFile(SiteConfig.FILE).map(ContentFile::text), diagnostics);
    TemplateEngine templates = new TemplateEngine(request.templates(), loader::display);
    templates.load(diagnostics);
    if (!templates.hasLayout(FrontMatter.DEFAULT_LAYOUT)) {
      diagnostics.add(Diagnostic.ofFile(loader.display(request.templates().resolve(FrontMatter.DEFAULT_LAYOUT + ".ftlh")), Severity.ERROR, "the default layout is missing: every handbook needs a 'page.ftlh' template"));
    }

    Set<String> drafts = ConcurrentHashMap.newKeySet();
    Set<String> broken = ConcurrentHashMap.newKeySet();
    List<Page> pages = new ArrayList<>(
        sources.pages().parallelStream()
            .map(file -> cachedPage(file, request.drafts(), site.stripUnsafeHtml(), drafts, broken, diagnostics, cache))
            .flatMap(Optional::stream)
            .toList());
    clock.lap("front matter, Markdown, post-processing");

    List<Term> terms = sources.dataFile(GlossaryLoader.FILE).map(f -> new GlossaryLoader().load(f.text(), diagnostics)).orElse(List.of());
    sources.dataFile(GlossaryLoader.FILE).ifPresent(f -> pages.add(glossaryPage(f.text(), terms, pages)));

    Optional<ContentFile> treeFile = sources.dataFile(DecisionTreeLoader.FILE);
    DecisionTreeLoader.Result tree = treeFile.map(f -> loadTree(f.text(), diagnostics))
        .orElse(new DecisionTreeLoader.Result(Optional.empty(), List.of()));
    DecisionTreePages.Rendered treePages = tree.tree().map(DecisionTreePages::render)
        .orElse(new DecisionTreePages.Rendered(List.of(), Map.of()));
    Map<String, String> outcomes = new HashMap<>();
    for (TreePage treePage : treePages.pages()) {
      pages.add(treePage(treePage, treeFile.get().text()));
      if (treePage.isOutcome()) {
        outcomes.put(treePage.outputPath(), treePage.outcomeId());
      }
    }

    Map<String, Path> copies = new TreeMap<>();
    for (ContentFile asset : sources.assets()) {
      copies.put(asset.relativePath(), asset.absolutePath());
    }
    copyTemplateAssets(request.templates(), copies, diagnostics);

    // Pages the reader finds through navigation; generated helper pages are added as unlisted.
    Set<String> listed = new HashSet<>();
    for (Page page : pages) {
      if (page.sourcePath() != null || page.outputPath().equals(GlossaryPage.OUTPUT) || page.outputPath().equals(DecisionTreePages.START)) {
        listed.add(page.outputPath());
      }
    }
    SiteNavigation navigation = SiteNavigation.of(pages.stream().filter(p -> listed.contains(p.outputPath())).toList());
    diagnostics.addAll(Lint.warnings(pages, Lint.reachable(navigation)));
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
    Map<String, Set<String>> backlinks = new ConcurrentHashMap<>();
    pages.parallelStream().forEach(page -> {
      if (page.source() == null) {
        return;
      }
      diagnostics.addAll(checker.check(page.outputPath(), page.source(), page.links()));
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
    Map<String, String> bodies = linkTerms(pages, terms, sources, diagnostics);
    clock.lap("glossary term links");
    List<Page> printed = navigation.readingOrder();
    SearchIndex search = SearchIndex.of(printed, bodies, terms, markdown, cache == null ? null : cache.searchText);
    search.sizeWarning().ifPresent(warning -> diagnostics.add(Diagnostic.ofFile(loader.display(request.content()), Severity.WARNING, warning)));
    Page searchPage = assembled(SearchPage.OUTPUT, SearchPage.TITLE, SearchPage.DESCRIPTION, SearchPage.fragment());
    bodies.put(searchPage.outputPath(), searchPage.html());
    pages.add(searchPage);
    clock.lap("search index");
    Page print = assembled(GeneratedPages.PRINT, "The whole handbook", "Every page of " + site.title() + " on one page, in reading order, for printing or reading offline.", GeneratedPages.print(printed, bodies, cache == null ? null : cache.printSections));
    bodies.put(print.outputPath(), print.html());
    pages.add(print);
    clock.lap("print page");

    Map<String, Page> byPath = new HashMap<>();
    for (Page page : pages) {
      byPath.put(page.outputPath(), page);
    }
    PageModel.Context context = new PageModel.Context(site, version, navigation, byPath.keySet(), outcomes, treePages.pointers());
    Map<String, byte[]> files = new ConcurrentHashMap<>();
    String templatesFingerprint = templates.fingerprint();
    pages.parallelStream().forEach(page -> {
      if (!templates.hasLayout(page.frontMatter().layout())) {
        return;
      }
      List<Page> linkedFrom = backlinks.getOrDefault(page.outputPath(), Set.of()).stream().sorted().map(byPath::get).toList();
      String body = bodies.get(page.outputPath());
      Map<String, Object> model = PageModel.of(page, body, context, linkedFrom);
      BuildCache.RenderKey key = cache == null ? null : new BuildCache.RenderKey(templatesFingerprint, page.frontMatter().layout(), body, PageModel.withoutContent(model));
      BuildCache.Rendered hit = cache == null ? null : cache.rendered.get(page.outputPath());
      if (hit != null && hit.key().equals(key)) {
        files.put(page.outputPath(), hit.bytes());
        return;
      }
      templates.render(page.frontMatter().layout(), model, diagnostics).ifPresent(html -> {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        files.put(page.outputPath(), bytes);
        if (cache != null) {
          cache.rendered.put(page.outputPath(), new BuildCache.Rendered(key, bytes));
        }
      });
    });
    files.put(SearchIndex.SCRIPT, search.scriptBytes());
    site.baseUrl().ifPresent(base -> {
      Set<String> paths = new TreeSet<>(byPath.keySet());
      paths.remove(GeneratedPages.NOT_FOUND);
      files.put("sitemap.xml", GeneratedPages.sitemap(base, paths).getBytes(StandardCharsets.UTF_8));
    });
    clock.lap("templates");
    if (cache != null) {
      Set<String> sourcePaths = new HashSet<>();
      sources.pages().forEach(f -> sourcePaths.add(f.relativePath()));
      cache.retain(sourcePaths, files.keySet());
    }
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(new BuildOutput(new TreeMap<>(files), new TreeMap<>(copies), pages.size()));
  }

  /** {@link #page}, or the previous build's result for the same text and settings. */
  private Optional<Page> cachedPage(ContentFile file, boolean includeDrafts, boolean stripUnsafe, Set<String> drafts, Set<String> broken, Diagnostics diagnostics, BuildCache cache) {
    if (cache == null) {
      return page(file, includeDrafts, stripUnsafe, drafts, broken, diagnostics);
    }
    BuildCache.ParsedKey key = new BuildCache.ParsedKey(file.text().text(), includeDrafts, stripUnsafe);
    BuildCache.Parsed hit = cache.parsed.get(file.relativePath());
    if (hit == null || !hit.key().equals(key)) {
      Diagnostics own = new Diagnostics();
      Set<String> ownDrafts = new HashSet<>();
      Set<String> ownBroken = new HashSet<>();
      Optional<Page> page = page(file, includeDrafts, stripUnsafe, ownDrafts, ownBroken, own);
      hit = new BuildCache.Parsed(key, page, own.sorted(), !ownDrafts.isEmpty(), !ownBroken.isEmpty());
      cache.parsed.put(file.relativePath(), hit);
    }
    diagnostics.addAll(hit.diagnostics());
    String output = SourceLoader.outputPath(file.relativePath());
    if (hit.draft()) {
      drafts.add(output);
    }
    if (hit.broken()) {
      broken.add(output);
    }
    return hit.page();
  }

  private Optional<Page> page(ContentFile file, boolean includeDrafts, boolean stripUnsafe, Set<String> drafts, Set<String> broken, Diagnostics diagnostics) {
    SourceText source = file.text();
    Optional<ParsedPage> parsed = frontMatter.parse(source, diagnostics);
    String output = SourceLoader.outputPath(file.relativePath());
    if (parsed.isEmpty()) {
      broken.add(output); // its errors are reported; links to it should not be reported again
      return Optional.empty();
    }
    if (parsed.get().frontMatter().draft() && !includeDrafts) {
      drafts.add(output);
      return Optional.empty();
    }
    RenderedMarkdown rendered;
    try {
      rendered = markdown.render(parsed.get().body(), parsed.get().bodyOffset());
    } catch (StackOverflowError e) {
      // Pathological input (thousands of nested quotes, a line of ten thousand '*') can exhaust
      // the parser's stack; that is the page's problem to report, not a crash of the build.
      diagnostics.add(source.error(source.lineOf(parsed.get().bodyOffset()), 1,
          "this page is too deeply nested or too repetitive to render (for example thousands of nested quotes or list levels, or a line of thousands of '*'); simplify it"));
      broken.add(output);
      return Optional.empty();
    }
    for (RawHtmlProblem problem : rendered.rawHtmlProblems()) {
      diagnostics.add(stripUnsafe
          ? source.atOffset(problem.offset(), Severity.WARNING, problem.message() + " (removed, as site.yml sets raw_html: strip)")
          : source.atOffset(problem.offset(), Severity.ERROR, problem.message()));
    }
    ProcessedHtml html = postProcessor.process(rendered.html());
    return Optional.of(new Page(file.relativePath(), output, source, parsed.get().frontMatter(), html.html(), html.headings(), html.ids(), rendered.links()));
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
    pages.add(generated(GeneratedPages.INDEX, "A to Z index", "Every page and glossary term in " + site.title() + ", from A to Z.",
        GeneratedPages.index(navigation.readingOrder(), hasGlossary ? terms : List.of(), GlossaryPage.OUTPUT)));
    if (!tags.isEmpty()) {
      pages.add(generated(GeneratedPages.TAGS, "Tags", "The topics that group pages across the sections of " + site.title() + ".", GeneratedPages.tagList(tags)));
      for (Map.Entry<String, List<Page>> tag : tags.entrySet()) {
        pages.add(generated(GeneratedPages.tagPath(tag.getKey()), "Pages tagged \u201c" + tag.getKey() + "\u201d", "", GeneratedPages.tagPage(tag.getKey(), tag.getValue())));
      }
    }
    String homeTitle = navigation.readingOrder().isEmpty() ? site.title() : navigation.readingOrder().get(0).title();
    pages.add(generated(GeneratedPages.NOT_FOUND, "Page not found", "", GeneratedPages.notFound(homeTitle)));
  }

  /**
   * Links glossary terms in every page that wants it, and warns about terms no page uses.
   *
   * @return each page's finished body, by output path
   */
  private Map<String, String> linkTerms(List<Page> pages, List<Term> terms, SourceSet sources, Diagnostics diagnostics) {
    Map<String, TermLinker.Entry> names = new LinkedHashMap<>();
    for (Term term : terms) {
      String definition = term.definitionText(markdown);
      TermLinker.Entry entry = new TermLinker.Entry(term.id(), term.term(), definition);
      names.put(term.term(), entry);
      for (String alias : term.aliases()) {
        names.put(alias, entry);
      }
    }
    TermLinker linker = new TermLinker(names);
    Set<String> used = ConcurrentHashMap.newKeySet();
    Map<String, String> bodies = new ConcurrentHashMap<>();
    boolean hasGlossary = pages.stream().anyMatch(p -> p.outputPath().equals(GlossaryPage.OUTPUT));
    pages.parallelStream().forEach(page -> {
      if (!hasGlossary || !page.frontMatter().glossary() || page.source() == null || page.sourcePath() == null) {
        bodies.put(page.outputPath(), page.html());
        return;
      }
      TermLinker.Linked linked = linker.link(page.html(), SitePaths.relative(page.outputPath(), GlossaryPage.OUTPUT), "");
      used.addAll(linked.usedIds());
      bodies.put(page.outputPath(), linked.html());
    });
    // With errors, a term may look unused only because the page using it failed: say nothing yet.
    sources.dataFile(GlossaryLoader.FILE).filter(file -> !diagnostics.hasErrors()).ifPresent(file -> {
      for (Term term : terms) {
        if (!used.contains(term.id())) {
          diagnostics.add(file.text().atOffset(term.offset(), Severity.WARNING, "the glossary term '" + term.term() + "' is not used on any page; remove it or use it"));
        }
      }
    });
    return bodies;
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
