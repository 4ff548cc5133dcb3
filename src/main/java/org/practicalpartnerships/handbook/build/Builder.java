package org.practicalpartnerships.handbook.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.practicalpartnerships.handbook.config.SiteConfig;
import org.practicalpartnerships.handbook.config.SiteConfigLoader;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.frontmatter.FrontMatter;
import org.practicalpartnerships.handbook.frontmatter.FrontMatterParser;
import org.practicalpartnerships.handbook.frontmatter.ParsedPage;
import org.practicalpartnerships.handbook.glossary.GlossaryLoader;
import org.practicalpartnerships.handbook.glossary.GlossaryPage;
import org.practicalpartnerships.handbook.glossary.Term;
import org.practicalpartnerships.handbook.links.LinkChecker;
import org.practicalpartnerships.handbook.markdown.LinkRef;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.markdown.RenderedMarkdown;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.postprocess.HtmlPostProcessor;
import org.practicalpartnerships.handbook.postprocess.ProcessedHtml;
import org.practicalpartnerships.handbook.source.ContentFile;
import org.practicalpartnerships.handbook.source.SourceLoader;
import org.practicalpartnerships.handbook.source.SourceSet;
import org.practicalpartnerships.handbook.templating.TemplateEngine;

/**
 * The whole pipeline as one call: a {@link BuildRequest} in, a {@link BuildOutput} out (or none,
 * when there were errors), with every problem added to the diagnostics. Nothing here writes files.
 *
 * <pre>
 * load sources → front matter → Markdown → post-process → glossary → check links and layouts
 *   → templates → output files
 * </pre>
 *
 * Pages move through the per-page stages in parallel; results keep the sorted source order, so
 * the output is the same bytes on every run.
 */
public final class Builder {
  /** YAML files in the content folder that the generator reads itself instead of publishing. */
  public static final Set<String> DATA_FILES = Set.of(SiteConfig.FILE, GlossaryLoader.FILE);

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
    SourceSet sources = loader.load(request.content(), DATA_FILES, diagnostics);
    SiteConfig site = new SiteConfigLoader().load(sources.dataFile(SiteConfig.FILE).map(ContentFile::text), diagnostics);
    TemplateEngine templates = new TemplateEngine(request.templates(), loader::display);
    templates.load(diagnostics);
    if (!templates.hasLayout(FrontMatter.DEFAULT_LAYOUT)) {
      diagnostics.add(Diagnostic.ofFile(loader.display(request.templates().resolve(FrontMatter.DEFAULT_LAYOUT + ".ftlh")), Severity.ERROR, "the default layout is missing: every handbook needs a 'page.ftlh' template"));
    }

    Set<String> drafts = ConcurrentHashMap.newKeySet();
    List<Page> pages =
        sources.pages().parallelStream()
            .map(file -> page(file, request.drafts(), drafts, diagnostics))
            .flatMap(Optional::stream)
            .toList();

    List<Page> allPages = sources.dataFile(GlossaryLoader.FILE)
        .map(f -> glossaryPage(f.text(), pages, diagnostics))
        .map(g -> Stream.concat(pages.stream(), Stream.of(g)).toList())
        .orElse(pages);

    Map<String, Path> copies = new TreeMap<>();
    for (ContentFile asset : sources.assets()) {
      copies.put(asset.relativePath(), asset.absolutePath());
    }
    copyTemplateAssets(request.templates(), copies, sources, diagnostics);

    Map<String, Set<String>> targets = new HashMap<>();
    for (Page page : allPages) {
      Page clash = null;
      if (targets.putIfAbsent(page.outputPath(), page.ids()) != null || copies.containsKey(page.outputPath())) {
        clash = page;
      }
      if (clash != null) {
        diagnostics.add(Diagnostic.ofFile(page.source().displayPath(), Severity.ERROR, "another page or file is already published at '" + page.outputPath() + "'"));
      }
    }
    LinkChecker checker = new LinkChecker(targets, copies.keySet(), Set.copyOf(drafts));
    allPages.parallelStream().forEach(page -> {
      diagnostics.addAll(checker.check(page.outputPath(), page.source(), page.links()));
      checkLayout(page, templates, diagnostics);
    });

    Map<String, byte[]> files = new ConcurrentHashMap<>();
    allPages.parallelStream().forEach(page -> {
      if (templates.hasLayout(page.frontMatter().layout())) {
        templates.render(page.frontMatter().layout(), PageModel.of(page, site, version), diagnostics)
            .ifPresent(html -> files.put(page.outputPath(), html.getBytes(StandardCharsets.UTF_8)));
      }
    });
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(new BuildOutput(new TreeMap<>(files), new TreeMap<>(copies), allPages.size()));
  }

  private Optional<Page> page(ContentFile file, boolean includeDrafts, Set<String> drafts, Diagnostics diagnostics) {
    SourceText source = file.text();
    Optional<ParsedPage> parsed = frontMatter.parse(source, diagnostics);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    String output = SourceLoader.outputPath(file.relativePath());
    if (parsed.get().frontMatter().draft() && !includeDrafts) {
      drafts.add(output);
      return Optional.empty();
    }
    RenderedMarkdown rendered = markdown.render(parsed.get().body(), parsed.get().bodyOffset());
    ProcessedHtml html = postProcessor.process(rendered.html());
    return Optional.of(new Page(file.relativePath(), output, source, parsed.get().frontMatter(), html.html(), html.headings(), html.ids(), rendered.links()));
  }

  private Page glossaryPage(SourceText source, List<Page> pages, Diagnostics diagnostics) {
    List<Term> terms = new GlossaryLoader().load(source, diagnostics);
    Map<String, String> titles = new HashMap<>();
    for (Page p : pages) {
      titles.put(p.outputPath(), p.title());
    }
    String fragment = GlossaryPage.fragment(terms, markdown, titles::get);
    ProcessedHtml html = postProcessor.process(fragment);
    List<LinkRef> links = terms.stream().flatMap(t -> t.see().stream()).toList();
    FrontMatter fm = new FrontMatter("Glossary", "What the words used in this handbook mean, in plain English.", OptionalInt.of(80), FrontMatter.DEFAULT_LAYOUT, List.of(), false);
    return new Page(null, GlossaryPage.OUTPUT, source, fm, html.html(), html.headings(), html.ids(), links);
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

  private void copyTemplateAssets(Path templatesRoot, Map<String, Path> copies, SourceSet sources, Diagnostics diagnostics) throws IOException {
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
