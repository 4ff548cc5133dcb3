package org.practicalpartnerships.handbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.pipeline.FixtureSitesTest;

/**
 * The published handbook in site/ as a reader meets it: every link, asset and anchor resolves
 * with relative URLs, every page is reachable from the home page, and the navigation, backlinks,
 * glossary links, print page and furniture are there. ({@link RealSiteTest} keeps site/ equal to a
 * fresh build.)
 */
class BuiltSiteTest {
  static final Path SITE = Path.of("site");
  static final Map<String, Document> pages = new HashMap<>();

  @BeforeAll
  static void read() throws IOException {
    for (String path : FixtureSitesTest.files(SITE).keySet()) {
      if (path.endsWith(".html")) {
        pages.put(path, Jsoup.parse(SITE.resolve(path).toFile(), "UTF-8", "https://example.org/prefix/" + path));
      }
    }
  }

  /** The site path a relative URL in {@code from} points to, or null when it leaves the site. */
  static String resolve(String from, String url) {
    URI base = URI.create("https://example.org/prefix/" + from);
    URI target = base.resolve(url);
    String path = target.getPath();
    return path.startsWith("/prefix/") ? path.substring("/prefix/".length()) : null;
  }

  @Test
  void everyLinkAssetAndAnchorResolvesAndEveryPageIsReachable() {
    List<String> problems = new ArrayList<>();
    Set<String> reached = new TreeSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of("index.html"));
    while (!queue.isEmpty()) {
      String path = queue.poll();
      if (!reached.add(path)) {
        continue;
      }
      Document doc = pages.get(path);
      for (Element e : doc.select("a[href], link[href], img[src], script[src], form[action]")) {
        String url = e.hasAttr("href") ? e.attr("href") : e.hasAttr("action") ? e.attr("action") : e.attr("src");
        if (url.startsWith("http:") || url.startsWith("https:") || url.startsWith("mailto:")) {
          continue;
        }
        if (url.startsWith("/")) {
          problems.add(path + ": root-relative URL " + url);
          continue;
        }
        String target = url.startsWith("#") ? path : resolve(path, url);
        if (target == null || !Files.isRegularFile(SITE.resolve(target))) {
          problems.add(path + ": broken " + url);
          continue;
        }
        int hash = url.indexOf('#');
        if (hash >= 0 && hash < url.length() - 1) {
          String id = java.net.URLDecoder.decode(url.substring(hash + 1), StandardCharsets.UTF_8);
          if (pages.get(target).getElementById(id) == null) {
            problems.add(path + ": no #" + id + " on " + target);
          }
        }
        if (target.endsWith(".html") && (e.tagName().equals("a") || e.tagName().equals("form"))) {
          queue.add(target);
        }
      }
    }
    assertEquals(List.of(), problems);
    Set<String> unreached = new TreeSet<>(pages.keySet());
    unreached.removeAll(reached);
    assertEquals(Set.of("404.html"), unreached, "every page but 404.html is reachable from the home page");
  }

  @Test
  void everyPageHasTheFurniture() {
    for (var page : pages.entrySet()) {
      Document doc = page.getValue();
      String path = page.getKey();
      assertNotNull(doc.selectFirst("a.skip-link[href=#main]"), path + ": skip link");
      assertNotNull(doc.getElementById("main"), path + ": main");
      assertEquals(1, doc.select("h1").size(), path + ": one h1");
      assertFalse(doc.select("html[lang]").isEmpty(), path + ": lang");
      assertNotNull(doc.selectFirst("nav.site-nav > details > summary"), path + ": collapsible sidebar");
      if (path.startsWith("decide/") || List.of("404.html", "search.html", "print.html", "a-z.html", "glossary.html").contains(path) || path.startsWith("tags/")) {
        assertNull(doc.getElementById("backlinks"), path + ": no 'Pages that link here' on a page the build makes");
      }
      boolean treeStep = doc.selectFirst("a.back-link") != null;
      if (!path.equals("index.html") && !path.equals("404.html") && !treeStep) {
        assertNotNull(doc.selectFirst("nav[aria-label=Breadcrumb]"), path + ": breadcrumbs");
      }
      if (treeStep) {
        assertTrue(path.startsWith("decide/"), path);
        assertNull(doc.selectFirst("nav[aria-label=Breadcrumb]"), path + ": a question or outcome has Back, not breadcrumbs repeating it");
        assertEquals("main", doc.selectFirst("a.back-link").parent().normalName(), path + ": Back comes first in main, above the title");
        assertTrue(doc.selectFirst("a.back-link").elementSiblingIndex() < doc.selectFirst("main article").elementSiblingIndex());
      }
    }
    for (String content : List.of("index.html", "behaviours/co-operation.html", "practice/shared-currency.html")) {
      assertFalse(pages.get(content).select("meta[name=description]").attr("content").isBlank(), content + ": meta description");
    }
  }

  @Test
  void sidebarMarksTheCurrentPageAndOpensOnlyItsSection() {
    Document doc = pages.get("behaviours/co-operation.html");
    Element current = doc.selectFirst(".site-nav a[aria-current=page]");
    assertEquals("Co-operation", current.text());
    assertEquals(1, doc.select(".site-nav .nav-section.is-open").size());
    assertTrue(doc.select(".site-nav .nav-section:not(.is-open) ul").isEmpty(), "closed sections list no pages");
    assertNotNull(doc.selectFirst(".site-nav a[href=../practice/index.html]"), "other sections are one link away");
  }

  @Test
  void nextLinksWalkTheWholeHandbookAndPreviousLinksWalkBack() {
    List<String> forward = new ArrayList<>();
    String path = "index.html";
    while (path != null) {
      forward.add(path);
      Element next = pages.get(path).selectFirst("a[rel=next]");
      path = next == null ? null : resolve(path, next.attr("href"));
      assertTrue(forward.size() < 200, "next links loop");
    }
    assertTrue(forward.containsAll(List.of("understanding/index.html", "behaviours/co-evolution.html", "practice/check-up.html", "glossary.html", "references.html")), forward.toString());
    List<String> backward = new ArrayList<>();
    path = forward.get(forward.size() - 1);
    while (path != null) {
      backward.add(0, path);
      Element prev = pages.get(path).selectFirst("a[rel=prev]");
      path = prev == null ? null : resolve(path, prev.attr("href"));
    }
    assertEquals(forward, backward);
  }

  @Test
  void backlinksListExactlyThePagesThatLinkHere() {
    Map<String, Set<String>> expected = new HashMap<>();
    Set<String> listed = new HashSet<>();
    for (Element a : pages.get("index.html").select(".site-nav a")) {
      listed.add(resolve("index.html", a.attr("href")));
    }
    for (var page : pages.entrySet()) {
      if (!page.getKey().startsWith("practice/") && !page.getKey().startsWith("behaviours/") && !page.getKey().startsWith("understanding/")) {
        continue;
      }
      for (Element a : page.getValue().select("article a[href]:not(.term-link):not(.heading-anchor)")) {
        String target = resolve(page.getKey(), a.attr("href"));
        if (target != null && !target.equals(page.getKey()) && pages.containsKey(target)) {
          expected.computeIfAbsent(target, t -> new TreeSet<>()).add(page.getKey());
        }
      }
    }
    Document target = pages.get("behaviours/co-ordination.html");
    Set<String> shown = new TreeSet<>();
    for (Element a : target.select("#backlinks a")) {
      shown.add(resolve("behaviours/co-ordination.html", a.attr("href")));
    }
    assertTrue(shown.containsAll(expected.get("behaviours/co-ordination.html")), "shown " + shown + " expected at least " + expected.get("behaviours/co-ordination.html"));
    Set<String> fromTree = new TreeSet<>();
    for (Element a : pages.get("understanding/different-sorts.html").select("#backlinks a")) {
      fromTree.add(resolve("understanding/different-sorts.html", a.attr("href")));
    }
    assertTrue(fromTree.contains("decide/index.html"), "the tree's start page links to the two dimensions: " + fromTree);
  }

  @Test
  void glossaryTermsLinkOnFirstUseOnlyAndNeverInHeadingsLinksOrCode() {
    Document glossary = pages.get("glossary.html");
    assertTrue(glossary.select(".glossary-entry[id]").size() >= 20);
    int linkedPages = 0;
    for (var page : pages.entrySet()) {
      Document doc = page.getValue();
      List<String> targets = doc.select("a.term-link").eachAttr("href");
      if (page.getKey().equals("print.html")) {
        continue; // every printed page keeps its own first-use links
      }
      assertEquals(new HashSet<>(targets).size(), targets.size(), page.getKey() + " links a term twice");
      assertTrue(doc.select("h1 .term, h2 .term, h3 .term, a .term, code .term").isEmpty(), page.getKey());
      for (Element link : doc.select("a.term-link")) {
        assertNotNull(doc.getElementById(link.attr("aria-describedby")), page.getKey() + ": the definition beside a term");
      }
      linkedPages += targets.isEmpty() ? 0 : 1;
    }
    assertTrue(glossary.select("a.term-link").isEmpty(), "the glossary does not link to itself");
    assertTrue(pages.get("references.html").select("a.term-link").isEmpty(), "the references page names works; it links no terms");
    for (var page : pages.entrySet()) {
      Element source = page.getValue().getElementById("source");
      if (source != null && !page.getKey().equals("print.html")) {
        Element next = source.parent().nextElementSibling();
        assertTrue(next == null || next.select("a.term-link").isEmpty(), page.getKey() + ": a term linked in the Source line: " + next);
      }
      assertTrue(page.getValue().select("em a.term-link, cite a.term-link, blockquote a.term-link").isEmpty(), page.getKey() + ": a term linked in a title");
    }
    assertFalse(pages.get("behaviours/co-operation.html").select("a.term-link").eachAttr("href").contains("../glossary.html#co-operation"),
        "the page about co-operation does not link 'co-operation' to the glossary");
    assertTrue(pages.get("behaviours/competition.html").select("a.term-link").eachAttr("href").contains("../glossary.html#co-operation"), "other pages do");
    assertTrue(linkedPages > 10, "terms are linked across the handbook");
  }

  @Test
  void aToZIndexAndTagPagesListPagesAndTerms() {
    Document az = pages.get("a-z.html");
    assertNotNull(az.selectFirst("a[href=behaviours/co-operation.html]"));
    assertNotNull(az.selectFirst("a[href=glossary.html#shared-currency]"));
    assertNotNull(az.selectFirst("nav[aria-label=Letters] a[href=#letter-c]"));
    assertNull(az.selectFirst("nav.toc"), "the letters are the contents; no 'On this page' repeats them");
    List<String> names = az.select(".az-list > li > a").eachText();
    assertEquals(new HashSet<>(names).size(), names.size(), "one entry per name: " + names);
    assertFalse(names.contains("alliances") || names.contains("broad aims") || names.contains("coevolution"), "no word variants of their own: " + names);
    Document tags = pages.get("tags/index.html");
    assertFalse(tags.select(".tag-list a").isEmpty());
    for (Element a : pages.get("behaviours/co-operation.html").select(".page-tags a")) {
      Document tagPage = pages.get(resolve("behaviours/co-operation.html", a.attr("href")));
      assertNotNull(tagPage.selectFirst(".page-list a[href=../behaviours/co-operation.html]"), a.text());
    }
  }

  @Test
  void printPageHoldsEveryPageWithLinksWithinIt() {
    Document print = pages.get("print.html");
    List<String> forward = new ArrayList<>();
    for (Element a : pages.get("index.html").select(".site-nav a")) {
      forward.add(a.text());
    }
    List<String> printed = print.select("section.print-page > h2").eachText();
    assertEquals(print.select("section.print-page").size(), printed.size());
    assertTrue(printed.containsAll(List.of("Co-operation", "Finding a shared currency", "Glossary", "Sources and further reading")), printed.toString());
    assertTrue(printed.size() >= 19, printed.toString());
    Element tree = print.getElementById("p-decide-index");
    assertEquals(5, tree.select(".decide-print-question").size(), "every question of the tree, once");
    assertEquals(9, tree.select(".decide-print-outcome").size(), "every outcome of the tree, once");
    for (Element answer : tree.select(".decide-print-answers > li")) {
      assertTrue(answer.text().contains(" → Question ") || answer.text().contains(" → Outcome: "), "each answer says where it leads: " + answer.text());
    }
    for (Element outcome : tree.select(".decide-print-outcome")) {
      assertFalse(outcome.select("ol.decide-first-steps li").isEmpty() || outcome.select("ul.decide-avoid li").isEmpty(), outcome.text());
    }
    assertTrue(print.select("section.print-page a.button, section.print-page [data-answer], section.print-page .summary-list").isEmpty(),
        "no buttons or answer links on paper");
    for (Element a : print.select("section.print-page a[href]")) {
      String href = a.attr("href");
      if (href.startsWith("#")) {
        assertNotNull(print.getElementById(href.substring(1)), "print.html has no " + href);
      } else {
        assertTrue(href.startsWith("http") || href.startsWith("tags/") || href.startsWith("decide/"), "a link left inside print.html: " + href);
      }
    }
  }

  @Test
  void notFoundPageAndNoSitemapWithoutABaseUrl() {
    Document notFound = pages.get("404.html");
    assertEquals("Page not found", notFound.selectFirst("h1").text());
    assertFalse(Files.exists(SITE.resolve("sitemap.xml")), "the real handbook sets no base_url, so it has no sitemap");
  }

  @Test
  void stylesheetHasDarkModeAndPrintRules() throws IOException {
    String css = Files.readString(SITE.resolve("assets/handbook.css"));
    assertTrue(css.contains("@media (prefers-color-scheme: dark)"));
    assertTrue(css.contains("@media print"));
    assertTrue(css.contains("a[href^=\"http\"]::after"), "print shows the URLs of external links");
  }

  @Test
  void everyRouteOfTheDecisionTreeEndsAtAnOutcome() {
    Document start = pages.get("decide/index.html");
    String first = resolve("decide/index.html", start.selectFirst("a.button").attr("href"));
    Set<String> outcomes = new TreeSet<>();
    int routes = walk(first, new ArrayList<>(), outcomes);
    assertEquals(19, routes, "the tree in content/decide.yml has nineteen routes");
    assertEquals(Set.of("co-ordination", "co-evolution", "co-operation", "compete", "separate", "shared-currency", "shared-goal-first", "test-route", "trial"), outcomes);
    assertNotNull(pages.get("index.html").selectFirst("a[href=decide/index.html]"), "the home page leads to the tree");
    assertNotNull(pages.get("behaviours/co-ordination.html").selectFirst(".from-tree a[href=../decide/co-ordination.html]"), "a recommended page points back to its outcome");
  }

  /** Follows every answer from a question page; returns the number of routes that end in an outcome. */
  private int walk(String path, List<String> route, Set<String> outcomes) {
    Document doc = pages.get(path);
    assertNotNull(doc, "no page " + path + " after " + route);
    assertTrue(route.size() < 20, "the answers loop: " + route);
    Element main = doc.selectFirst("main");
    if (main.hasAttr("data-outcome")) {
      outcomes.add(main.attr("data-outcome"));
      assertEquals(route.size(), doc.select(".summary-list-row").size(), path + " sums up every answer of the route");
      return 1;
    }
    assertEquals(route.size(), doc.select(".summary-list-row").size(), path + ": your answers so far");
    for (Element change : doc.select(".summary-list-actions a")) {
      assertTrue(route.contains(resolve(path, change.attr("href"))), path + ": 'change' goes back along the reader's own route");
    }
    int routes = 0;
    for (Element answer : doc.select("a[data-answer]")) {
      List<String> next = new ArrayList<>(route);
      next.add(path);
      routes += walk(resolve(path, answer.attr("href")), next, outcomes);
    }
    assertTrue(routes > 0, path + " leads nowhere");
    return routes;
  }
}
