package org.practicalpartnerships.handbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader searches from the box on any page: a word, a misspelt word, a question and a word
 * spelt another way each put the expected page first, and following the first result opens it at
 * the matching section. When nothing has every word, the page says so above the closest results.
 * Without JavaScript the search page says so and points to the A to Z index.
 */
class SearchJourneyIT extends BrowserJourney {
  private WebElement firstResult(String query) {
    Browser b = withScript;
    b.driver.get(server.root() + "behaviours/co-operation.html");
    WebElement box = b.driver.findElement(By.cssSelector("header input[name=q]"));
    box.sendKeys(query, Keys.ENTER);
    return new WebDriverWait(b.driver, Duration.ofSeconds(10))
        .until(d -> d.findElements(By.cssSelector("#search-results a")).stream().findFirst().orElse(null));
  }

  @Test
  void aWordPutsThePageAboutItFirst() {
    WebElement first = firstResult("fatigue");
    assertTrue(withScript.driver.getCurrentUrl().endsWith("search.html?q=fatigue"), "the search is a shareable address");
    assertTrue(first.getDomAttribute("href").contains("understanding/why-partnership.html"), first.getDomAttribute("href"));
    first.click();
    assertEquals("Partnership: imperative and fatigue", withScript.driver.findElement(By.tagName("h1")).getText());
  }

  @Test
  void aMisspeltWordStillFindsThePage() {
    WebElement first = firstResult("curency");
    assertTrue(first.getDomAttribute("href").contains("practice/shared-currency.html"), first.getDomAttribute("href"));
    assertTrue(!withScript.driver.findElements(By.cssSelector("#search-results mark")).isEmpty(), "the snippet highlights the match");
    first.click();
    assertEquals("Finding a shared currency", withScript.driver.findElement(By.tagName("h1")).getText());
    String fragment = withScript.driver.getCurrentUrl().replaceFirst("^[^#]*#?", "");
    assertTrue(fragment.isEmpty() || withScript.driver.findElements(By.id(fragment)).size() == 1, "the result opens at a section that exists: #" + fragment);
  }

  @Test
  void aQuestionFindsThePageThatAnswersIt() {
    WebElement first = firstResult("how do we build trust?");
    assertTrue(first.getDomAttribute("href").startsWith("practice/building-trust.html"), first.getDomAttribute("href"));
    List<String> marked = withScript.driver.findElements(By.cssSelector("#search-results li:first-child mark")).stream()
        .map(e -> e.getText().toLowerCase(java.util.Locale.ROOT)).distinct().sorted().toList();
    assertTrue(marked.contains("build") && marked.contains("trust"), "the meaning words are highlighted: " + marked);
    assertTrue(marked.stream().noneMatch(w -> List.of("how", "do", "we").contains(w)), "common words are not: " + marked);
    first.click();
    assertEquals("Start small, build trust", withScript.driver.findElement(By.tagName("h1")).getText());
  }

  @Test
  void everySpellingOfAWordFindsTheSamePage() {
    for (String query : List.of("coordination", "co ordination", "coordnation")) {
      WebElement first = firstResult(query);
      assertTrue(first.getDomAttribute("href").startsWith("behaviours/co-ordination.html"), query + ": " + first.getDomAttribute("href"));
    }
    WebElement first = firstResult("organizational targets");
    assertTrue(first.getDomAttribute("href").startsWith("practice/shared-goals.html"), first.getDomAttribute("href"));
    assertTrue(withScript.driver.findElement(By.cssSelector("#search-results li:first-child .search-result-snippet")).getText().contains("organisational"),
        "the US spelling finds and highlights the handbook's");
  }

  @Test
  void whenNothingHasEveryWordThePageSaysSoAboveTheClosestResults() {
    firstResult("trust zebra");
    WebElement partial = withScript.driver.findElement(By.cssSelector("#search-results .search-partial"));
    assertTrue(partial.getText().contains("Nothing in the handbook matches \u201czebra\u201d"), partial.getText());
    String status = withScript.driver.findElement(By.id("search-status")).getText();
    assertTrue(status.contains("none with all of its words"), status);
  }

  /**
   * What only the script shows (results with all the words and with all but one, the line for
   * no result with every word, the note for common words only) meets WCAG 2.2 AA in axe-core, in
   * light and dark, on a desktop and a phone, without scrolling sideways. The rest of the page is
   * AccessibilityIT's.
   */
  @Test
  void theResultsTheScriptShowsAreAccessible() {
    List<String> problems = new ArrayList<>();
    try {
      for (String scheme : List.of("light", "dark")) {
        withScript.colourScheme(scheme);
        for (Dimension size : List.of(Browser.DESKTOP, new Dimension(390, 844))) {
          withScript.size(size);
          for (String query : List.of("can we share information about patients", "trust zebra", "how do we")) {
            withScript.driver.get(server.root() + "search.html?q=" + query.replace(' ', '+'));
            new WebDriverWait(withScript.driver, Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("search-status")).getText().isEmpty());
            String where = "\"" + query + "\" [" + scheme + ", " + size.width + "px] ";
            for (Rule rule : new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"))
                .include("#search-status").include("#search-results").analyze(withScript.driver).getViolations()) {
              for (CheckedNode node : rule.getNodes()) {
                problems.add(where + rule.getId() + ": " + rule.getHelp() + " at " + node.getTarget());
              }
            }
            Object overflow = withScript.driver.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (((Number) overflow).intValue() > 0) {
              problems.add(where + "the page scrolls sideways by " + overflow + "px");
            }
          }
        }
      }
    } finally {
      withScript.colourScheme("light");
      withScript.size(Browser.DESKTOP);
    }
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  void snippetsKeepListItemsApartFromTheNextSentence() {
    firstResult("small print");
    String snippet = withScript.driver.findElement(By.cssSelector("#search-results li:first-child .search-result-snippet")).getText();
    assertTrue(snippet.contains("small print \u00b7 Then read"), snippet);
  }

  @Test
  void resultsCanBeReachedWithTheArrowKeys() {
    firstResult("trust");
    WebElement input = withScript.driver.findElement(By.id("search-input"));
    input.sendKeys(Keys.ARROW_DOWN);
    WebElement focused = withScript.driver.switchTo().activeElement();
    List<WebElement> results = withScript.driver.findElements(By.cssSelector("#search-results a"));
    assertEquals(results.get(0), focused);
  }

  @Test
  void withoutJavaScriptTheSearchPagePointsToTheIndex() {
    Browser b = withoutScript;
    b.driver.get(server.root() + "index.html");
    b.driver.findElement(By.cssSelector("header input[name=q]")).sendKeys("trust", Keys.ENTER);
    // Waits for the form's navigation, which a loaded machine may not have finished yet.
    new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("search.html?q=trust"));
    WebElement fallback = b.driver.findElement(By.id("search-fallback"));
    assertTrue(fallback.isDisplayed());
    assertTrue(fallback.getText().contains("JavaScript"), fallback.getText());
    fallback.findElement(By.cssSelector("a[href='a-z.html']")).click();
    assertEquals("A to Z index", b.driver.findElement(By.tagName("h1")).getText());
  }
}
