package org.practicalpartnerships.handbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.practicalpartnerships.handbook.cli.Main;

/**
 * The 404 page as a web server shows it: the fixture handbook {@code not-found-page} (base_url
 * {@code https://example.org/handbook/}) is built and served under {@code /handbook/} by a server
 * that answers any missing address with 404.html and status 404, as nginx's {@code error_page}
 * does. At a missing address at any depth, in Chromium, the page has its stylesheet and every
 * link on it leads somewhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotFoundPageIT {
  static final Path FIXTURE = Path.of("src/test/resources/fixtures/not-found-page");
  static final Path SHOTS = Path.of("target", "screenshots");

  StaticServer server;
  Browser browser;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void buildAndServe(@TempDir Path tmp) throws IOException {
    assertTrue(Browser.available(), "install Debian's chromium and chromium-driver first: .ci/install-browser");
    Path out = tmp.resolve("site");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = {"build", "--strict", "--content", "content", "--templates", Path.of("templates").toAbsolutePath().toString(), "--out", out.toString()};
    int exit = Main.run(args, FIXTURE.toAbsolutePath(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    server = StaticServer.withErrorPage(out, "/handbook/");
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

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"behaviours/old-page.html", "missing.html", "a/b/c/d/deep.html", "behaviours/", "behaviours/co-operation.html/extra"})
  void aMissingAddressShowsTheStyledPageWithWorkingLinks(String missing) throws Exception {
    String address = server.root() + missing;
    assertEquals(404, get(address).statusCode(), "the server says 404");
    browser.size(Browser.DESKTOP);
    browser.driver.get(address);
    assertEquals(address, browser.driver.getCurrentUrl(), "the address stays the missing page's");
    assertEquals("Page not found", browser.driver.findElement(By.tagName("h1")).getText());

    Object rules = browser.driver.executeScript(
        "return Array.from(document.styleSheets).filter(s => s.href && s.href.endsWith('/handbook/assets/handbook.css')).map(s => s.cssRules.length)[0] || 0;");
    assertTrue(((Number) rules).intValue() > 50, "the stylesheet loaded: " + rules);
    assertEquals("absolute", browser.driver.executeScript("return getComputedStyle(document.querySelector('.skip-link')).position;"),
        "the stylesheet applies: the skip link is hidden until focused");
    assertEquals("4px", browser.driver.executeScript("return getComputedStyle(document.querySelector('.site-header')).borderBottomWidth;"));

    @SuppressWarnings("unchecked")
    List<List<String>> links = (List<List<String>>) browser.driver.executeScript(
        "return Array.from(document.querySelectorAll('a[href], link[href], form[action]'))"
            + ".map(e => [e.getAttribute('href') || e.getAttribute('action'), e.href || e.action]);");
    assertTrue(links.size() > 10, "the page has its header, menu, breadcrumbs and footer: " + links);
    List<String> broken = new ArrayList<>();
    for (List<String> link : links) {
      String written = link.get(0);
      String resolved = link.get(1);
      if (written.startsWith("#")) {
        assertEquals(address + written, resolved, "a link within the page stays on it");
        if (browser.driver.findElements(By.id(written.substring(1))).isEmpty()) {
          broken.add(written + " (no such id)");
        }
        continue;
      }
      String page = resolved.contains("#") ? resolved.substring(0, resolved.indexOf('#')) : resolved;
      if (get(page).statusCode() != 200) {
        broken.add(written + " → " + page);
      }
    }
    assertEquals(List.of(), broken, "every link on the 404 page at " + missing + " resolves");

    browser.driver.findElement(By.linkText("Go to the start: Welcome")).click();
    assertEquals(server.root() + "index.html", browser.driver.getCurrentUrl());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"light", "dark"})
  void screenshots(String scheme) throws IOException {
    browser.colourScheme(scheme);
    for (var size : List.of(Browser.DESKTOP, new org.openqa.selenium.Dimension(390, 844))) {
      browser.size(size);
      browser.driver.get(server.root() + "behaviours/old-page.html");
      browser.screenshot(SHOTS.resolve("not-found-" + size.width + "-" + scheme + ".png"));
    }
    browser.colourScheme("light");
  }

  private HttpResponse<Void> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding());
  }
}
