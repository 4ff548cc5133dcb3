package org.practicalpartnerships.handbook.build;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateModelException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicalpartnerships.handbook.checkup.CheckupPage;
import org.practicalpartnerships.handbook.config.SiteConfig;
import org.practicalpartnerships.handbook.decisiontree.DecisionTreePages;
import org.practicalpartnerships.handbook.decisiontree.TreePointer;
import org.practicalpartnerships.handbook.generated.GeneratedPages;
import org.practicalpartnerships.handbook.glossary.GlossaryPage;
import org.practicalpartnerships.handbook.model.Heading;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SitePaths;
import org.practicalpartnerships.handbook.navigation.Crumb;
import org.practicalpartnerships.handbook.navigation.NavItem;
import org.practicalpartnerships.handbook.navigation.SiteNavigation;
import org.practicalpartnerships.handbook.search.SearchPage;

/**
 * The data a template sees for one page, as plain maps, lists and strings (the sandbox: no Java
 * object reaches a template). Every URL in it is relative to the page. The README documents every
 * name.
 */
final class PageModel {
  /** What every page's model draws on: built once per build. */
  record Context(SiteConfig site, String version, SiteNavigation navigation, Set<String> published,
      Map<String, String> outcomes, Map<String, List<TreePointer>> treePointers) {}

  private PageModel() {}

  static Map<String, Object> of(Page page, String body, Context context, List<Page> linkedFrom) {
    SiteConfig site = context.site();
    String here = page.outputPath();
    Map<String, Object> siteMap = new LinkedHashMap<>();
    siteMap.put("title", site.title());
    siteMap.put("language", site.language());
    siteMap.put("description", site.description());
    siteMap.put("baseUrl", site.baseUrl().orElse(""));

    Map<String, Object> pageMap = new LinkedHashMap<>();
    pageMap.put("title", page.title());
    String description = page.frontMatter().description().isEmpty() ? site.description() : page.frontMatter().description();
    pageMap.put("description", description);
    pageMap.put("lead", page.frontMatter().description());
    pageMap.put("url", here);
    pageMap.put("source", page.sourcePath() == null ? "" : page.sourcePath());
    pageMap.put("layout", page.frontMatter().layout());
    pageMap.put("isHome", here.equals("index.html"));
    pageMap.put("canonical", site.baseUrl().filter(b -> !here.equals(GeneratedPages.NOT_FOUND)).map(base -> base + here).orElse(""));
    pageMap.put("baseHref", here.equals(GeneratedPages.NOT_FOUND) ? site.baseUrl().orElse("") : "");
    pageMap.put("content", markup(body));
    List<String> scripts = new ArrayList<>();
    if (here.equals(SearchPage.OUTPUT)) {
      for (String script : SearchPage.SCRIPTS) {
        scripts.add(SitePaths.relative(here, script));
      }
    }
    List<String> styles = new ArrayList<>();
    if (here.equals(CheckupPage.OUTPUT)) { // checkup wiring: the check-up's own script and stylesheet
      scripts.add(SitePaths.relative(here, CheckupPage.SCRIPT));
      styles.add(SitePaths.relative(here, CheckupPage.STYLESHEET));
    }
    pageMap.put("scripts", scripts);
    pageMap.put("styles", styles);
    List<Map<String, Object>> toc = new ArrayList<>();
    for (Heading h : page.headings()) {
      if (h.level() == 2) {
        toc.add(Map.of("level", h.level(), "id", h.id(), "text", h.text()));
      }
    }
    pageMap.put("toc", toc);
    List<Map<String, Object>> tags = new ArrayList<>();
    for (String tag : page.frontMatter().tags()) {
      tags.add(Map.of("name", tag, "url", SitePaths.relative(here, GeneratedPages.tagPath(tag))));
    }
    pageMap.put("tags", tags);
    List<Map<String, Object>> backlinks = new ArrayList<>();
    for (Page from : linkedFrom) {
      backlinks.add(link(here, from.title(), from.outputPath()));
    }
    pageMap.put("backlinks", backlinks);
    pageMap.put("outcome", context.outcomes().getOrDefault(here, ""));
    List<Map<String, Object>> fromTree = new ArrayList<>();
    for (TreePointer pointer : context.treePointers().getOrDefault(here, List.of())) {
      fromTree.add(link(here, pointer.outcomeTitle(), pointer.outcomePath()));
    }
    pageMap.put("fromTree", fromTree);

    SiteNavigation navigation = context.navigation();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("site", siteMap);
    model.put("page", pageMap);
    model.put("root", page.rootPrefix());
    model.put("assets", page.rootPrefix() + "assets/");
    model.put("generator", "Handbook " + context.version());
    model.put("nav", navItems(here, navigation.sidebar(here)));
    List<Map<String, Object>> crumbs = new ArrayList<>();
    for (Crumb crumb : navigation.breadcrumbs(here, page.title())) {
      crumbs.add(crumb.path() == null ? Map.of("title", crumb.title(), "url", "") : link(here, crumb.title(), crumb.path()));
    }
    model.put("breadcrumbs", crumbs);
    navigation.previous(here).ifPresent(p -> model.put("previous", link(here, p.title(), p.outputPath())));
    navigation.next(here).ifPresent(p -> model.put("next", link(here, p.title(), p.outputPath())));

    Map<String, Object> links = new LinkedHashMap<>();
    links.put("home", SitePaths.relative(here, "index.html"));
    for (var special : Map.of("index", GeneratedPages.INDEX, "print", GeneratedPages.PRINT, "glossary", GlossaryPage.OUTPUT, "tags", GeneratedPages.TAGS, "search", SearchPage.OUTPUT, "decide", DecisionTreePages.START).entrySet()) {
      links.put(special.getKey(), context.published().contains(special.getValue()) ? SitePaths.relative(here, special.getValue()) : "");
    }
    model.put("links", links);
    return model;
  }

  /**
   * The model with the page body's markup object left out (it has no value equality), for
   * comparing one build's template data with the next; the body is compared on its own.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> withoutContent(Map<String, Object> model) {
    Map<String, Object> copy = new LinkedHashMap<>(model);
    Map<String, Object> page = new LinkedHashMap<>((Map<String, Object>) model.get("page"));
    page.remove("content");
    copy.put("page", page);
    return copy;
  }

  private static Map<String, Object> link(String here, String title, String path) {
    return Map.of("title", title, "url", SitePaths.relative(here, path));
  }

  private static List<Map<String, Object>> navItems(String here, List<NavItem> items) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (NavItem item : items) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("title", item.title());
      m.put("url", item.path() == null ? "" : SitePaths.relative(here, item.path()));
      m.put("current", item.current());
      m.put("open", item.open());
      m.put("section", item.section());
      m.put("children", navItems(here, item.children()));
      out.add(m);
    }
    return out;
  }

  private static Object markup(String html) {
    try {
      return HTMLOutputFormat.INSTANCE.fromMarkup(html);
    } catch (TemplateModelException e) {
      throw new IllegalStateException(e);
    }
  }
}
