package org.practicalpartnerships.handbook.templating;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateModelException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Heading;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageRef;
import org.practicalpartnerships.handbook.model.SiteConfig;
import org.practicalpartnerships.handbook.model.SitePaths;
import org.practicalpartnerships.handbook.navigation.Crumb;
import org.practicalpartnerships.handbook.navigation.NavItem;
import org.practicalpartnerships.handbook.navigation.SiteNavigation;
import org.practicalpartnerships.handbook.outputs.NotFoundOutput;
import org.practicalpartnerships.handbook.outputs.TagsOutput;

/**
 * The data a template sees for one page, as plain maps, lists and strings (the sandbox: no Java
 * object reaches a template). Every URL in it is relative to the page. The README documents every
 * name.
 */
public final class PageModel {
  /**
   * What every page's model draws on: built once per build.
   *
   * @param published the site path of every page the build publishes
   * @param links pages a template may link to by name ({@code links.glossary}), by site path; a
   *     page that is not published shows as ""
   * @param scripts scripts a page loads beyond the layout's own, from the site root, by site path
   * @param outcomes for outcome pages of the decision tree, the outcome's id, by site path
   * @param pointers for pages the decision tree recommends, the outcomes that do, by site path
   */
  public record Context(SiteConfig site, String version, SiteNavigation navigation, Set<String> published,
      Map<String, String> links, Map<String, List<String>> scripts, Map<String, String> outcomes, Map<String, List<PageRef>> pointers) {}

  /** How a page's last update is shown: "3 December 2026". */
  private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private PageModel() {}

  public static Map<String, Object> of(Page page, String body, Context context, List<Page> linkedFrom) {
    String here = page.outputPath();
    SiteNavigation navigation = context.navigation();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("site", site(context.site()));
    model.put("page", page(page, body, context, linkedFrom));
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
    for (var special : context.links().entrySet()) {
      links.put(special.getKey(), context.published().contains(special.getValue()) ? SitePaths.relative(here, special.getValue()) : "");
    }
    model.put("links", links);
    return model;
  }

  private static Map<String, Object> site(SiteConfig site) {
    Map<String, Object> siteMap = new LinkedHashMap<>();
    siteMap.put("title", site.title());
    siteMap.put("language", site.language());
    siteMap.put("description", site.description());
    siteMap.put("baseUrl", site.baseUrl().orElse(""));
    return siteMap;
  }

  /** {@code page}: the page's own data, every URL relative to it. */
  private static Map<String, Object> page(Page page, String body, Context context, List<Page> linkedFrom) {
    SiteConfig site = context.site();
    String here = page.outputPath();
    Map<String, Object> pageMap = new LinkedHashMap<>();
    pageMap.put("title", page.title());
    String description = page.frontMatter().description().isEmpty() ? site.description() : page.frontMatter().description();
    pageMap.put("description", description);
    pageMap.put("lead", page.frontMatter().description());
    pageMap.put("url", here);
    pageMap.put("source", page.sourcePath() == null ? "" : page.sourcePath());
    pageMap.put("layout", page.frontMatter().layout());
    pageMap.put("isHome", here.equals("index.html"));
    boolean notFound = here.equals(NotFoundOutput.PATH);
    pageMap.put("canonical", site.baseUrl().filter(b -> !notFound).map(base -> base + here).orElse(""));
    pageMap.put("baseHref", notFound ? site.baseUrl().orElse("") : "");
    pageMap.put("content", markup(body));
    pageMap.put("scripts", context.scripts().getOrDefault(here, List.of()).stream().map(script -> SitePaths.relative(here, script)).toList());
    List<Map<String, Object>> toc = new ArrayList<>();
    for (Heading h : page.headings()) {
      if (h.level() == 2) {
        toc.add(Map.of("level", h.level(), "id", h.id(), "text", h.text()));
      }
    }
    pageMap.put("toc", toc);
    pageMap.put("tags", page.frontMatter().tags().stream().map(tag -> Map.of("name", tag, "url", SitePaths.relative(here, TagsOutput.tagPath(tag)))).toList());
    pageMap.put("backlinks", linkedFrom.stream().map(from -> link(here, from.title(), from.outputPath())).toList());
    pageMap.put("outcome", context.outcomes().getOrDefault(here, ""));
    FrontMatter.Upkeep upkeep = page.frontMatter().upkeep();
    pageMap.put("updated", upkeep.updated().map(UPDATED::format).orElse(""));
    pageMap.put("updatedDate", upkeep.updated().map(LocalDate::toString).orElse(""));
    pageMap.put("owner", upkeep.owner());
    pageMap.put("fromTree", context.pointers().getOrDefault(here, List.of()).stream().map(pointer -> link(here, pointer.title(), pointer.path())).toList());
    return pageMap;
  }

  /**
   * The model with the page body's markup object left out (it has no value equality), for
   * comparing one build's template data with the next; the body is compared on its own.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> withoutContent(Map<String, Object> model) {
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
