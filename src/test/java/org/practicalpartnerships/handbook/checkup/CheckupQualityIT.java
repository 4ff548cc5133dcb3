package org.practicalpartnerships.handbook.checkup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.practicalpartnerships.handbook.browser.Browser;
import org.practicalpartnerships.handbook.browser.BrowserJourney;

/**
 * The check-up page in the states only its script makes (results, a comparison, an error summary)
 * meets the standards every page meets in its first state (AccessibilityIT, HtmlValidityIT): no
 * axe-core violations of WCAG 2.2 A and AA at desktop and phone widths in light and dark, and no
 * Nu HTML Checker errors in the markup the script made. It also saves pictures of each state
 * under target/screenshots/checkup/ for people to look at.
 */
class CheckupQualityIT extends BrowserJourney {
  static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
  static final Path SHOTS = Path.of("target", "screenshots", "checkup");

  /** The states, each reached afresh: its name and how to reach it. */
  private Map<String, Runnable> states() {
    Map<String, Runnable> states = new LinkedHashMap<>();
    states.put("answered", () -> answered("all"));
    states.put("half-answered", () -> answered("half"));
    states.put("compare", this::compared);
    states.put("damaged-code", () -> open("#a=" + CheckupJourneyIT.Codes.make("zz99", "3".repeat(28)).replace("-33", "-3x")));
    states.put("compare-error", () -> {
      open("");
      withScript.driver.findElement(By.id("compare-codes")).sendKeys("Council: not a code" + Keys.ENTER + "Trust: zz99-1234");
      withScript.driver.findElement(By.id("compare-button")).click();
    });
    return states;
  }

  private void open(String fragment) {
    withScript.driver.get("about:blank");
    withScript.driver.get(server.root() + CheckupJourneyIT.PAGE + fragment);
  }

  /** Answers every statement (or every other), with answers spread over the scale and some "don't know". */
  private void answered(String how) {
    open("");
    withScript.driver.executeScript("var half = arguments[0] === 'half';"
        + " document.querySelectorAll('fieldset[data-statement]').forEach(function (f, i) {"
        + "   if (half && i % 2) { return; }"
        + "   var radios = f.querySelectorAll('input[type=radio]');"
        + "   radios[(i * 3 + (i > 20 ? 1 : 0)) % radios.length].click(); });", how);
  }

  private void compared() {
    answered("all");
    String first = withScript.driver.findElement(By.id("checkup-code")).getText();
    answered("half");
    String second = withScript.driver.findElement(By.id("checkup-code")).getText();
    String third = CheckupJourneyIT.Codes.make(first.substring(0, 4), "2".repeat(29));
    open("#compare=Council:" + first + ",Health%20trust:" + second + ",Voluntary%20sector:" + third);
    assertEquals(1, withScript.driver.findElements(By.cssSelector("#compare-output ol.checkup-agenda")).size(), "three partners compared");
  }

  @Test
  void noAccessibilityViolationsInAnyStateAtAnyWidthInLightOrDark() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String scheme : List.of("light", "dark")) {
      withScript.colourScheme(scheme);
      for (Dimension size : List.of(Browser.DESKTOP, new Dimension(390, 844))) {
        withScript.size(size);
        for (Map.Entry<String, Runnable> state : states().entrySet()) {
          state.getValue().run();
          String where = state.getKey() + " [" + scheme + ", " + size.width + "px] ";
          // The parts the script fills; the rest of the page is AccessibilityIT's (axe over the
          // whole page, with its 174 radio buttons, takes half a minute on a small machine). Each
          // state in light and dark, each at both widths; the error states, whose colours are
          // the check-up's own, in all four.
          boolean errorState = state.getKey().contains("error") || state.getKey().startsWith("damaged");
          if (errorState || (size.width > 500) == scheme.equals("light")) {
            check(where, problems);
          }
          Object overflow = withScript.driver.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
          if (((Number) overflow).intValue() > 0) {
            problems.add(where + "the page scrolls sideways by " + overflow + "px");
          }
          shoot(SHOTS.resolve(state.getKey() + "-" + size.width + "-" + scheme + ".png"), PICTURED.get(state.getKey()));
        }
      }
    }
    withScript.colourScheme("light");
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  void theMarkupTheScriptMakesIsValidHtml(@TempDir Path tmp) throws IOException, InterruptedException {
    withScript.size(Browser.DESKTOP);
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
        "nu.validator.client.SimpleCommandLineValidator", "--errors-only", "--format", "gnu"));
    for (Map.Entry<String, Runnable> state : states().entrySet()) {
      state.getValue().run();
      String html = (String) withScript.driver.executeScript("return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML");
      Path file = tmp.resolve(state.getKey() + ".html");
      Files.writeString(file, html);
      command.add(file.toString());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    assertEquals("", report.strip(), "the Nu HTML Checker found errors in what the script made");
    assertEquals(0, exit, report);
  }

  /** Runs axe over the parts of the page the script fills, adding each violation to {@code problems}. */
  private void check(String where, List<String> problems) {
    Results results = new AxeBuilder().withTags(WCAG).include("#checkup-notice").include("#checkup-results").include("#checkup-compare")
        .analyze(withScript.driver);
    for (Rule rule : results.getViolations()) {
      for (CheckedNode node : rule.getNodes()) {
        problems.add(where + rule.getId() + ": " + rule.getHelp() + " at " + node.getTarget() + " " + node.getHtml());
      }
    }
  }

  /** What each state's picture shows. */
  static final Map<String, String> PICTURED = Map.of(
      "answered", "#checkup-results", "half-answered", "#checkup-worksheet", "compare", ".checkup-comparing",
      "damaged-code", "main", "compare-error", ".checkup-comparing");

  /** A picture of the part of the page {@code selector} finds (at most 5,000 pixels of it), beyond the window's height. */
  @SuppressWarnings("unchecked")
  private void shoot(Path file, String selector) throws IOException {
    Files.createDirectories(file.getParent());
    Map<String, Object> box = (Map<String, Object>) withScript.driver.executeScript(
        "var r = document.querySelector(arguments[0]).getBoundingClientRect();"
            + " return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: Math.min(r.height, 5000)};", selector);
    Map<String, Object> clip = new LinkedHashMap<>();
    for (String k : List.of("x", "y", "width", "height")) {
      clip.put(k, ((Number) box.get(k)).doubleValue() + (k.equals("x") || k.equals("y") ? -8 : 16));
    }
    clip.put("scale", 1);
    Map<String, Object> shot = withScript.driver.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true, "clip", clip));
    Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
  }
}
