package org.practicalpartnerships.handbook.templating;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateModelException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Heading;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageKind;
import org.practicalpartnerships.handbook.model.PageRef;
import org.practicalpartnerships.handbook.model.SiteConfig;
import org.practicalpartnerships.handbook.model.SitePaths;
import org.practicalpartnerships.handbook.model.StepNav;
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
   * @param styles stylesheets a page loads beyond the layout's own, from the site root, by site path
   * @param outcomes for outcome pages of the decision tree, the outcome's id, by site path
   * @param pointers for pages the decision tree recommends, the outcomes that do, by site path
   * @param steps for the decision tree's question and outcome pages, their Back link and caption
   * @param servedRoot how the 404 page, served at any address, reaches the site's root ({@code
   *     /handbook/}, or "" to link as from the top folder): every URL on it starts there
   * @param downloads documents readers download (the PDF edition and pages' PDFs), by site path
   */
  public record Context(SiteConfig site, String version, SiteNavigation navigation, Set<String> published,
      Map<String, String> links, Map<String, List<String>> scripts, Map<String, List<String>> styles, Map<String, String> outcomes,
      Map<String, List<PageRef>> pointers, Map<String, StepNav> steps, String servedRoot, Map<String, Download> downloads) {}

  /**
   * A document readers download.
   *
   * @param pages its number of pages
   * @param bytes its size
   */
  public record Download(int pages, long bytes) {
    /** A document still being made (serve makes PDFs in the background): its facts are not known yet. */
    public static final Download LATER = new Download(0, 0);

    /** "PDF, 51 pages, 521 KB": what a reader should know before following the link; "PDF" while it is being made. */
    public String facts() {
      if (pages == 0) {
        return "PDF";
      }
      String size = bytes < 1_000_000 ? Math.max(1, Math.round(bytes / 1000.0)) + " KB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
      return "PDF, " + pages + (pages == 1 ? " page, " : " pages, ") + size;
    }
  }

  /** Where the whole handbook's PDF is, when the build makes one. */
  public static final String HANDBOOK_PDF = "handbook.pdf";

  /** How a page's last update is shown: "3 December 2026". */
  private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private PageModel() {}

  public static Map<String, Object> of(Page page, String body, Context context, List<Page> linkedFrom) {
    String here = page.outputPath();
    // Every URL a page's template sees is relative to the page, but on the 404 page, which a
    // server shows at any address, where each starts from the site's root.
    UnaryOperator<String> url = here.equals(NotFoundOutput.PATH) ? path -> context.servedRoot() + path : path -> SitePaths.relative(here, path);
    String root = here.equals(NotFoundOutput.PATH) ? context.servedRoot() : page.rootPrefix();
    SiteNavigation navigation = context.navigation();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("site", site(context.site()));
    model.put("page", page(page, body, context, linkedFrom, url));
    model.put("root", root);
    model.put("assets", root + "assets/");
    model.put("generator", "Handbook " + context.version());
    model.put("nav", navItems(url, navigation.sidebar(here)));
    List<Map<String, Object>> crumbs = new ArrayList<>();
    for (Crumb crumb : navigation.breadcrumbs(here, page.title())) {
      crumbs.add(crumb.path() == null ? Map.of("title", crumb.title(), "url", "") : link(url, crumb.title(), crumb.path()));
    }
    model.put("breadcrumbs", crumbs);
    navigation.previous(here).ifPresent(p -> model.put("previous", link(url, p.title(), p.outputPath())));
    navigation.next(here).ifPresent(p -> model.put("next", link(url, p.title(), p.outputPath())));
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("home", url.apply("index.html"));
    for (var special : context.links().entrySet()) {
      links.put(special.getKey(), context.published().contains(special.getValue()) ? url.apply(special.getValue()) : "");
    }
    model.put("links", links);
    Map<String, Object> downloads = new LinkedHashMap<>();
    Download book = context.downloads().get(HANDBOOK_PDF);
    if (book != null) {
      downloads.put("handbook", download(url, HANDBOOK_PDF, book));
    }
    model.put("downloads", downloads);
    return model;
  }

  private static Map<String, Object> download(UnaryOperator<String> url, String path, Download download) {
    return Map.of("url", url.apply(path), "pages", download.pages(), "size", download.bytes(), "facts", download.facts());
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
  private static Map<String, Object> page(Page page, String body, Context context, List<Page> linkedFrom, UnaryOperator<String> url) {
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
    pageMap.put("content", markup(body));
    pageMap.put("scripts", context.scripts().getOrDefault(here, List.of()).stream().map(url).toList());
    pageMap.put("styles", context.styles().getOrDefault(here, List.of()).stream().map(url).toList());
    List<Map<String, Object>> toc = new ArrayList<>();
    for (Heading h : page.headings()) {
      if (h.level() == 2) {
        toc.add(Map.of("level", h.level(), "id", h.id(), "text", h.text()));
      }
    }
    pageMap.put("toc", toc);
    pageMap.put("tags", page.frontMatter().tags().stream().map(tag -> Map.of("name", tag, "url", url.apply(TagsOutput.tagPath(tag)))).toList());
    // "Pages that link here" means something on the pages editors write; on the pages the build
    // makes (tree pages, the glossary, search, print, A to Z, tags, 404) it would list the menus
    // and indexes that link everywhere, or nothing, so they have none.
    List<Page> shown = page.kind() == PageKind.WRITTEN ? linkedFrom : List.of();
    pageMap.put("backlinks", shown.stream().map(from -> link(url, from.title(), from.outputPath())).toList());
    pageMap.put("outcome", context.outcomes().getOrDefault(here, ""));
    FrontMatter.Upkeep upkeep = page.frontMatter().upkeep();
    pageMap.put("updated", upkeep.updated().map(UPDATED::format).orElse(""));
    pageMap.put("updatedDate", upkeep.updated().map(LocalDate::toString).orElse(""));
    pageMap.put("owner", upkeep.owner());
    StepNav step = context.steps().get(here);
    pageMap.put("back", step == null ? "" : url.apply(step.backPath()));
    pageMap.put("caption", step == null ? "" : step.caption());
    String ownPdf = here.endsWith(".html") ? here.substring(0, here.length() - 5) + ".pdf" : "";
    Download own = page.frontMatter().pdf() ? context.downloads().get(ownPdf) : null;
    pageMap.put("pdf", own == null ? Map.of() : download(url, ownPdf, own));
    pageMap.put("fromTree", context.pointers().getOrDefault(here, List.of()).stream().map(pointer -> link(url, pointer.title(), pointer.path())).toList());
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

  private static Map<String, Object> link(UnaryOperator<String> url, String title, String path) {
    return Map.of("title", title, "url", url.apply(path));
  }

  private static List<Map<String, Object>> navItems(UnaryOperator<String> url, List<NavItem> items) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (NavItem item : items) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("title", item.title());
      m.put("url", item.path() == null ? "" : url.apply(item.path()));
      m.put("current", item.current());
      m.put("open", item.open());
      m.put("section", item.section());
      m.put("children", navItems(url, item.children()));
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
