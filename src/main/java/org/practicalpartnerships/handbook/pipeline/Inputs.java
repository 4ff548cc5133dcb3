package org.practicalpartnerships.handbook.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.glossary.GlossaryLoader;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.config.SiteConfigLoader;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.SiteConfig;
import org.practicalpartnerships.handbook.outputs.NotFoundOutput;
import org.practicalpartnerships.handbook.outputs.Output;
import org.practicalpartnerships.handbook.outputs.Outputs;
import org.practicalpartnerships.handbook.outputs.SitemapOutput;
import org.practicalpartnerships.handbook.outputs.TagsOutput;
import org.practicalpartnerships.handbook.source.ContentFile;
import org.practicalpartnerships.handbook.source.SourceLoader;
import org.practicalpartnerships.handbook.source.SourceSet;
import org.practicalpartnerships.handbook.templating.TemplateEngine;

/**
 * What a build reads before any page is processed: the content folder's files, the settings, the
 * templates and the glossary (every page links to its terms).
 *
 * @param glossary the glossary as read; empty when there is no {@code glossary.yml}
 * @param contentDisplay the content folder as diagnostics name it
 */
record Inputs(BuildRequest request, SourceSet sources, SiteConfig settings, TemplateEngine templates, Optional<GlossaryLoader.Glossary> glossary, String contentDisplay) {

  /** Reads them all; problems go to {@code diagnostics}. */
  static Inputs load(BuildRequest request, SourceLoader loader, MarkdownEngine markdown, List<Output> outputs, Diagnostics diagnostics) throws IOException {
    List<String> dataFiles = new ArrayList<>(List.of(SiteConfig.FILE, GlossaryLoader.FILE));
    outputs.forEach(output -> dataFiles.addAll(output.dataFiles()));
    // The templates are read and compiled on another thread while the content is read: neither
    // needs the other, and on a cold start each spends most of its time loading its own classes.
    // (Diagnostics take problems from any thread and are reported sorted.)
    CompletableFuture<TemplateEngine> loading = CompletableFuture.supplyAsync(() -> templates(request, loader, outputs, diagnostics));
    SourceSet sources = loader.load(request.content(), java.util.Set.copyOf(dataFiles), generatedFiles(outputs), diagnostics);
    SiteConfig settings = new SiteConfigLoader().load(sources.dataFile(SiteConfig.FILE).map(ContentFile::text), diagnostics);
    TemplateEngine templates = joined(loading);
    if (!templates.hasLayout(FrontMatter.DEFAULT_LAYOUT)) {
      diagnostics.add(Diagnostic.ofFile(loader.display(request.templates().resolve(FrontMatter.DEFAULT_LAYOUT + ".ftlh")), Severity.ERROR,
          "the default layout is missing: every handbook needs a 'page.ftlh' template"));
    }
    Optional<GlossaryLoader.Glossary> glossary = sources.dataFile(GlossaryLoader.FILE)
        .map(file -> new GlossaryLoader(markdown, settings.stripUnsafeHtml(), templates.declaredIds()).load(file.text(), diagnostics));
    return new Inputs(request, sources, settings, templates, glossary, loader.display(request.content()));
  }

  private static TemplateEngine templates(BuildRequest request, SourceLoader loader, List<Output> outputs, Diagnostics diagnostics) {
    Set<String> templateFiles = new HashSet<>();
    outputs.forEach(output -> templateFiles.addAll(output.templateFiles()));
    try {
      TemplateEngine templates = new TemplateEngine(request.templates(), loader::display);
      templates.load(diagnostics, templateFiles);
      return templates;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The templates once loaded, with a failure to read them thrown as it would have been here. */
  private static TemplateEngine joined(CompletableFuture<TemplateEngine> loading) throws IOException {
    try {
      return loading.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * Files the outputs always make at a fixed address (the search index, the sitemap, the A to Z,
   * ...): a content folder of that name would stand where the file goes.
   */
  static java.util.Set<String> generatedFiles(List<Output> outputs) {
    java.util.Set<String> files = new java.util.HashSet<>(Outputs.templateLinks(outputs).values());
    Outputs.scripts(outputs).forEach((page, scripts) -> {
      files.add(page);
      files.addAll(scripts);
    });
    files.addAll(List.of(NotFoundOutput.PATH, SitemapOutput.PATH, TagsOutput.INDEX));
    return files;
  }

  /** The glossary file's text, or a marker when there is none: what processing's cache key needs. */
  String glossaryKey() {
    return sources.dataFile(GlossaryLoader.FILE).map(f -> f.text().text()).orElse("\u0000none");
  }
}
