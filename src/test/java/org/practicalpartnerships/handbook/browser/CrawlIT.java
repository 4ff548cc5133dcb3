package org.practicalpartnerships.handbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Served as it will be published: site/ under a path prefix on a plain static file server. A crawl
 * from the home page finds every link, asset and anchor resolving and reaches every page.
 */
class CrawlIT {

  @Test
  void everyLinkAssetAndAnchorResolvesUnderAPathPrefix() throws IOException, InterruptedException {
    try (StaticServer server = new StaticServer(SitePages.SITE, "/handbook/")) {
      HttpClient http = HttpClient.newHttpClient();
      Map<String, Document> fetched = new HashMap<>();
      Map<String, Integer> status = new HashMap<>();
      List<String[]> anchors = new ArrayList<>();
      Deque<String> queue = new ArrayDeque<>(List.of(server.root() + "index.html"));
      List<String> problems = new ArrayList<>();
      while (!queue.isEmpty()) {
        String url = queue.poll();
        if (status.containsKey(url)) {
          continue;
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        status.put(url, response.statusCode());
        if (response.statusCode() != 200) {
          continue;
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
          continue;
        }
        Document doc = Jsoup.parse(response.body(), url);
        fetched.put(url, doc);
        for (Element e : doc.select("a[href], link[href], img[src], script[src], form[action]")) {
          String raw = e.hasAttr("href") ? e.attr("href") : e.hasAttr("action") ? e.attr("action") : e.attr("src");
          if (raw.startsWith("http:") || raw.startsWith("https:") || raw.startsWith("mailto:")) {
            continue;
          }
          if (raw.startsWith("/")) {
            problems.add(url + ": root-relative " + raw);
            continue;
          }
          URI target = URI.create(url).resolve(raw);
          String page = target.getScheme() + "://" + target.getRawAuthority() + target.getRawPath();
          if (!page.startsWith(server.root())) {
            problems.add(url + ": leaves the handbook: " + raw);
            continue;
          }
          if (target.getRawFragment() != null && !target.getRawFragment().isEmpty()) {
            anchors.add(new String[] {url, page, target.getFragment()});
          }
          queue.add(page);
        }
      }
      status.forEach((url, code) -> {
        if (code != 200) {
          problems.add("HTTP " + code + " for " + url);
        }
      });
      for (String[] anchor : anchors) {
        Document target = fetched.get(anchor[1]);
        if (target != null && target.getElementById(anchor[2]) == null) {
          problems.add(anchor[0] + ": no #" + anchor[2] + " on " + anchor[1]);
        }
      }
      assertEquals(List.of(), problems, String.join("\n", problems));
      Set<String> unreached = new TreeSet<>(SitePages.all());
      for (String url : fetched.keySet()) {
        unreached.remove(url.substring(server.root().length()));
      }
      assertEquals(Set.of("404.html"), unreached, "pages no link reaches");
    }
  }
}
