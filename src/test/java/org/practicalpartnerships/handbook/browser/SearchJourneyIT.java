package org.practicalpartnerships.handbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader searches from the box on any page: a word and a misspelt word each put the expected
 * page first, and following the first result opens it at the matching section. Without
 * JavaScript the search page says so and points to the A to Z index.
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
    // Submitting navigates; under load the address may not have changed yet when ENTER returns.
    new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("search.html?q=trust"));
    WebElement fallback = b.driver.findElement(By.id("search-fallback"));
    assertTrue(fallback.isDisplayed());
    assertTrue(fallback.getText().contains("JavaScript"), fallback.getText());
    fallback.findElement(By.cssSelector("a[href='a-z.html']")).click();
    assertEquals("A to Z index", b.driver.findElement(By.tagName("h1")).getText());
  }
}
