package org.practicalpartnerships.handbook.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every real-browser test class shares: site/ served under {@code /handbook/} on loopback,
 * and two headless Chromium browsers, one with JavaScript and one without, started once per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserJourney {
  protected StaticServer server;
  protected Browser withScript;
  protected Browser withoutScript;

  @BeforeAll
  protected void startBrowsers() throws IOException {
    assertTrue(Browser.available(), "install Debian's chromium and chromium-driver first: .ci/install-browser");
    server = new StaticServer(SitePages.SITE, "/handbook/");
    withScript = new Browser(true);
    withoutScript = new Browser(false);
  }

  @AfterAll
  protected void stopBrowsers() {
    for (AutoCloseable c : new AutoCloseable[] {withScript, withoutScript, server}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // closing is best effort; the test result stands
      }
    }
  }

  protected Browser browser(boolean javascript) {
    return javascript ? withScript : withoutScript;
  }
}
