package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.TestFiles;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.pipeline.BuildRequest;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * In {@code serve} the PDFs are made in the background, after the pages: an edit is on screen at
 * once, the pages link to the PDFs (without their size and page count, which are not known yet),
 * and a request for a PDF waits for the fresh one.
 */
class BackgroundPdfTest {
  @TempDir Path dir;
  IncrementalRebuild rebuild;
  Path out;

  @BeforeEach
  void start() throws IOException {
    TestFiles.copyTree(Path.of("src/test/resources/fixtures/pdf-pages/content"), dir.resolve("content"));
    out = Files.createDirectory(dir.resolve("out"));
    rebuild = new IncrementalRebuild(new SourceLoader(dir), new MarkdownEngine(), "test",
        new BuildRequest(dir.resolve("content"), TestFiles.TEMPLATES.toAbsolutePath(), false), out);
  }

  @AfterEach
  void stop() {
    rebuild.close();
  }

  @Test
  void pagesComeFirstAndEachPdfFollowsWithTheEdit() throws IOException {
    BuildResult first = rebuild.rebuild(Set.of(dir.resolve("content")));
    assertTrue(first.success(), first.diagnostics().toString());
    String page = Files.readString(out.resolve("guide/form.html"));
    assertTrue(page.contains("href=\"form.pdf\"") && page.contains("(PDF)"), "the page links to its PDF before it is made");
    rebuild.awaitWritten("guide/form.pdf");
    rebuild.awaitWritten("handbook.pdf");
    assertTrue(text(out.resolve("guide/form.pdf")).contains("Name of the group"));
    assertTrue(text(out.resolve("handbook.pdf")).contains("Name of the group"));

    TestFiles.edit(dir.resolve("content/guide/form.md"), "| Date | |", "| Date | |\n| Budget holder | |");
    BuildResult second = rebuild.rebuild(Set.of(dir.resolve("content/guide/form.md")));
    assertTrue(second.success(), second.diagnostics().toString());
    assertTrue(Files.readString(out.resolve("guide/form.html")).contains("Budget holder"), "the page is written at once");
    rebuild.awaitWritten("guide/form.pdf");
    assertTrue(text(out.resolve("guide/form.pdf")).contains("Budget holder"), "the page's PDF follows");
    rebuild.awaitWritten("handbook.pdf");
    assertTrue(text(out.resolve("handbook.pdf")).contains("Budget holder"), "so does the whole handbook's");
    assertFalse(second.changedOutputs().contains("guide/form.pdf"), "the reload does not wait for the PDF");
  }

  private static String text(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
