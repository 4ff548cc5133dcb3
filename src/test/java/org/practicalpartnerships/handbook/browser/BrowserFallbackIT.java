package org.practicalpartnerships.handbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The browser-support policy (README, "Browser support") in a real browser: the page layout a
 * reader depends on (the sidebar, "On this page", the tree overview on a phone, printing a
 * decision-tree page) works with Baseline widely available features alone.
 *
 * <p>Every check runs twice: on the stylesheets as published, and on the stylesheets with every
 * {@code @supports} block removed, which is how a browser reads them that has none of the newer
 * features kept as enhancements (the lint in {@code mvn verify} makes sure no newer feature is
 * used outside {@code @supports}). The sidebar checks also run with JavaScript off.
 */
class BrowserFallbackIT extends BrowserJourney {
  static final Dimension WIDE = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(390, 844);

  StaticServer plain;

  @BeforeAll
  void startPlainServer() throws IOException {
    plain = new StaticServer(SitePages.SITE, "/handbook/", BrowserFallbackIT::withoutEnhancements);
  }

  @AfterAll
  void stopPlainServer() {
    if (plain != null) {
      plain.close();
    }
  }

  /** The site's root, with the stylesheets as published or without their enhancements. */
  String root(boolean enhanced) {
    return enhanced ? server.root() : plain.root();
  }

  @Test
  void theEnhancementsAreRemovedForThePlainBrowser() throws IOException {
    String css = Files.readString(SitePages.SITE.resolve("assets/handbook.css"));
    assertTrue(css.contains("@supports"), "handbook.css keeps its enhancements inside @supports");
    String stripped = withoutEnhancements(css);
    assertFalse(stripped.contains("@supports"), stripped);
    assertFalse(stripped.contains(" text-size-adjust"), "the unprefixed text-size-adjust is an enhancement");
    assertTrue(stripped.contains("-webkit-text-size-adjust"), "its fallback stays");
    assertEquals(count(stripped, '{'), count(stripped, '}'), "braces still balance");
    assertEquals("a { b: c; }\n\nd { e: f; }\n", withoutEnhancements("a { b: c; }\n@supports (x: y) { /* } */ p { q: \"}\"; } @media (z) { r { s: t; } } }\nd { e: f; }\n"));
    assertEquals("@media (w) {\n  x { y: z; }\n}", withoutEnhancements("@media (w) {\n  x { y: z; }\n  .n::details-content { display: block; }\n}"));
  }

  @ParameterizedTest(name = "enhancements: {0}, JavaScript: {1}")
  @CsvSource({"true, true", "true, false", "false, true", "false, false"})
  void theSidebarIsShownBesideTheTextOnAWideScreen(boolean enhanced, boolean javascript) {
    Browser b = browser(javascript);
    b.size(WIDE);
    b.driver.get(root(enhanced) + "behaviours/co-operation.html");
    assertFalse(b.driver.findElement(By.cssSelector(".site-nav summary")).isDisplayed(), "no 'Contents' button on a wide screen");
    List<WebElement> links = b.driver.findElements(By.cssSelector(".site-nav a"));
    assertTrue(links.size() >= 8, "the top-level entries and the open section's pages: " + links.size());
    long mainLeft = rect(b, b.driver.findElement(By.tagName("main"))).get("left").longValue();
    for (WebElement link : links) {
      assertTrue(link.isDisplayed(), link.getText() + " is shown");
      Map<String, Number> r = rect(b, link);
      assertTrue(r.get("width").doubleValue() > 20 && r.get("height").doubleValue() >= 20, link.getText() + " has room: " + r);
      assertTrue(r.get("right").doubleValue() <= mainLeft, link.getText() + " sits beside the text, not over it: " + r);
    }
    b.driver.findElement(By.cssSelector(".site-nav")).findElement(By.linkText("Making partnership work")).click();
    assertEquals("Making partnership work", b.driver.findElement(By.tagName("h1")).getText());
    assertTrue(b.driver.findElement(By.cssSelector(".site-nav a[aria-current=page]")).isDisplayed(), "the new page's sidebar is shown too");
  }

  @ParameterizedTest(name = "enhancements: {0}, JavaScript: {1}")
  @CsvSource({"true, true", "true, false", "false, true", "false, false"})
  void onAPhoneTheSidebarFoldsIntoAContentsDisclosure(boolean enhanced, boolean javascript) {
    Browser b = browser(javascript);
    b.size(PHONE);
    b.driver.get(root(enhanced) + "index.html");
    WebElement details = b.driver.findElement(By.cssSelector(".site-nav details"));
    WebElement contents = details.findElement(By.tagName("summary"));
    assertTrue(contents.isDisplayed(), "a 'Contents' button");
    assertEquals("Contents", contents.getText());
    assertNull(details.getDomAttribute("open"));
    for (WebElement link : b.driver.findElements(By.cssSelector(".site-nav a"))) {
      assertFalse(link.isDisplayed(), link.getText() + " is folded away until asked for");
    }
    assertTrue(rect(b, b.driver.findElement(By.tagName("h1"))).get("top").doubleValue() < PHONE.height / 2.0, "the page's title is in the first half of the screen");
    contents.click();
    assertNotNull(details.getDomAttribute("open"));
    for (WebElement link : b.driver.findElements(By.cssSelector(".site-nav a"))) {
      assertTrue(link.isDisplayed(), link.getText() + " shows once 'Contents' is opened");
    }
    b.driver.findElement(By.cssSelector(".site-nav")).findElement(By.linkText("Four ways of working together")).click();
    assertEquals("Four ways of working together", b.driver.findElement(By.tagName("h1")).getText());
    assertFalse(b.driver.findElement(By.cssSelector(".site-nav a[aria-current=page]")).isDisplayed(), "folded again on the next page");
  }

  @ParameterizedTest(name = "enhancements: {0}")
  @ValueSource(booleans = {true, false})
  void onAWideScreenOnThisPageSitsBesideTheTextAndStaysInView(boolean enhanced) {
    Browser b = withScript;
    b.size(WIDE);
    b.driver.get(root(enhanced) + "behaviours/co-operation.html");
    WebElement toc = b.driver.findElement(By.cssSelector("nav.toc"));
    assertEquals("On this page", toc.findElement(By.tagName("h2")).getText());
    WebElement firstText = b.driver.findElement(By.cssSelector("article > p:not(.lead):not(.page-upkeep)"));
    Map<String, Number> text = rect(b, firstText);
    Map<String, Number> list = rect(b, toc);
    assertTrue(list.get("left").doubleValue() >= text.get("right").doubleValue() + 16, "beside the text: " + list + " " + text);
    assertTrue(list.get("right").doubleValue() <= clientWidth(b), "and on the screen: " + list);
    assertTrue(text.get("width").doubleValue() >= 600, "the text keeps its measure: " + text);
    assertTrue(text.get("top").doubleValue() < 400, "the text starts in the first screen, not below the list: " + text);
    assertTrue(list.get("top").doubleValue() < 400, "the list too: " + list);
    for (WebElement link : toc.findElements(By.tagName("a"))) {
      assertTrue(link.isDisplayed(), link.getText());
    }

    b.driver.executeScript("window.scrollTo(0, 2500)");
    Map<String, Number> scrolled = rect(b, toc);
    assertTrue(scrolled.get("top").doubleValue() >= 0 && scrolled.get("top").doubleValue() <= 40, "stays in view while reading: " + scrolled);
    toc.findElements(By.tagName("a")).get(2).click();
    String id = b.driver.findElements(By.cssSelector("nav.toc a")).get(2).getDomAttribute("href").substring(1);
    assertTrue(rect(b, b.driver.findElement(By.id(id))).get("top").doubleValue() < 100, "its links jump to the heading");
  }

  @ParameterizedTest(name = "enhancements: {0}")
  @ValueSource(booleans = {true, false})
  void onANarrowScreenOnThisPageIsInTheText(boolean enhanced) {
    Browser b = withScript;
    b.size(PHONE);
    b.driver.get(root(enhanced) + "behaviours/co-operation.html");
    Map<String, Number> list = rect(b, b.driver.findElement(By.cssSelector("nav.toc")));
    Map<String, Number> text = rect(b, b.driver.findElement(By.cssSelector("article > p:not(.lead):not(.page-upkeep)")));
    assertEquals(text.get("left").doubleValue(), list.get("left").doubleValue(), 1, "in the column of the text");
    assertTrue(list.get("bottom").doubleValue() <= text.get("top").doubleValue(), "before the text");
  }

  @ParameterizedTest(name = "enhancements: {0}")
  @ValueSource(booleans = {true, false})
  void theTreeOverviewFitsAPhoneAndOffersTheListFirst(boolean enhanced) {
    Browser b = withScript;
    b.size(PHONE);
    b.driver.get(root(enhanced) + "decide/overview.html");
    long width = clientWidth(b);
    assertEquals(width, ((Number) b.driver.executeScript("return document.documentElement.scrollWidth")).longValue(), "no sideways scrolling");
    for (WebElement box : b.driver.findElements(By.cssSelector(".decide-diagram a"))) {
      Map<String, Number> r = rect(b, box);
      assertTrue(r.get("left").doubleValue() >= 0 && r.get("right").doubleValue() <= width, box.getDomAttribute("href") + " is on the screen: " + r);
    }
    WebElement first = b.driver.findElement(By.cssSelector(".decide-diagram a[href='goals.html']"));
    assertTrue(first.isDisplayed(), "the first question is shown whole");
    WebElement toList = b.driver.findElement(By.linkText("the tree as a list"));
    assertTrue(rect(b, toList).get("bottom").doubleValue() <= rect(b, b.driver.findElement(By.cssSelector("figure.decide-diagram"))).get("top").doubleValue(),
        "the way to the list comes before the diagram");
    toList.click();
    WebElement heading = b.driver.findElement(By.id("tree-as-list"));
    assertEquals("The tree as a list", heading.getText());
    assertTrue(Math.abs(rect(b, heading).get("top").doubleValue()) < 40, "the link jumps to the list: " + rect(b, heading));
  }

  @ParameterizedTest(name = "{0}, enhancements: {1}")
  @CsvSource({
      "decide/route.html, true", "decide/route.html, false",
      "decide/co-evolution.html, true", "decide/co-evolution.html, false",
      "decide/index.html, true"})
  void aDecisionTreePagePrintsWithoutButtonsOrLinksToChangeThings(String page, boolean enhanced) {
    Browser b = withScript;
    b.size(WIDE);
    b.driver.get(root(enhanced) + page);
    b.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      List<String> shown = new ArrayList<>();
      for (WebElement e : b.driver.findElements(By.cssSelector(
          ".button, .back-link, .summary-list-actions, .decide-start-again, .site-search, .site-nav, .breadcrumbs, .skip-link, .pager, .backlinks, form, button, summary"))) {
        if (e.isDisplayed()) {
          shown.add(e.getTagName() + "." + e.getDomAttribute("class") + ": " + e.getText());
        }
      }
      assertEquals(List.of(), shown, "nothing to press on paper");
      for (WebElement answer : b.driver.findElements(By.cssSelector(".decide-answers a"))) {
        assertTrue(answer.isDisplayed(), answer.getText());
        assertEquals("0px", answer.getCssValue("border-top-width"), answer.getText() + " prints as text, not as a button");
      }
      List<WebElement> rows = b.driver.findElements(By.cssSelector(".summary-list-row"));
      if (!page.endsWith("index.html")) {
        assertFalse(rows.isEmpty(), "the answers so far");
        assertTrue(b.driver.findElement(By.xpath("//h2[starts-with(., 'Your answers')]")).isDisplayed());
      }
      for (WebElement row : rows) {
        WebElement key = row.findElement(By.cssSelector(".summary-list-key"));
        WebElement value = row.findElement(By.cssSelector(".summary-list-value"));
        assertTrue(key.isDisplayed() && value.isDisplayed(), row.getText());
        assertTrue(rect(b, value).get("left").doubleValue() > rect(b, key).get("right").doubleValue(), "question and answer side by side: " + row.getText());
        assertFalse(row.getText().contains("Change"), row.getText());
      }
    } finally {
      b.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Number> rect(Browser b, WebElement e) {
    return (Map<String, Number>) b.driver.executeScript(
        "var r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height};", e);
  }

  static long clientWidth(Browser b) {
    return ((Number) b.driver.executeScript("return document.documentElement.clientWidth")).longValue();
  }

  static long count(String s, char c) {
    return s.chars().filter(x -> x == c).count();
  }

  /** Selectors of features this project once relied on that older browsers lack. */
  static final List<String> NEWER_SELECTORS = List.of("::details-content");

  /**
   * The stylesheet as a browser with only Baseline widely available features reads it: without
   * its {@code @supports} blocks, and without any rule whose selector names a newer feature (such
   * as {@code ::details-content}, Chrome 131, Safari 18.4, Firefox 143, which the sidebar once
   * needed). Comments are dropped first; strings are skipped when matching braces.
   */
  static String withoutEnhancements(String css) {
    css = css.replaceAll("(?s)/\\*.*?\\*/", "");
    for (String selector : NEWER_SELECTORS) {
      for (int at = css.indexOf(selector); at >= 0; at = css.indexOf(selector)) {
        int start = Math.max(css.lastIndexOf('}', at), css.lastIndexOf('{', at)) + 1;
        int end = blockEnd(css, at);
        css = css.substring(0, start) + css.substring(end);
      }
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < css.length()) {
      int at = css.indexOf("@supports", i);
      if (at < 0) {
        out.append(css, i, css.length());
        break;
      }
      out.append(css, i, at);
      i = blockEnd(css, at);
    }
    return out.toString();
  }

  /** Where the block that starts at the first '{' after {@code from} ends (just past its '}'). */
  static int blockEnd(String css, int from) {
    int depth = 0;
    int j = from;
    boolean opened = false;
    while (j < css.length()) {
      char c = css.charAt(j);
      if (c == '"' || c == '\'') {
        int k = j + 1;
        while (k < css.length() && css.charAt(k) != c) {
          k += css.charAt(k) == '\\' ? 2 : 1;
        }
        j = k + 1;
        continue;
      }
      j++;
      if (c == '{') {
        depth++;
        opened = true;
      } else if (c == '}' && opened && --depth == 0) {
        break;
      }
    }
    return Math.min(j, css.length());
  }
}
