package org.practicalpartnerships.handbook.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.serve.BuildResult;
import org.practicalpartnerships.handbook.serve.PreviewServer;

/**
 * The preview's error panel, in Chromium: while the build has errors it sits above the page
 * without covering the page's header or title, and folds to one line (and stays folded on the
 * next reload while the problems are the same). Served by the real preview server over site/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorOverlayIT {
  static final String PAGE = "behaviours/co-operation.html";
  PreviewServer server;
  Browser browser;

  @BeforeAll
  void start() throws Exception {
    assertTrue(Browser.available(), "install Debian's chromium and chromium-driver first: .ci/install-browser");
    server = PreviewServer.start(SitePages.SITE, "127.0.0.1", 0);
    List<Diagnostic> problems = List.of(
        new Diagnostic("content/behaviours/co-operation.md", 2, 8, Severity.ERROR,
            "invalid YAML: this value has ': ' in it, which YAML reads as the start of another key; put the whole value in quotes: title: \"Co-operation: a guide\"",
            "title: Co-operation: a guide"),
        new Diagnostic("content/index.md", 7, 18, Severity.ERROR, "no page or file 'co-operaton.md' in the content folder; did you mean 'behaviours/co-operation.md'?",
            "Read about [co-operation](co-operaton.md) first."),
        new Diagnostic("content/decide.yml", 15, 8, Severity.ERROR, "invalid YAML: this list is never closed; add the closing ']' at its end", "start: [goals"),
        new Diagnostic("content/practice/index.md", 3, 1, Severity.WARNING, "the tag 'budgets' is on this page only", "tags: [budgets]"));
    server.buildFinished(BuildResult.failure(problems));
    browser = new Browser(true);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** The element at the middle of {@code selector}'s box, scrolled into view: what a reader sees there. */
  boolean uncovered(String selector) {
    return (Boolean) browser.driver.executeScript(
        "var e = document.querySelector(arguments[0]); e.scrollIntoView({block: 'nearest'});"
            + "var r = e.getBoundingClientRect(); var at = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + r.height / 2);"
            + "return at !== null && (at === e || e.contains(at));", selector);
  }

  double top(String selector) {
    return ((Number) browser.driver.executeScript("return document.querySelector(arguments[0]).getBoundingClientRect().top + window.scrollY;", selector)).doubleValue();
  }

  double height(String selector) {
    return ((Number) browser.driver.executeScript("return document.querySelector(arguments[0]).getBoundingClientRect().height;", selector)).doubleValue();
  }

  boolean open() {
    return (Boolean) browser.driver.executeScript("return document.querySelector('#handbook-errors details').open;");
  }

  @Test
  void thePanelSitsAboveThePageWithoutCoveringItsHeaderOrTitleAndFolds() throws Exception {
    for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
      browser.size(size);
      browser.driver.get(server.url().resolve("/" + PAGE).toString());
      browser.driver.executeScript("sessionStorage.clear();");
      browser.driver.navigate().refresh();
      String where = " at " + size.getWidth() + " px";
      assertTrue(browser.driver.findElement(By.id("handbook-errors")).isDisplayed(), "the panel shows" + where);
      assertTrue(open(), "it opens with the problems listed" + where);
      assertTrue(browser.driver.findElement(By.id("handbook-errors")).getText().contains("co-operaton.md"), where);
      double panelBottom = top("#handbook-errors") + height("#handbook-errors");
      assertTrue(top(".site-header") >= panelBottom - 1, "the page's header starts below the panel" + where);
      assertTrue(uncovered(".site-header"), "nothing covers the page's header" + where);
      assertTrue(uncovered("main h1"), "nothing covers the page's title" + where);
      if (size.equals(Browser.DESKTOP)) {
        double h1 = top("main h1");
        assertTrue(h1 + height("main h1") <= size.getHeight(), "the title is in the first screen with the panel open (" + h1 + ")" + where);
        browser.screenshot(Path.of("target", "screenshots", "error-panel-open.png"));
      }

      double openHeight = height("#handbook-errors");
      browser.driver.findElement(By.cssSelector("#handbook-errors summary")).click();
      assertFalse(open(), "the summary folds the panel" + where);
      assertTrue(height("#handbook-errors") < openHeight && height("#handbook-errors") < 140, "folded, it is a line or two: " + height("#handbook-errors") + where);
      assertTrue(browser.driver.findElement(By.cssSelector("#handbook-errors summary")).getText().contains("Show details"), where);
      assertTrue(uncovered("main h1"), where);
      if (size.equals(Browser.DESKTOP)) {
        browser.screenshot(Path.of("target", "screenshots", "error-panel-folded.png"));
      }

      browser.driver.navigate().refresh();
      assertFalse(open(), "it stays folded when the page reloads with the same problems" + where);
      browser.driver.findElement(By.cssSelector("#handbook-errors summary")).click();
      assertTrue(open(), "and opens again" + where);
    }
  }
}
