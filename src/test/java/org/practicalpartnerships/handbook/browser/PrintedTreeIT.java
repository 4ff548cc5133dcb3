package org.practicalpartnerships.handbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.practicalpartnerships.handbook.cli.Main;

/**
 * The printed handbook holds the decision tree as a reader can use it on paper: the fixture
 * {@code tree-pages} is built, served, and its print.html printed to A4 in Chromium as a reader's
 * "Print" would; the PDF's text has every question with where each answer leads and every
 * outcome's advice, and nothing that needs a screen.
 */
class PrintedTreeIT {
  static final Path FIXTURE = Path.of("src/test/resources/fixtures/tree-pages");
  /** The printed PDF, kept for people to look at. */
  static final Path OUT = Path.of("target", "print", "tree-pages-print.pdf");

  @Test
  void thePrintedHandbookHasTheWholeTreeAndNoButtons(@TempDir Path tmp) throws IOException {
    assertTrue(Browser.available(), "install Debian's chromium and chromium-driver first: .ci/install-browser");
    Path out = tmp.resolve("site");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // Not --strict: the fixture has no site.yml, so the build warns that base_url is unset.
    String[] args = {"build", "--content", "content", "--templates", Path.of("templates").toAbsolutePath().toString(), "--out", out.toString()};
    int exit = Main.run(args, FIXTURE.toAbsolutePath(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    try (StaticServer server = new StaticServer(out, "/handbook/"); Browser browser = new Browser(true)) {
      browser.driver.get(server.root() + "print.html");
      PrintOptions a4 = new PrintOptions();
      a4.setPageSize(new PageSize(29.7, 21.0));
      byte[] pdf = Base64.getDecoder().decode(browser.driver.print(a4).getContent());
      Files.createDirectories(OUT.getParent());
      Files.write(OUT, pdf);
      String text;
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      }
      for (String expected : List.of(
          "How should we work?", "On paper: start at Question 1",
          "Question 1: Do you share a goal?", "Yes, we share one → Question 2", "Every partner has signed up to it.", "No → Outcome: Work apart",
          "Question 2: Can you plan the work?", "Yes → Outcome: Work together",
          "Outcome: Work together", "Agree the plan and line up the pieces.", "Write the goal in one sentence.", "Name who does what.",
          "Planning what cannot be planned.", "First steps for working together",
          "Outcome: Work apart", "Each partner does its own part.", "Say who does which part.", "Meetings with no purpose.")) {
        assertTrue(text.contains(expected), "the printed tree lacks '" + expected + "':\n" + text);
      }
      for (String screenOnly : List.of("Start now", "Change your answer", "Start again", "Your answers so far", "See the whole tree at a glance", "Back")) {
        assertFalse(text.contains(screenOnly), "'" + screenOnly + "' is printed:\n" + text);
      }
      @SuppressWarnings("unchecked")
      List<String> broken = (List<String>) browser.driver.executeScript(
          "return Array.from(document.querySelectorAll('#p-decide-index a[href^=\"#\"]')).map(a => a.getAttribute('href')).filter(h => !document.getElementById(h.slice(1)));");
      assertEquals(List.of(), broken, "every arrow leads to a question or an outcome on the page");
    }
  }
}
