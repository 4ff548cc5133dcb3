package org.practicalpartnerships.handbook.outputs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.nodes.Entities;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.model.Page;

/** {@code sitemap.xml}, when site.yml sets {@code base_url}: every page's address but the "not found" page's. */
public final class SitemapOutput implements Output {
  public static final String PATH = "sitemap.xml";

  @Override
  public List<OutputFile> files(SiteView view, List<Page> pages, Diagnostics diagnostics) {
    if (view.settings().baseUrl().isEmpty()) {
      return List.of();
    }
    Set<String> paths = new TreeSet<>();
    for (Page page : pages) {
      paths.add(page.outputPath());
    }
    paths.remove(NotFoundOutput.PATH);
    return List.of(new OutputFile(PATH, List.of(sitemap(view.settings().baseUrl().get(), paths).getBytes(StandardCharsets.UTF_8))));
  }

  static String sitemap(String baseUrl, Set<String> paths) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (String path : new TreeSet<>(paths)) {
      xml.append("  <url><loc>").append(Entities.escape(baseUrl + path)).append("</loc></url>\n");
    }
    return xml.append("</urlset>\n").toString();
  }
}
