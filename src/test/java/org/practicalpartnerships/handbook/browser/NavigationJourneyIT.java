package org.practicalpartnerships.handbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A reader on a phone-sized window, with JavaScript on and off: opens the contents from the
 * sidebar, reads through the handbook with "Next" to the end and back with "Previous", and
 * reaches the main content by keyboard through the skip link.
 */
class NavigationJourneyIT extends BrowserJourney {
  @ParameterizedTest(name = "JavaScript on: {0}")
  @ValueSource(booleans = {true, false})
  void readThroughTheHandbookOnAPhoneWithNextAndPrevious(boolean javascript) {
    Browser b = browser(javascript);
    b.size(Browser.PHONE);
    b.driver.get(server.root() + "index.html");
    WebElement details = b.driver.findElement(By.cssSelector(".site-nav details"));
    WebElement contents = details.findElement(By.tagName("summary"));
    assertTrue(contents.isDisplayed(), "on a phone the contents fold behind a 'Contents' button");
    assertNull(details.getDomAttribute("open"), "folded until opened");
    contents.click();
    assertNotNull(details.getDomAttribute("open"));
    b.driver.findElement(By.linkText("Understanding partnership")).click();
    assertEquals("Understanding partnership", b.driver.findElement(By.tagName("h1")).getText());
    assertEquals("page", b.driver.findElement(By.cssSelector(".site-nav a[aria-current]")).getAttribute("aria-current"));

    List<String> forward = new ArrayList<>();
    forward.add(b.driver.findElement(By.tagName("h1")).getText());
    while (!b.driver.findElements(By.cssSelector("a[rel=next]")).isEmpty() && forward.size() < 100) {
      b.driver.findElement(By.cssSelector("a[rel=next]")).click();
      forward.add(b.driver.findElement(By.tagName("h1")).getText());
    }
    assertTrue(forward.containsAll(List.of("Co-operation", "Finding a shared currency", "Glossary", "Sources and further reading")), forward.toString());
    List<String> backward = new ArrayList<>();
    backward.add(0, b.driver.findElement(By.tagName("h1")).getText());
    while (!backward.get(0).equals(forward.get(0))) {
      b.driver.findElement(By.cssSelector("a[rel=prev]")).click();
      backward.add(0, b.driver.findElement(By.tagName("h1")).getText());
    }
    assertEquals(forward, backward);
  }

  @ParameterizedTest(name = "JavaScript on: {0}")
  @ValueSource(booleans = {true, false})
  void skipLinkTakesAKeyboardUserToTheMainContent(boolean javascript) {
    Browser b = browser(javascript);
    b.size(Browser.DESKTOP);
    b.driver.get(server.root() + "behaviours/co-operation.html");
    b.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement focused = b.driver.switchTo().activeElement();
    assertEquals("Skip to main content", focused.getText());
    assertTrue(focused.isDisplayed(), "the skip link shows when focused");
    focused.sendKeys(Keys.ENTER);
    assertEquals("main", b.driver.switchTo().activeElement().getAttribute("id"));
    b.driver.switchTo().activeElement().sendKeys(Keys.TAB);
    WebElement next = b.driver.switchTo().activeElement();
    assertTrue(next.findElement(By.xpath("ancestor::main")).isDisplayed(), "the next Tab stays in the main content");
  }

  /**
   * At 320 px no page scrolls sideways and nothing on it is cut off or pushed off the screen. A
   * wide table or block of code may scroll inside its own region (a reader can still see where it
   * starts); nothing else may. This once checked only the page's own width, so the tree overview
   * passed while its diagram scrolled inside a region with the first question out of sight.
   */
  @Test
  void everyPageFitsA320PixelScreenWithoutSidewaysScrolling() throws IOException {
    Browser b = withScript;
    b.size(new org.openqa.selenium.Dimension(320, 700));
    List<String> wide = new ArrayList<>();
    for (String page : SitePages.all()) {
      b.driver.get(server.root() + page);
      Number width = (Number) b.driver.executeScript("return document.documentElement.scrollWidth");
      Number viewport = (Number) b.driver.executeScript("return document.documentElement.clientWidth");
      if (width.intValue() > viewport.intValue()) {
        wide.add(page + " is " + width + " px wide in a " + viewport + " px window");
      }
      @SuppressWarnings("unchecked")
      List<String> cut = (List<String>) b.driver.executeScript(OFF_SCREEN);
      for (String element : cut) {
        wide.add(page + ": " + element);
      }
    }
    assertEquals(List.of(), wide, String.join("\n", wide));
  }

  /**
   * Lists the elements that scroll sideways inside the page (other than a table's or code's own
   * scrolling region), that cut off their content sideways, or that reach past either edge of the
   * window. Hidden elements, the visually hidden text for screen readers, and what is inside an
   * allowed scrolling region are left out.
   */
  static final String OFF_SCREEN = """
      var vw = document.documentElement.clientWidth, out = [];
      function name(el) {
        return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.getAttribute('class') ? '.' + el.getAttribute('class').trim().split(/\\s+/).join('.') : '');
      }
      function allowed(el) { return el.matches('.table-scroll, pre'); }
      var all = document.body.querySelectorAll('*');
      for (var i = 0; i < all.length; i++) {
        var el = all[i];
        if (el.closest('.visually-hidden, .skip-link, .term-tip')) continue;
        var inside = el.parentElement && el.parentElement.closest('.table-scroll, pre');
        if (inside) continue;
        var cs = getComputedStyle(el);
        var r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden') continue;
        var overflows = el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0;
        if (overflows && (cs.overflowX === 'auto' || cs.overflowX === 'scroll') && !allowed(el)) {
          out.push(name(el) + ' scrolls sideways: ' + el.scrollWidth + ' px of content in ' + el.clientWidth + ' px');
        } else if (overflows && (cs.overflowX === 'hidden' || cs.overflowX === 'clip')) {
          out.push(name(el) + ' cuts off its content: ' + el.scrollWidth + ' px in ' + el.clientWidth + ' px');
        } else if (r.left < -1 || r.right > vw + 1) {
          out.push(name(el) + ' reaches from ' + Math.round(r.left) + ' to ' + Math.round(r.right) + ' px in a ' + vw + ' px window');
        }
      }
      return out;
      """;
}
