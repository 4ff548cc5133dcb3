package org.practicalpartnerships.handbook.outputs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.html.Html;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Href;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SitePaths;

/**
 * {@code print.html}: the whole handbook on one page, in reading order, for printing or reading
 * offline. A contents list, then each listed page's section ({@link #section}), made while the page
 * was processed; links between printed pages become links within the page.
 */
public final class PrintOutput implements Output {
  public static final String PATH = "print.html";

  /** Attributes whose values are lists of ids, which move with the ids. */
  private static final Set<String> ID_REFERENCES = Set.of("aria-describedby", "aria-labelledby", "aria-controls", "for", "headers");

  @Override
  public Map<String, String> templateLinks() {
    return Map.of("print", PATH);
  }

  @Override
  public List<Page> sitePages(SiteView view) {
    return List.of(page(view, contents(view.navigation().readingOrder(), view.printAnchors()).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The print page again for a site whose pages' text changed but whose titles, order and anchors
   * did not: the contents list of the last print page is kept (at 10,000 pages, making it again
   * was 40% of redoing an edited page in {@code serve}), and every section is taken anew.
   *
   * @param last the print page of a build with the same navigation and anchors as {@code view}
   */
  public static Page withNewSections(Page last, SiteView view) {
    return page(view, last.body().get(0));
  }

  private static Page page(SiteView view, byte[] contents) {
    List<Page> order = view.navigation().readingOrder();
    List<byte[]> body = new ArrayList<>(order.size() + 1);
    body.add(contents);
    for (Page page : order) {
      body.add(view.parts().getOrDefault(page.outputPath(), PageParts.NONE).printSection());
    }
    String description = "Every page of " + view.settings().title() + " on one page, in reading order, for printing or reading offline.";
    FrontMatter fm = new FrontMatter("The whole handbook", description, OptionalInt.empty(), FrontMatter.DEFAULT_LAYOUT, List.of(), false, false);
    return Page.generated(PATH, fm, body, List.of(), Set.of());
  }

  /**
   * The anchor of each printed page's section on the print page, by site path: {@code
   * p-practice-shared-goals} for {@code practice/shared-goals.html}.
   */
  public static Map<String, String> anchors(Collection<String> printedPaths) {
    // In sorted order, as a TreeMap would iterate, but looked up in constant time: every link of
    // every printed page is looked up here (with a TreeMap, 1.4% of a cold build at 10,000 pages).
    Map<String, String> anchors = new LinkedHashMap<>();
    // Different paths can share a slug (a-b.html, a/b.html), and a page's anchor can be another's
    // title id (x-title.html): each anchor and its "-title" stay unique, in sorted order.
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (String path : new java.util.TreeSet<>(printedPaths)) {
      String base = "p-" + SitePaths.slug(path.endsWith(".html") ? path.substring(0, path.length() - 5) : path);
      String anchor = base;
      for (int n = 2; taken.contains(anchor) || taken.contains(anchor + "-title"); n++) {
        anchor = base + "-" + n;
      }
      taken.add(anchor);
      taken.add(anchor + "-title");
      anchors.put(path, anchor);
    }
    return anchors;
  }

  /** The contents list at the top of the print page, in reading order. */
  static String contents(List<Page> pages, Map<String, String> anchors) {
    Element contents = new Element("nav").addClass("print-contents").attr("aria-labelledby", "print-contents-title");
    contents.appendElement("h2").id("print-contents-title").text("Contents");
    Element list = contents.appendElement("ol");
    for (Page page : pages) {
      list.appendElement("li").appendElement("a").attr("href", "#" + anchors.get(page.outputPath())).text(page.title());
    }
    return contents.outerHtml();
  }

  /** {@link #section(String, String, Element, Map)} from a finished body's HTML. */
  public static byte[] section(Page page, Map<String, String> anchors) {
    return anchors.containsKey(page.outputPath()) ? section(page.outputPath(), page.title(), Html.parse(page.html()).body(), anchors) : new byte[0];
  }

  /**
   * One page's section of the print page, as UTF-8, made from its parsed finished body, which it
   * changes: ids are prefixed with the page's anchor so they stay unique, links between printed
   * pages become links within the print page, images are addressed from the site root, and
   * headings move down a level under the page's own heading.
   *
   * @param anchors {@link #anchors} of every printed page
   */
  public static byte[] section(String path, String title, Element body, Map<String, String> anchors) {
    String anchor = anchors.get(path);
    // One walk changes every element in place: ids, the attributes that refer to ids, links,
    // images and heading levels. Nothing it changes can make an element match again.
    for (Element e : body.getAllElements()) {
      if (e == body || e.attributesSize() == 0 && !isDemoted(e.normalName())) {
        continue;
      }
      for (Attribute a : e.attributes()) {
        String key = a.getKey();
        if (key.equals("id")) {
          a.setValue(anchor + "--" + a.getValue());
        } else if (ID_REFERENCES.contains(key)) {
          a.setValue(String.join(" ", Arrays.stream(a.getValue().trim().split("\\s+")).map(id -> anchor + "--" + id).toList()));
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
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

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
}
