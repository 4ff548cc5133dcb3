package org.practicalpartnerships.handbook.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.glossary.TermLinker;
import org.practicalpartnerships.handbook.html.Html;
import org.practicalpartnerships.handbook.lint.Lint;
import org.practicalpartnerships.handbook.links.LinkSet;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageRef;
import org.practicalpartnerships.handbook.model.StepNav;
import org.practicalpartnerships.handbook.model.Term;
import org.practicalpartnerships.handbook.navigation.SiteNavigation;
import org.practicalpartnerships.handbook.outputs.ContentPages;
import org.practicalpartnerships.handbook.outputs.ContentView;
import org.practicalpartnerships.handbook.outputs.Output;
import org.practicalpartnerships.handbook.outputs.PageParts;
import org.practicalpartnerships.handbook.outputs.PrintOutput;
import org.practicalpartnerships.handbook.outputs.SearchOutput;
import org.practicalpartnerships.handbook.outputs.SiteView;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.PageContext;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.PageFront;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.ProcessedPage;
import org.practicalpartnerships.handbook.postprocess.HtmlPostProcessor;
import org.practicalpartnerships.handbook.source.ContentFile;
import org.practicalpartnerships.handbook.source.SourceLoader;
import org.practicalpartnerships.handbook.templating.TemplateEngine;

/**
 * The stages between the inputs and the checks, each a plain function: the written pages' front
 * matter, the pages made from data files, every written page processed, and the site assembled
 * from them (navigation, every page's parts, the pages made from the site).
 */
final class Assembly {
  private final PageProcessor processor;
  private final MarkdownEngine markdown;
  private final List<Output> outputs;
  private final SourceLoader loader;
  private final HtmlPostProcessor postProcessor = new HtmlPostProcessor();

  Assembly(PageProcessor processor, MarkdownEngine markdown, List<Output> outputs, SourceLoader loader) {
    this.processor = processor;
    this.markdown = markdown;
    this.outputs = outputs;
    this.loader = loader;
  }

  MarkdownEngine markdown() {
    return markdown;
  }

  /**
   * The written pages' front matter, which is all it takes to know which pages are published.
   *
   * @param drafts the site paths of drafts left out of this build
   * @param broken the site paths of pages whose front matter failed: links to them are not
   *     reported again
   */
  record Fronts(List<PageFront> all, Set<String> drafts, Set<String> broken, Map<String, String> titles) {}

  Fronts fronts(Inputs inputs, Reuse reuse, Diagnostics diagnostics) {
    boolean includeDrafts = inputs.request().drafts();
    List<PageFront> all = inputs.sources().pages().parallelStream()
        .map(file -> reuse.front(file, includeDrafts, () -> processor.front(file, includeDrafts))).toList();
    Set<String> drafts = new HashSet<>();
    Set<String> broken = new HashSet<>();
    Map<String, String> titles = new TreeMap<>();
    for (PageFront front : all) {
      diagnostics.addAll(front.diagnostics());
      if (front.draft()) {
        drafts.add(front.outputPath());
      } else if (front.broken()) {
        broken.add(front.outputPath());
      } else {
        titles.put(front.outputPath(), front.parsed().get().frontMatter().title());
      }
    }
    return new Fronts(all, drafts, broken, titles);
  }

  /**
   * Every output's pages made from data files, merged in the outputs' order.
   *
   * @param titles each published written page's title, by site path
   */
  ContentPages contentPages(Inputs inputs, Map<String, String> titles, Diagnostics diagnostics) {
    ContentView view = new ContentView(inputs.sources(), inputs.settings(), inputs.glossary(), titles, markdown, postProcessor, diagnostics, inputs.contentDisplay(),
        inputs.request().preview());
    List<Page> pages = new ArrayList<>();
    List<LinkSet> links = new ArrayList<>();
    Map<String, String> outcomes = new HashMap<>();
    Map<String, List<PageRef>> pointers = new HashMap<>();
    Map<String, StepNav> steps = new HashMap<>();
    Map<String, String> printBodies = new HashMap<>();
    Set<String> broken = new HashSet<>();
    for (Output output : outputs) {
      ContentPages made = output.contentPages(view);
      pages.addAll(made.pages());
      links.addAll(made.links());
      outcomes.putAll(made.outcomes());
      pointers.putAll(made.pointers());
      steps.putAll(made.steps());
      printBodies.putAll(made.printBodies());
      broken.addAll(made.broken());
    }
    return new ContentPages(pages, links, outcomes, pointers, steps, printBodies, broken);
  }

  /** What processing draws on: printed pages are the listed ones, written or made from data. */
  PageContext context(Inputs inputs, Fronts fronts, ContentPages made) {
    Set<String> printed = new TreeSet<>(fronts.titles().keySet());
    made.pages().stream().filter(Page::listed).forEach(page -> printed.add(page.outputPath()));
    TermLinker linker = inputs.glossary().map(g -> TermLinker.of(g.terms())).orElse(null);
    return new PageContext(inputs.settings().stripUnsafeHtml(), linker, PrintOutput.anchors(printed), inputs.templates().declaredIds());
  }

  /** Every published written page processed, in source order. */
  List<ProcessedPage> process(Inputs inputs, Fronts fronts, PageContext context, Reuse reuse, Diagnostics diagnostics) {
    boolean includeDrafts = inputs.request().drafts();
    String glossaryKey = inputs.glossaryKey();
    List<ProcessedPage> processed = fronts.all().parallelStream()
        .filter(front -> front.parsed().isPresent())
        .map(front -> reuse.processed(front, includeDrafts, context, glossaryKey, () -> processor.process(front, context)))
        .toList();
    processed.forEach(result -> diagnostics.addAll(result.diagnostics()));
    return processed;
  }

  /**
   * The site as outputs see it: the written pages and those made from data, navigation over the
   * listed ones, and each listed page's search entry and print section.
   */
  SiteView site(Inputs inputs, List<ProcessedPage> processed, ContentPages made, PageContext context, Map<String, Path> copies) {
    List<Page> pages = new ArrayList<>();
    Map<String, PageParts> parts = new HashMap<>();
    for (ProcessedPage result : processed) {
      result.page().ifPresent(page -> {
        pages.add(page);
        parts.put(page.outputPath(), result.parts());
      });
    }
    List<Term> terms = inputs.glossary().map(g -> g.terms()).orElse(List.of());
    for (Page page : made.pages()) {
      pages.add(page);
      if (page.listed()) {
        Element body = Html.parse(page.html()).body();
        outputs.forEach(output -> output.trimForSearch(page, body));
        byte[] entry = SearchOutput.entry(page, body, !terms.isEmpty());
        String printed = made.printBodies().get(page.outputPath());
        byte[] section = printed == null ? PrintOutput.section(page, context.printAnchors())
            : PrintOutput.section(page.outputPath(), page.title(), Html.parse(printed).body(), context.printAnchors());
        parts.put(page.outputPath(), new PageParts(entry, section));
      }
    }
    SiteNavigation navigation = SiteNavigation.of(pages.stream().filter(Page::listed).toList());
    String servedRoot = inputs.request().preview() ? "/" : inputs.settings().basePath().orElse("");
    return new SiteView(inputs.settings(), inputs.contentDisplay(), List.copyOf(pages), navigation, terms, inputs.glossary().isPresent(), parts, context.printAnchors(),
        copies, inputs.request().templates(), loader::display, servedRoot);
  }

  /** Warnings for written pages no navigation menu leads to; the pages that one does. */
  static Set<String> reachable(SiteView site, Diagnostics diagnostics) {
    Set<String> reachable = Lint.reachable(site.navigation());
    for (Page page : site.pages()) {
      Lint.unreachable(page, reachable).ifPresent(diagnostics::add);
    }
    return reachable;
  }

  /** The written and data pages, then every output's pages made from the site. */
  List<Page> allPages(SiteView site) {
    List<Page> all = new ArrayList<>(site.pages());
    for (Output output : outputs) {
      all.addAll(output.sitePages(site));
    }
    return List.copyOf(all);
  }

  /**
   * Files copied as they are.
   *
   * @param all every copied file by site path: the content folder's assets, then the templates'
   *     {@code assets/} (a template asset wins where both have a path; {@link Addresses} reports
   *     it at the content file)
   * @param fromTemplates the templates' assets by site path
   */
  record Copies(Map<String, Path> all, Map<String, Path> fromTemplates) {}

  /** Files copied as they are: the content folder's assets, then the templates' {@code assets/}. */
  Copies copies(Inputs inputs, Diagnostics diagnostics) throws IOException {
    Map<String, Path> copies = new TreeMap<>();
    Map<String, Path> fromTemplates = new TreeMap<>();
    for (ContentFile asset : inputs.sources().assets()) {
      copies.put(asset.relativePath(), asset.absolutePath());
      // Published byte for byte: a browser must find nothing in it to run (README, "Security").
      diagnostics.addAll(org.practicalpartnerships.handbook.safety.BrowserFiles.check(asset.relativePath(), asset.absolutePath(),
          loader.display(asset.absolutePath())));
    }
    Path templatesRoot = inputs.request().templates();
    Path assets = templatesRoot.resolve(TemplateEngine.ASSETS);
    if (!Files.isDirectory(assets)) {
      return new Copies(copies, fromTemplates);
    }
    Path realRoot = templatesRoot.toRealPath();
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
        copies.put(path, file);
        fromTemplates.put(path, file);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new Copies(copies, fromTemplates);
  }
}
