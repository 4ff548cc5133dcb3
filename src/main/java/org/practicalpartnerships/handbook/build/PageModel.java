package org.practicalpartnerships.handbook.build;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateModelException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.practicalpartnerships.handbook.config.SiteConfig;
import org.practicalpartnerships.handbook.model.Heading;
import org.practicalpartnerships.handbook.model.Page;

/**
 * The data a template sees for one page, as plain maps, lists and strings (the sandbox: no Java
 * object reaches a template). The README documents every name.
 */
final class PageModel {
  private PageModel() {}

  static Map<String, Object> of(Page page, SiteConfig site, String version) {
    Map<String, Object> siteMap = new LinkedHashMap<>();
    siteMap.put("title", site.title());
    siteMap.put("language", site.language());
    siteMap.put("description", site.description());
    siteMap.put("baseUrl", site.baseUrl().orElse(""));

    Map<String, Object> pageMap = new LinkedHashMap<>();
    pageMap.put("title", page.title());
    String description = page.frontMatter().description().isEmpty() ? site.description() : page.frontMatter().description();
    pageMap.put("description", description);
    pageMap.put("url", page.outputPath());
    pageMap.put("source", page.sourcePath() == null ? "" : page.sourcePath());
    pageMap.put("layout", page.frontMatter().layout());
    pageMap.put("tags", page.frontMatter().tags());
    pageMap.put("isHome", page.outputPath().equals("index.html"));
    pageMap.put("canonical", site.baseUrl().map(base -> base + page.outputPath()).orElse(""));
    pageMap.put("content", markup(page.html()));
    List<Map<String, Object>> toc = new ArrayList<>();
    for (Heading h : page.headings()) {
      if (h.level() <= 3) {
        toc.add(Map.of("level", h.level(), "id", h.id(), "text", h.text()));
      }
    }
    pageMap.put("toc", toc);

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("site", siteMap);
    model.put("page", pageMap);
    model.put("root", page.rootPrefix());
    model.put("assets", page.rootPrefix() + "assets/");
    model.put("generator", "Handbook " + version);
    return model;
  }

  private static Object markup(String html) {
    try {
      return HTMLOutputFormat.INSTANCE.fromMarkup(html);
    } catch (TemplateModelException e) {
      throw new IllegalStateException(e);
    }
  }
}
