package org.practicalpartnerships.handbook.outputs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Position;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.html.Html;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SiteConfig;
import org.practicalpartnerships.handbook.pdf.PdfBody;
import org.practicalpartnerships.handbook.pdf.PdfChapter;
import org.practicalpartnerships.handbook.pdf.PdfEdition;
import org.practicalpartnerships.handbook.pdf.PdfRenderer;
import org.practicalpartnerships.handbook.pdf.PdfRequest;
import org.practicalpartnerships.handbook.pdf.PdfResources;
import org.practicalpartnerships.handbook.pdf.PdfResult;
import org.practicalpartnerships.handbook.pdf.PdfStylesheet;
import org.practicalpartnerships.handbook.source.TextDecoder;

/**
 * The PDF edition: {@code handbook.pdf}, the whole handbook in reading order (when site.yml sets
 * {@code pdf: true}), made from the print page; and, beside each written page whose front matter
 * sets {@code pdf: true}, that page on its own ({@code templates/agreement.html} gives {@code
 * templates/agreement.pdf}). Laid out with the templates' {@code pdf.css}; tagged, PDF/UA and
 * PDF/A ({@link PdfRenderer}). The PDFs are made in parallel, one per thread.
 */
public final class PdfOutput implements Output {
  public static final String PATH = "handbook.pdf";

  /** The PDF's paged-media stylesheet, at the top of the templates folder. */
  public static final String STYLESHEET = "pdf.css";

  @Override
  public List<String> templateFiles() {
    return List.of(STYLESHEET);
  }

  @Override
  public boolean slow() {
    return true;
  }

  @Override
  public List<String> plannedFiles(SiteView view, List<Page> pages) {
    List<String> planned = new ArrayList<>();
    if (view.settings().pdf() && view.settings().edition().isPresent()) {
      planned.add(PATH);
    }
    if (view.settings().edition().isPresent()) {
      pages.stream().filter(p -> p.frontMatter().pdf()).forEach(p -> planned.add(pdfPath(p.outputPath())));
    }
    return planned;
  }

  @Override
  public List<OutputFile> files(SiteView view, List<Page> pages, Diagnostics diagnostics) {
    List<Supplier<Optional<OutputFile>>> work = new ArrayList<>();
    SiteConfig settings = view.settings();
    boolean book = settings.pdf();
    List<Page> single = pages.stream().filter(p -> p.frontMatter().pdf()).toList();
    if (!book && single.isEmpty()) {
      return List.of();
    }
    Optional<PdfStylesheet> stylesheet = stylesheet(view, diagnostics);
    if (stylesheet.isEmpty()) {
      return List.of();
    }
    LocalDate date = settings.edition().orElse(null);
    if (date == null) {
      // With 'pdf: true' in site.yml, site.yml's own check says so; else the first page that asks.
      if (!book) {
        Page first = single.get(0);
        Position at = first.frontMatter().position("pdf").map(FrontMatter.KeyPosition::key).orElse(new Position(1, 1));
        diagnostics.add(first.source().error(at, "a PDF needs the date of the handbook's edition: add 'edition: YYYY-MM-DD' to site.yml"));
      }
      return List.of();
    }
    PdfResources site = PdfResources.files(view.copies());
    PdfResources templates = PdfResources.folder(view.templates());
    if (book) {
      pages.stream().filter(p -> p.outputPath().equals(PrintOutput.PATH)).findFirst().ifPresent(print -> work.add(() -> {
        List<PdfChapter> chapters = PdfChapter.fromPrintPage(Html.parse(print.html()).body(), depths(view));
        PdfEdition edition = edition(settings, settings.title(), settings.description(), date);
        return made(PATH, new PdfRequest(edition, PdfBody.book(PrintOutput.PATH, chapters, "Contents"), stylesheet.get(), site, templates), diagnostics);
      }));
    }
    for (Page page : single) {
      work.add(() -> {
        // The page's title heads it, as the layout's <h1> does on the web; its sections follow.
        String html = "<h1>" + org.jsoup.nodes.Entities.escape(page.title()) + "</h1>" + page.html();
        PdfChapter chapter = new PdfChapter("main", page.title(), 1, html);
        PdfEdition edition = edition(settings, page.title() + " – " + settings.title(), page.frontMatter().description(), date);
        return made(pdfPath(page.outputPath()), new PdfRequest(edition, PdfBody.page(page.outputPath(), chapter), stylesheet.get(), site, templates), diagnostics);
      });
    }
    return work.parallelStream().map(Supplier::get).flatMap(Optional::stream).toList();
  }

  /** Where a page's own PDF is published: beside it, with the same name. */
  public static String pdfPath(String pagePath) {
    return pagePath.substring(0, pagePath.length() - ".html".length()) + ".pdf";
  }

  private static PdfEdition edition(SiteConfig settings, String title, String description, LocalDate date) {
    return new PdfEdition(title, settings.language(), description, settings.publisher(), date, settings.licence(), settings.baseUrl());
  }

  private static Optional<OutputFile> made(String path, PdfRequest request, Diagnostics diagnostics) {
    PdfResult result = new PdfRenderer().render(request);
    diagnostics.addAll(result.diagnostics());
    return result.hasErrors() || result.pdf().length == 0 ? Optional.empty() : Optional.of(new OutputFile(path, List.of(result.pdf()), result.pages()));
  }

  private static Optional<PdfStylesheet> stylesheet(SiteView view, Diagnostics diagnostics) {
    Path file = view.templates().resolve(STYLESHEET);
    String display = view.display().apply(file);
    try {
      if (!Files.isRegularFile(file)) {
        diagnostics.add(Diagnostic.ofFile(display, Severity.ERROR, "the PDF edition needs its stylesheet: add " + STYLESHEET + " to the templates folder"));
        return Optional.empty();
      }
      if (!file.toRealPath().startsWith(view.templates().toRealPath())) {
        diagnostics.add(Diagnostic.ofFile(display, Severity.ERROR, "this symbolic link leads outside the templates folder"));
        return Optional.empty();
      }
      TextDecoder.Result decoded = TextDecoder.decode(display, Files.readAllBytes(file));
      if (decoded instanceof TextDecoder.Invalid invalid) {
        diagnostics.add(invalid.diagnostic());
        return Optional.empty();
      }
      return Optional.of(new PdfStylesheet(STYLESHEET, display, ((TextDecoder.Decoded) decoded).text().text()));
    } catch (IOException e) {
      diagnostics.add(Diagnostic.ofFile(display, Severity.ERROR, "cannot read the PDF's stylesheet: " + e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * Each printed page's depth in the navigation, by its anchor on the print page, so the PDF's
   * bookmarks and contents nest as the sidebar does: a section's own page at its folder's depth,
   * the pages in the section one deeper.
   */
  private static Map<String, Integer> depths(SiteView view) {
    Map<String, Integer> depths = new HashMap<>();
    view.printAnchors().forEach((path, anchor) -> {
      int folders = (int) path.chars().filter(c -> c == '/').count();
      boolean index = path.equals("index.html") || path.endsWith("/index.html");
      depths.put(anchor, Math.max(1, index ? folders : folders + 1));
    });
    return depths;
  }
}
