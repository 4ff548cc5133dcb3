package org.practicalpartnerships.handbook.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.frontmatter.FrontMatterParser;
import org.practicalpartnerships.handbook.frontmatter.ParsedPage;
import org.practicalpartnerships.handbook.glossary.TermLinker;
import org.practicalpartnerships.handbook.html.Html;
import org.practicalpartnerships.handbook.html.VerbatimText;
import org.practicalpartnerships.handbook.lint.Lint;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.markdown.RawHtmlProblem;
import org.practicalpartnerships.handbook.markdown.RenderedMarkdown;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SitePaths;
import org.practicalpartnerships.handbook.outputs.GlossaryOutput;
import org.practicalpartnerships.handbook.outputs.PageParts;
import org.practicalpartnerships.handbook.outputs.PrintOutput;
import org.practicalpartnerships.handbook.outputs.SearchOutput;
import org.practicalpartnerships.handbook.postprocess.HtmlPostProcessor;
import org.practicalpartnerships.handbook.source.ContentFile;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * The work a build does for each Markdown page, in two steps that run in parallel over all pages:
 *
 * <ol>
 *   <li>{@link #front}: the front matter, which is all the build needs to know which pages are
 *       published (drafts are not) before any page is rendered;
 *   <li>{@link #process}: Markdown, then one jsoup document per page that is post-processed, has
 *       its glossary terms linked, gives its search entry and finally becomes its section of the
 *       print page, so the page's HTML is parsed once, not once per use.
 * </ol>
 *
 * Both are plain functions of their inputs; results carry their own diagnostics, so {@code serve}
 * can keep them for pages that did not change.
 */
public final class PageProcessor {
  /**
   * A page's front matter.
   *
   * @param parsed the page split and checked; empty when it failed or is a left-out draft
   * @param draft true for a draft left out of this build
   * @param broken true when the page has errors of its own, so links to it are not reported again
   */
  public record PageFront(ContentFile file, String outputPath, Optional<ParsedPage> parsed, List<Diagnostic> diagnostics, boolean draft, boolean broken) {}

  /**
   * A page rendered and processed.
   *
   * @param outputPath where the page is published
   * @param page the page; empty when its Markdown could not be rendered (the diagnostics say why)
   * @param parts the page's search entry and print section
   * @param usedTerms ids of the glossary entries linked from the page
   * @param diagnostics the page's own errors and warnings
   */
  public record ProcessedPage(String outputPath, Optional<Page> page, PageParts parts, Set<String> usedTerms, List<Diagnostic> diagnostics) {
    public ProcessedPage withParts(PageParts newParts) {
      return new ProcessedPage(outputPath, page, newParts, usedTerms, diagnostics);
    }
  }

  /**
   * What processing a page needs from the rest of the site, the same for every page of a build.
   *
   * @param stripUnsafeHtml site.yml's {@code raw_html: strip}
   * @param linker links glossary terms; null when the handbook has no glossary
   * @param printAnchors {@link PrintOutput#anchors} of every printed page
   * @param layoutIds the ids the templates write, which no page may use
   */
  public record PageContext(boolean stripUnsafeHtml, TermLinker linker, Map<String, String> printAnchors, Set<String> layoutIds) {}

  private final FrontMatterParser frontMatter = new FrontMatterParser();
  private final MarkdownEngine markdown;
  private final HtmlPostProcessor postProcessor = new HtmlPostProcessor();

  public PageProcessor(MarkdownEngine markdown) {
    this.markdown = markdown;
  }

  public PageFront front(ContentFile file, boolean includeDrafts) {
    Diagnostics own = new Diagnostics();
    Optional<ParsedPage> parsed = frontMatter.parse(file.text(), own);
    String output = SourceLoader.outputPath(file.relativePath());
    boolean draft = parsed.isPresent() && parsed.get().frontMatter().draft() && !includeDrafts;
    return new PageFront(file, output, draft ? Optional.empty() : parsed, own.sorted(), draft, parsed.isEmpty());
  }

  /** Processes a page whose front matter was read ({@code front.parsed()} is present). */
  public ProcessedPage process(PageFront front, PageContext context) {
    ParsedPage parsed = front.parsed().orElseThrow();
    SourceText source = front.file().text();
    List<Diagnostic> diagnostics = new ArrayList<>();
    RenderedMarkdown rendered;
    try {
      rendered = markdown.render(parsed.body(), parsed.bodyOffset());
    } catch (MarkdownEngine.TooComplex e) {
      diagnostics.add(source.atOffset(e.offset(), org.practicalpartnerships.handbook.diagnostics.Severity.ERROR, e.getMessage()));
      return new ProcessedPage(front.outputPath(), Optional.empty(), PageParts.NONE, Set.of(), diagnostics);
    }
    for (RawHtmlProblem problem : rendered.rawHtmlProblems()) {
      diagnostics.add(problem.diagnostic(source, context.stripUnsafeHtml()));
    }
    Document doc = Html.parse(rendered.html());
    diagnostics.addAll(PageIds.check(doc.body(), rendered.ids(), context.layoutIds(), source));
    HtmlPostProcessor.Structure structure = postProcessor.apply(doc.body());
    Set<String> used = context.linker() != null && parsed.frontMatter().glossary()
        ? context.linker().link(doc.body(), front.outputPath(), parsed.frontMatter().title(), SitePaths.relative(front.outputPath(), GlossaryOutput.PATH), "")
        : Set.of();
    // From here the body's text is only read and printed (twice: the page, then its print section).
    VerbatimText.swapIn(doc.body());
    Page page = Page.written(front.file().relativePath(), front.outputPath(), source, parsed.frontMatter(), doc.body().html(), structure.headings(), structure.ids(), rendered.links());
    diagnostics.addAll(Lint.pageWarnings(page, rendered));
    byte[] entry = SearchOutput.entry(page, doc.body(), false);
    // Last, as it changes the document: ids, links and heading levels for the print page.
    byte[] section = context.printAnchors().containsKey(page.outputPath())
        ? PrintOutput.section(page.outputPath(), page.title(), doc.body(), context.printAnchors())
        : new byte[0];
    return new ProcessedPage(front.outputPath(), Optional.of(page), new PageParts(entry, section), used, diagnostics);
  }

  /** A processed page with its print section made again, for when only the set of printed pages changed. */
  public static ProcessedPage reprinted(ProcessedPage processed, Map<String, String> printAnchors) {
    Page page = processed.page().orElseThrow();
    return processed.withParts(new PageParts(processed.parts().searchEntry(), PrintOutput.section(page, printAnchors)));
  }
}
