package org.practicalpartnerships.handbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * Every page has no axe-core violations of the WCAG 2.0, 2.1 and 2.2 A and AA rules, in headless
 * Chromium, at a desktop and a phone width, in light and in dark mode (so colour contrast holds in
 * both).
 */
class AccessibilityIT extends BrowserJourney {
  static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

  @Test
  void noViolationsOnAnyPageAtAnyWidthInLightOrDarkMode() throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> pages = SitePages.all();
    for (String scheme : List.of("light", "dark")) {
      withScript.colourScheme(scheme);
      for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
        withScript.size(size);
        for (String page : pages) {
          withScript.driver.get(server.root() + page);
          // Legacy mode runs axe in the page itself, without opening a window to reach into
          // frames: the handbook has no frames, and the window switch timed out on a loaded machine.
          Results results = new AxeBuilder().withTags(WCAG).setLegacyMode(true).analyze(withScript.driver);
          for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
              problems.add(page + " [" + scheme + ", " + size.width + "px] " + rule.getId() + ": " + rule.getHelp() + " at " + node.getTarget() + " " + node.getHtml());
            }
          }
        }
      }
    }
    assertEquals(List.of(), problems, String.join("\n", problems));
  }
}
