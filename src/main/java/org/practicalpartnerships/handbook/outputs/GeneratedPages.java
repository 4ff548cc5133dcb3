package org.practicalpartnerships.handbook.outputs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.practicalpartnerships.handbook.glossary.Term;
import org.practicalpartnerships.handbook.html.Html;
import org.practicalpartnerships.handbook.model.Href;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SitePaths;

/**
 * The pages the build makes from the others: the A–Z index, one page per tag and a list of tags,
 * the whole handbook on one page for printing, and the "page not found" page. Each takes pages in
 * and returns an HTML body fragment; the build wraps it in the site's layout.
 */
public final class GeneratedPages {
  public static final String INDEX = "a-z.html";
  public static final String TAGS = "tags/index.html";
  public static final String PRINT = "print.html";
  public static final String NOT_FOUND = "404.html";

  private GeneratedPages() {}

  /** The site path of a tag's page. */
  public static String tagPath(String tag) {
    return "tags/" + SitePaths.slug(tag) + ".html";
  }

  /** A–Z: every listed page and glossary term under its initial letter, with a letter jump list. */
  public static String index(List<Page> pages, List<Term> terms, String glossaryPath) {
    record Item(String name, String path, String note) {}
    Map<String, List<Item>> byLetter = new TreeMap<>();
    for (Page page : pages) {
      addUnder(byLetter, new Item(page.title(), page.outputPath(), "page"), page.title());
    }
    for (Term term : terms) {
      addUnder(byLetter, new Item(term.term(), glossaryPath + "#" + term.id(), "glossary"), term.term());
      for (String alias : term.aliases()) {
        addUnder(byLetter, new Item(alias, glossaryPath + "#" + term.id(), "glossary: see " + term.term()), alias);
      }
    }
    Element root = new Element("div");
    Element jump = root.appendElement("nav").addClass("letters").attr("aria-label", "Letters");
    Element jumpList = jump.appendElement("ul");
    for (String letter : byLetter.keySet()) {
      jumpList.appendElement("li").appendElement("a").attr("href", "#letter-" + SitePaths.slug(letter)).text(letter);
    }
    for (Map.Entry<String, List<Item>> letter : byLetter.entrySet()) {
      root.appendElement("h2").id("letter-" + SitePaths.slug(letter.getKey())).text(letter.getKey());
      Element list = root.appendElement("ul").addClass("az-list");
      letter.getValue().sort(Comparator.comparing((Item i) -> i.name().toLowerCase(Locale.ROOT)).thenComparing(Item::note));
      for (Item item : letter.getValue()) {
        Element li = list.appendElement("li");
        li.appendElement("a").attr("href", item.path()).text(item.name());
        li.appendText(" ").appendElement("span").addClass("az-note").text("(" + item.note() + ")");
      }
    }
    return root.html();
  }

  private static <T> void addUnder(Map<String, List<T>> byLetter, T item, String name) {
    String first = name.isEmpty() ? "#" : name.substring(0, 1).toUpperCase(Locale.ROOT);
    String letter = Character.isLetter(first.charAt(0)) ? java.text.Normalizer.normalize(first, java.text.Normalizer.Form.NFKD).substring(0, 1) : "0–9";
    byLetter.computeIfAbsent(letter, l -> new ArrayList<>()).add(item);
  }

  /** The list of tags, with the number of pages each. */
  public static String tagList(Map<String, List<Page>> tags) {
    Element list = new Element("ul").addClass("tag-list");
    for (Map.Entry<String, List<Page>> tag : tags.entrySet()) {
      Element li = list.appendElement("li");
      li.appendElement("a").attr("href", SitePaths.relative(TAGS, tagPath(tag.getKey()))).text(tag.getKey());
      li.appendText(" (" + tag.getValue().size() + (tag.getValue().size() == 1 ? " page)" : " pages)"));
    }
    return list.outerHtml();
  }

  /** One tag's page: its pages in reading order, with their descriptions. */
  public static String tagPage(String tag, List<Page> pages) {
    String here = tagPath(tag);
    Element list = new Element("ul").addClass("page-list");
    for (Page page : pages) {
      Element li = list.appendElement("li");
      li.appendElement("a").attr("href", SitePaths.relative(here, page.outputPath())).text(page.title());
      if (!page.frontMatter().description().isEmpty()) {
        li.appendElement("p").text(page.frontMatter().description());
      }
    }
    Element all = new Element("p").appendElement("a").attr("href", SitePaths.relative(here, TAGS)).text("All tags");
    return list.outerHtml() + all.parent().outerHtml();
  }

  /** The "page not found" body: where to go instead. */
  public static String notFound(String homeTitle) {
    Element root = new Element("div");
    root.appendElement("p").text("There is no page at this address. It may have moved, or the link may be mistyped.");
    Element list = root.appendElement("ul");
    list.appendElement("li").appendElement("a").attr("href", "index.html").text("Go to the start: " + homeTitle);
    list.appendElement("li").appendElement("a").attr("href", INDEX).text("Look it up in the A to Z index");
    return root.html();
  }

  /**
   * The anchor of each printed page's section on the print page, by output path: {@code
   * p-practice-shared-goals} for {@code practice/shared-goals.html}.
   */
  public static Map<String, String> printAnchors(Collection<String> printedPaths) {
    Map<String, String> anchors = new TreeMap<>();
    for (String path : printedPaths) {
      anchors.put(path, "p-" + SitePaths.slug(path.endsWith(".html") ? path.substring(0, path.length() - 5) : path));
    }
    return anchors;
  }

  /**
   * The start of the print page, the whole handbook on one page: a contents list of the printed
   * pages in reading order. Each page's section ({@link #printSection}) follows, in the same order.
   */
  public static String printContents(List<Page> pages, Map<String, String> anchors) {
    Element contents = new Element("nav").addClass("print-contents").attr("aria-labelledby", "print-contents-title");
    contents.appendElement("h2").id("print-contents-title").text("Contents");
    Element list = contents.appendElement("ol");
    for (Page page : pages) {
      list.appendElement("li").appendElement("a").attr("href", "#" + anchors.get(page.outputPath())).text(page.title());
    }
    return contents.outerHtml();
  }

  /** {@link #printSection(String, String, Element, Map)} from a finished body's HTML. */
  public static String printSection(String path, String title, String body, Map<String, String> anchors) {
    return printSection(path, title, Html.parse(body).body(), anchors);
  }

  /**
   * One page's section of the print page, made from its parsed finished body, which it changes:
   * ids are prefixed with the page's anchor so they stay unique, links between printed pages become
   * links within the print page, images are addressed from the site root, and headings move down a
   * level under the page's own heading.
   *
   * @param anchors {@link #printAnchors} of every printed page
   */
  public static String printSection(String path, String title, Element body, Map<String, String> anchors) {
    String anchor = anchors.get(path);
    // One walk changes every element in place: ids, the attributes that refer to ids, links,
    // images and heading levels. Nothing it changes can make an element match again.
    for (Element e : body.getAllElements()) {
      if (e == body || e.attributesSize() == 0 && !isDemoted(e.normalName())) {
        continue;
      }
      for (org.jsoup.nodes.Attribute a : e.attributes()) {
        String key = a.getKey();
        if (key.equals("id")) {
          a.setValue(anchor + "--" + a.getValue());
        } else if (ID_REFERENCES.contains(key)) {
          a.setValue(String.join(" ", java.util.Arrays.stream(a.getValue().trim().split("\\s+")).map(id -> anchor + "--" + id).toList()));
        }
      }
      switch (e.normalName()) {
        case "a" -> {
          if (e.hasAttr("href")) {
            e.attr("href", printHref(path, e.attr("href"), anchors));
          }
        }
        case "img" -> {
          if (e.hasAttr("src") && Href.parse(e.attr("src")).kind() == Href.Kind.RELATIVE) {
            SitePaths.resolve(path, e.attr("src")).ifPresent(p -> e.attr("src", p));
          }
        }
        case "h2", "h3", "h4", "h5" -> e.tagName("h" + (e.normalName().charAt(1) - '0' + 1));
        default -> {}
      }
    }
    Element section = new Element("section").addClass("print-page").id(anchor).attr("aria-labelledby", anchor + "-title");
    section.appendElement("h2").id(anchor + "-title").text(title);
    String open = section.outerHtml();
    StringBuilder out = new StringBuilder();
    out.append(open, 0, open.length() - "</section>".length());
    out.append(body.html()).append("</section>");
    return out.toString();
  }

  /** Attributes whose values are lists of ids, which move with the ids. */
  private static final Set<String> ID_REFERENCES = Set.of("aria-describedby", "aria-labelledby", "aria-controls", "for", "headers");

  private static boolean isDemoted(String tag) {
    return tag.equals("h2") || tag.equals("h3") || tag.equals("h4") || tag.equals("h5");
  }

  private static String printHref(String from, String href, Map<String, String> anchors) {
    Href parsed = Href.parse(href);
    if (parsed.kind() != Href.Kind.RELATIVE) {
      return href;
    }
    String anchor = anchors.get(from);
    if (parsed.path().isEmpty()) {
      return "#" + anchor + "--" + parsed.fragment();
    }
    var target = SitePaths.resolve(from, parsed.path());
    if (target.isEmpty()) {
      return href;
    }
    String targetAnchor = anchors.get(target.get());
    if (targetAnchor == null) {
      return target.get() + (parsed.fragment().isEmpty() ? "" : "#" + parsed.fragment());
    }
    return "#" + targetAnchor + (parsed.fragment().isEmpty() ? "" : "--" + parsed.fragment());
  }

  /** sitemap.xml for the given pages under the base address. */
  public static String sitemap(String baseUrl, Set<String> paths) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (String path : new java.util.TreeSet<>(paths)) {
      xml.append("  <url><loc>").append(Entities.escape(baseUrl + path)).append("</loc></url>\n");
    }
    return xml.append("</urlset>\n").toString();
  }
}
