package org.practicalpartnerships.handbook.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * Saves screenshots of the home page, a content page, a tree question and an outcome, at desktop
 * and phone widths, in light and dark mode, under target/screenshots/, for people to look at.
 */
class ScreenshotsIT {
  static final Path OUT = Path.of("target", "screenshots");
  static final Map<String, String> PAGES = Map.of(
      "home", "index.html",
      "content", "behaviours/co-operation.html",
      "question", "decide/route.html",
      "outcome", "decide/co-ordination.html");

  @Test
  void screenshotsOfTheKeyPages() throws IOException {
    assertTrue(Browser.available(), "install Debian's chromium and chromium-driver first: .ci/install-browser");
    try (StaticServer server = new StaticServer(SitePages.SITE, "/handbook/"); Browser b = new Browser(true)) {
      for (String scheme : List.of("light", "dark")) {
        b.colourScheme(scheme);
        for (Map.Entry<String, Dimension> size : Map.of("desktop", Browser.DESKTOP, "phone", Browser.PHONE).entrySet()) {
          b.size(size.getValue());
          for (Map.Entry<String, String> page : PAGES.entrySet()) {
            b.driver.get(server.root() + page.getValue());
            Path file = OUT.resolve(page.getKey() + "-" + size.getKey() + "-" + scheme + ".png");
            b.screenshot(file);
            assertTrue(Files.size(file) > 10_000, file + " is a real picture");
          }
        }
      }
    }
  }
}
