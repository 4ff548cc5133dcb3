package org.practicalpartnerships.handbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A reader walks "Which kind of partnership fits?" in a real browser, with JavaScript on and off:
 * from the start page to every outcome by clicking answers, and back with "Change" to revise an
 * answer.
 */
class TreeJourneyIT extends BrowserJourney {
  /** The answer labels of every route, found by clicking through the pages. */
  private List<List<String>> routes(Browser b) {
    List<List<String>> found = new ArrayList<>();
    explore(b, new ArrayList<>(), found);
    return found;
  }

  private void explore(Browser b, List<String> answers, List<List<String>> found) {
    startAgain(b);
    for (String label : answers) {
      b.driver.findElement(By.linkText(label)).click();
    }
    if (!b.driver.findElements(By.cssSelector("main[data-outcome]")).isEmpty()) {
      found.add(answers);
      return;
    }
    List<String> labels = b.driver.findElements(By.cssSelector("a[data-answer]")).stream().map(WebElement::getText).toList();
    assertTrue(labels.size() >= 2, "a question offers two or more answers");
    for (String label : labels) {
      List<String> next = new ArrayList<>(answers);
      next.add(label);
      explore(b, next, found);
    }
  }

  private void startAgain(Browser b) {
    b.driver.get(server.root() + "decide/index.html");
    b.driver.findElement(By.linkText("Start now")).click();
  }

  @ParameterizedTest(name = "JavaScript on: {0}")
  @ValueSource(booleans = {true, false})
  void everyOutcomeIsReachedByClickingAnswers(boolean javascript) {
    Browser b = browser(javascript);
    b.size(Browser.DESKTOP);
    Set<String> outcomes = new TreeSet<>();
    for (List<String> route : routes(b)) {
      startAgain(b);
      for (String label : route) {
        b.driver.findElement(By.linkText(label)).click();
      }
      WebElement main = b.driver.findElement(By.cssSelector("main[data-outcome]"));
      outcomes.add(main.getDomAttribute("data-outcome"));
      String summary = b.driver.findElement(By.cssSelector(".summary-list")).getText();
      for (String label : route) {
        assertTrue(summary.contains(label), "the outcome sums up the answer '" + label + "'");
      }
      assertFalse(b.driver.findElements(By.linkText("Start again")).isEmpty(), "an outcome offers 'Start again'");
    }
    assertEquals(Set.of("co-ordination", "co-evolution", "co-operation", "compete", "separate", "shared-currency", "shared-goal-first", "test-route", "trial"), outcomes);
  }

  @ParameterizedTest(name = "JavaScript on: {0}")
  @ValueSource(booleans = {true, false})
  void changeRevisesAnEarlierAnswer(boolean javascript) {
    Browser b = browser(javascript);
    b.size(Browser.PHONE);
    startAgain(b);
    b.driver.findElement(By.linkText("Yes, we hold a goal together and act on it")).click();
    b.driver.findElement(By.linkText("Yes, we know both")).click();
    assertEquals("co-ordination", b.driver.findElement(By.cssSelector("main")).getDomAttribute("data-outcome"));
    b.driver.findElement(By.cssSelector(".summary-list-actions a")).click();
    assertEquals("Question 1 of up to 3\nOn this piece of work, do the partners hold a goal together, beyond their own targets?", b.driver.findElement(By.tagName("h1")).getText());
    b.driver.findElement(By.linkText("No, on this work each of us pursues its own goals")).click();
    b.driver.findElement(By.linkText("Yes, each of us would gain something it values")).click();
    assertEquals("co-operation", b.driver.findElement(By.cssSelector("main")).getDomAttribute("data-outcome"));
    String summary = b.driver.findElement(By.cssSelector(".summary-list")).getText();
    assertTrue(summary.contains("No, on this work each of us pursues its own goals"), summary);
    assertFalse(summary.contains("Yes, we hold a goal together and act on it"), "the revised answer replaces the old one");
    b.driver.findElement(By.cssSelector("a.back-link")).click();
    assertEquals("Question 2 of 2\nWould working together help each organisation reach its own goals?", b.driver.findElement(By.tagName("h1")).getText());
  }

  /** The GOV.UK start page: "Start now" is on the first screen, without scrolling, on a desktop and on a phone. */
  @ParameterizedTest(name = "{0}x{1}")
  @org.junit.jupiter.params.provider.CsvSource({"1280, 900, false", "390, 844, true"})
  void startNowIsOnTheFirstScreen(int width, int height, boolean phone) {
    Browser b = browser(true);
    b.viewport(width, height, phone);
    try {
      b.driver.get(server.root() + "decide/index.html");
      assertEquals(height, ((Number) b.driver.executeScript("return window.innerHeight;")).intValue());
      Number bottom = (Number) b.driver.executeScript("return document.querySelector('a.button').getBoundingClientRect().bottom;");
      assertTrue(bottom.doubleValue() <= height, "Start now ends at " + bottom + " px, below the first " + height + " px");
      assertEquals("Start now", b.driver.findElement(By.cssSelector("a.button")).getText());
    } finally {
      b.size(Browser.DESKTOP);
    }
  }

  /** A question page: Back, then the caption and the question, and no breadcrumb repeating it. */
  @ParameterizedTest(name = "JavaScript on: {0}")
  @ValueSource(booleans = {true, false})
  void questionPagesFollowTheGovUkPattern(boolean javascript) {
    Browser b = browser(javascript);
    b.size(Browser.DESKTOP);
    startAgain(b);
    b.driver.findElement(By.linkText("No, on this work each of us pursues its own goals")).click();
    WebElement back = b.driver.findElement(By.cssSelector("main a.back-link"));
    WebElement h1 = b.driver.findElement(By.tagName("h1"));
    assertTrue(back.getRect().getY() + back.getRect().getHeight() <= h1.getRect().getY(), "Back is above the heading");
    assertEquals("Question 2 of 2", h1.findElement(By.cssSelector(".caption")).getText());
    assertTrue(b.driver.findElements(By.cssSelector("nav.breadcrumbs")).isEmpty(), "no breadcrumb repeats the question");
    assertEquals("Your answers so far", b.driver.findElement(By.cssSelector("article h2")).getText());
    back.click();
    assertTrue(b.driver.findElement(By.tagName("h1")).getText().startsWith("Question 1 of up to 3\n"));
  }
}
