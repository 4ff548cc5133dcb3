package org.practicalpartnerships.handbook.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;

/**
 * The fixture handbook the PDF tests render: the chapters in {@code src/test/resources/pdf/}
 * (sections as the print page has them) with the real {@code templates/pdf.css} and fonts.
 */
final class PdfFixture {
  static final Path RESOURCES = Path.of("src/test/resources/pdf");
  static final Path TEMPLATES = Path.of("templates");
  static final LocalDate DATE = LocalDate.of(2026, 12, 1);

  private PdfFixture() {}

  static PdfEdition edition(Optional<String> baseUrl) {
    return new PdfEdition("Practical partnerships", "en-GB", "A plain-English handbook for partners.", "Practical Partnerships Network", DATE,
        "Published under the Creative Commons Attribution 4.0 licence.", baseUrl);
  }

  static List<PdfChapter> chapters() {
    return PdfChapter.fromPrintPage(Jsoup.parseBodyFragment(read(RESOURCES.resolve("chapters.html"))).body(), Map.of("p-working-cooperation", 2));
  }

  static PdfStylesheet stylesheet() {
    return stylesheet(read(TEMPLATES.resolve("pdf.css")));
  }

  static PdfStylesheet stylesheet(String css) {
    return new PdfStylesheet("pdf.css", "templates/pdf.css", css);
  }

  /** The whole fixture as a book: cover, contents, five chapters. */
  static PdfRequest book() {
    return book(Optional.empty());
  }

  static PdfRequest book(Optional<String> baseUrl) {
    return new PdfRequest(edition(baseUrl), PdfBody.book("print.html", chapters(), "Contents"), stylesheet(),
        PdfResources.folder(RESOURCES.resolve("site")), PdfResources.folder(TEMPLATES));
  }

  /** A one-page PDF of the given chapter HTML, with the given stylesheet. */
  static PdfRequest page(String html, PdfStylesheet stylesheet) {
    return new PdfRequest(edition(Optional.empty()), PdfBody.page("page.html", new PdfChapter("main", "A page", 1, html)), stylesheet,
        PdfResources.folder(RESOURCES.resolve("site")), PdfResources.folder(TEMPLATES));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
