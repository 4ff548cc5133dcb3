package org.practicalpartnerships.handbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.pdf.VeraPdf;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The real handbook's PDF edition, as committed in {@code site/}: the whole handbook in reading
 * order with bookmarks nested as the navigation, every internal link landing on a page of the PDF,
 * fonts embedded, title and language set, PDF/UA-1 and PDF/A-2a with no failed rule; and each page
 * that asks for a PDF of its own has one, linked from the page with its size and page count.
 * Pages are drawn to {@code target/pdf-pages/handbook-*.png} to look at.
 */
class HandbookPdfIT {
  static final Path SITE = Path.of("site");
  static byte[] book;

  @BeforeAll
  static void read() throws IOException {
    book = Files.readAllBytes(SITE.resolve("handbook.pdf"));
  }

  @Test
  void isPdfUa1AndPdfA2a() throws Exception {
    VeraPdf.assertNoFailedRules(book, PDFAFlavour.PDFUA_1);
    VeraPdf.assertNoFailedRules(book, PDFAFlavour.PDFA_2_A);
  }

  @Test
  void bookmarksFollowTheNavigationAndTheTextFollowsTheReadingOrder() throws IOException {
    Document home = Jsoup.parse(Files.readString(SITE.resolve("index.html")));
    List<String> sections = home.select("nav.site-nav a").eachText();
    Document print = Jsoup.parse(Files.readString(SITE.resolve("print.html")));
    List<String> order = print.select(".print-contents li").eachText();
    try (PDDocument doc = Loader.loadPDF(book)) {
      List<String> top = new ArrayList<>();
      for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
        top.add(item.getTitle());
        assertNotNull(item.findDestinationPage(doc), "bookmark '" + item.getTitle() + "' leads to a page");
      }
      // The home page's sidebar lists the top-level entries; each is a top-level bookmark, in order.
      assertEquals(sections.stream().filter(top::contains).toList(), sections, "top-level bookmarks " + top + " against the navigation " + sections);
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      int at = text.indexOf("Contents");
      for (String title : order) {
        int found = text.indexOf(title.replaceAll("\\s+", " "), at + 1);
        assertTrue(found > at, "'" + title + "' follows in reading order");
        at = found;
      }
    }
  }

  @Test
  void internalLinksLandOnPagesAndExternalLinksStayClickable() throws IOException {
    java.util.Set<String> written = new java.util.TreeSet<>(Jsoup.parse(Files.readString(SITE.resolve("print.html"))).select("main a[href^=http]").eachAttr("href"));
    java.util.Set<String> clickable = new java.util.TreeSet<>();
    try (PDDocument doc = Loader.loadPDF(book)) {
      int internal = 0;
      for (PDPage page : doc.getPages()) {
        for (PDAnnotation annotation : page.getAnnotations()) {
          if (annotation instanceof PDAnnotationLink link) {
            if (link.getAction() instanceof PDActionGoTo goTo) {
              PDPageDestination destination = (PDPageDestination) goTo.getDestination();
              assertTrue(destination.retrievePageNumber() >= 0, "an internal link leads to a page of the PDF");
              internal++;
            } else if (link.getAction() instanceof PDActionURI uri) {
              clickable.add(uri.getURI());
            }
          }
        }
      }
      assertTrue(internal > 100, internal + " internal links");
      assertTrue(clickable.containsAll(written), "every web address the handbook links to stays clickable: " + written + " in " + clickable);
      assertFalse(written.isEmpty());
    }
  }

  @Test
  void fontsAreEmbeddedAndTheDocumentSaysWhatItIs() throws IOException {
    try (PDDocument doc = Loader.loadPDF(book)) {
      assertEquals("Practical partnerships", doc.getDocumentInformation().getTitle());
      assertEquals("en-GB", doc.getDocumentCatalog().getLanguage());
      assertTrue(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle());
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertTrue(font.isEmbedded(), font.getName() + " is embedded");
        }
      }
    }
  }

  @Test
  void pagesThatAskForAPdfHaveOneLinkedWithItsSizeAndPages() throws Exception {
    for (String page : List.of("one-page.html", "templates/terms-of-reference.html", "templates/conflicts-register.html")) {
      Document html = Jsoup.parse(Files.readString(SITE.resolve(page)));
      Element link = html.selectFirst("main .download a[type=application/pdf]");
      assertNotNull(link, page + " links to its PDF");
      Path pdf = SITE.resolve(page).getParent() == null ? SITE.resolve(link.attr("href")) : SITE.resolve(page).getParent().resolve(link.attr("href"));
      byte[] bytes = Files.readAllBytes(pdf);
      try (PDDocument doc = Loader.loadPDF(bytes)) {
        String facts = html.selectFirst("main .download .download-facts").text();
        int pages = doc.getNumberOfPages();
        assertTrue(facts.startsWith("(PDF, " + pages + (pages == 1 ? " page, " : " pages, ")), facts);
        assertTrue(facts.contains(Math.round(bytes.length / 1000.0) + " KB"), facts + " for " + bytes.length + " bytes");
      }
      VeraPdf.assertNoFailedRules(bytes, PDFAFlavour.PDFUA_1);
    }
    assertFalse(Jsoup.parse(Files.readString(SITE.resolve("index.html"))).select("main .download a[href=handbook.pdf]").isEmpty(), "the home page offers the whole handbook");
    assertFalse(Jsoup.parse(Files.readString(SITE.resolve("print.html"))).select("main .download a[href=handbook.pdf]").isEmpty(), "so does the print page");
    assertFalse(Jsoup.parse(Files.readString(SITE.resolve("glossary.html"))).select("footer a[href=handbook.pdf]").isEmpty(), "and every page's footer");
  }

  @Test
  void everyPageIsDrawnToLookAt() throws IOException {
    Path out = Files.createDirectories(Path.of("target/pdf-pages"));
    try (PDDocument doc = Loader.loadPDF(book)) {
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, 40, ImageType.RGB);
        ImageIO.write(image, "png", out.resolve(String.format(Locale.ROOT, "handbook-%03d.png", i + 1)).toFile());
      }
    }
  }
}
