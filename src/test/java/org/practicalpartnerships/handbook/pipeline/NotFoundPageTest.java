package org.practicalpartnerships.handbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 404.html, which a web server shows at the address of any missing page, at any depth: every URL
 * on it starts from base_url's path, and without base_url the build says what to set, once.
 * (NotFoundPageIT serves it as nginx does, in Chromium.)
 */
class NotFoundPageTest {
  @TempDir Path dir;

  TestSite site(String siteYml) throws IOException {
    TestSite site = new TestSite(dir)
        .page("index.md", "Home", "See [the guide](guide/index.md).")
        .page("guide/index.md", "Guide", "See [steps](steps.md).")
        .page("guide/steps.md", "Steps", "Do this.");
    if (siteYml != null) {
      site.write("content/site.yml", siteYml);
    }
    return site;
  }

  /** Every URL in a document: links, stylesheets, scripts, images, forms. */
  static List<String> urls(Document doc) {
    List<String> urls = new ArrayList<>();
    for (Element e : doc.select("[href], [src], [action]")) {
      urls.add(e.hasAttr("href") ? e.attr("href") : e.hasAttr("src") ? e.attr("src") : e.attr("action"));
    }
    return urls;
  }

  @Test
  void everyUrlStartsFromBaseUrlsPath() throws IOException {
    TestSite site = site("title: T\nbase_url: https://example.org/handbook\n");
    assertEquals(0, site.build(), site.stderr());
    assertFalse(site.stderr().contains("base_url"), site.stderr());
    Document page = site.read("404.html");
    List<String> urls = urls(page);
    assertTrue(urls.containsAll(List.of("/handbook/assets/handbook.css", "/handbook/index.html", "/handbook/guide/index.html", "/handbook/a-z.html", "/handbook/search.html", "#main")), urls.toString());
    for (String url : urls) {
      assertTrue(url.startsWith("/handbook/") || url.startsWith("#"), "a URL that breaks at another depth: " + url);
    }
    assertNull(page.selectFirst("base"), "no <base>: it would send the skip link (#main) to the home page");
    assertNull(page.selectFirst("link[rel=canonical]"), "the 404 page has no address of its own");
    assertEquals("../assets/handbook.css", site.read("guide/steps.html").selectFirst("link[rel=stylesheet]").attr("href"), "other pages stay relative");
  }

  @Test
  void aHandbookAtTheHostsRootStartsFromSlash() throws IOException {
    TestSite site = site("base_url: https://example.org\n");
    assertEquals(0, site.build(), site.stderr());
    assertEquals("/assets/handbook.css", site.read("404.html").selectFirst("link[rel=stylesheet]").attr("href"));
  }

  @Test
  void withoutBaseUrlTheBuildSaysWhatToSetOnce() throws IOException {
    TestSite site = site("title: T\n");
    assertEquals(0, site.build(), site.stderr());
    assertTrue(site.stderr().startsWith("content/site.yml: warning: no base_url is set, so 404.html keeps its styles and links only for missing pages in the handbook's top folder; "
        + "set base_url, the address the handbook is published at (such as 'base_url: https://example.org/handbook/'), and it works at any depth\n"), site.stderr());
    assertEquals(1, site.stderr().lines().filter(line -> line.contains(": warning: ")).count(), "once: " + site.stderr());
    assertEquals("assets/handbook.css", site.read("404.html").selectFirst("link[rel=stylesheet]").attr("href"), "it works in the top folder, as before");
    assertEquals(1, site.build("--strict"), "--strict makes it an error");
  }

  /** Issue 16, item 14: a site.yml that cannot be read says so, and nothing more about base_url. */
  @Test
  void aBrokenSiteYmlGetsItsOwnErrorOnlyNotAWarningAboutBaseUrl() throws IOException {
    for (String broken : List.of("title: \"T\nlanguage: en\n", "title: T\nbase_ur: https://example.org/handbook/\n", "title: T\nbase_url: [https://example.org/\n")) {
      TestSite site = site(broken);
      assertEquals(1, site.build(), site.stderr());
      assertTrue(site.stderr().startsWith("content/site.yml:"), site.stderr());
      assertFalse(site.stderr().contains("warning"), "no warning about what the broken file may hold: " + site.stderr());
      assertTrue(site.stderr().contains("build failed: 1 error;"), site.stderr());
    }
  }

  @Test
  void withoutSiteYmlTheWarningIsAtTheContentFolder() throws IOException {
    TestSite site = site(null);
    assertEquals(0, site.build(), site.stderr());
    assertTrue(site.stderr().startsWith("content: warning: there is no site.yml with base_url, so 404.html"), site.stderr());
  }
}
