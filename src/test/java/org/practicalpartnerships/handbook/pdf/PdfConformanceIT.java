package org.practicalpartnerships.handbook.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The fixture's PDFs pass veraPDF, the PDF Association's reference validator, for PDF/UA-1 and
 * PDF/A-2a with no failed rule; their pages are drawn to PNG in target/pdf-pages/ to look at.
 */
class PdfConformanceIT {
  private static byte[] book;
  private static byte[] page;

  @BeforeAll
  static void render() {
    PdfRenderer renderer = new PdfRenderer();
    PdfResult bookResult = renderer.render(PdfFixture.book());
    assertEquals(List.of(), bookResult.diagnostics());
    book = bookResult.pdf();
    PdfResult pageResult = renderer.render(PdfFixture.page("""
        <article><h1>Partnership check-up worksheet</h1><p>Answer each question with your partners.</p>
        <h2 id="purpose">Purpose</h2><table><thead><tr><th>Question</th><th>Answer</th></tr></thead>
        <tbody><tr><td>What is the shared goal?</td><td></td></tr></tbody></table>
        <p>See <a href="https://example.org/guide">the guide</a>.</p></article>""", PdfFixture.stylesheet()));
    assertEquals(List.of(), pageResult.diagnostics());
    page = pageResult.pdf();
  }

  @Test
  void theBookIsPdfUa1() throws Exception {
    assertNoFailedRules(book, PDFAFlavour.PDFUA_1);
  }

  @Test
  void theBookIsPdfA2a() throws Exception {
    assertNoFailedRules(book, PDFAFlavour.PDFA_2_A);
  }

  @Test
  void aSinglePageIsPdfUa1AndPdfA2a() throws Exception {
    assertNoFailedRules(page, PDFAFlavour.PDFUA_1);
    assertNoFailedRules(page, PDFAFlavour.PDFA_2_A);
  }

  @Test
  void everyPageIsDrawnToPngToLookAt() throws IOException {
    Path out = Files.createDirectories(Path.of("target/pdf-pages"));
    try (PDDocument doc = Loader.loadPDF(book)) {
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, 60, ImageType.RGB);
        assertTrue(inked(image) > 0.002, "page " + (i + 1) + " has something on it");
        ImageIO.write(image, "png", out.resolve(String.format("fixture-%02d.png", i + 1)).toFile());
      }
    }
  }

  /** The share of pixels that are not white. */
  private static double inked(BufferedImage image) {
    long dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
          dark++;
        }
      }
    }
    return (double) dark / ((long) image.getWidth() * image.getHeight());
  }

  private static void assertNoFailedRules(byte[] pdf, PDFAFlavour flavour) throws Exception {
    VeraPdf.assertNoFailedRules(pdf, flavour);
  }

}
