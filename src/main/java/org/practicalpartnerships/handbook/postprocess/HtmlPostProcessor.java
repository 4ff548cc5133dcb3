package org.practicalpartnerships.handbook.postprocess;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.practicalpartnerships.handbook.links.Href;
import org.practicalpartnerships.handbook.model.Heading;

/**
 * A rendered Markdown fragment in, the fragment the templates print out (jsoup):
 *
 * <ul>
 *   <li>links to {@code .md} sources become links to their {@code .html} pages, still relative;
 *   <li>every section heading gets a visible, keyboard-reachable anchor link to copy;
 *   <li>callouts become {@code <aside>} elements with a title, without flexmark's icon sprite;
 *   <li>footnotes become a labelled section, and wide tables scroll inside their own region;
 *   <li>the headings are collected for the page's "On this page" list.
 * </ul>
 */
public final class HtmlPostProcessor {
  /** Elements content may not contain: they run code or change how the page loads. */
  public static final List<String> UNSAFE_ELEMENTS = List.of("script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "style", "form", "noscript", "template");

  public ProcessedHtml process(String fragment) {
    Document doc = Jsoup.parseBodyFragment(fragment);
    doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
    Element body = doc.body();
    removeUnsafe(body);
    rewriteLinks(body);
    callouts(body);
    footnotes(body);
    tables(body);
    List<Heading> headings = headings(body);
    Set<String> ids = new LinkedHashSet<>();
    for (Element e : body.select("[id]")) {
      ids.add(e.id());
    }
    return new ProcessedHtml(body.html(), headings, ids);
  }

  /**
   * Removes what could run code, whatever the settings: the build refuses such raw HTML unless
   * told to strip it, so this is the stripping, and a second line of defence.
   */
  private static void removeUnsafe(Element body) {
    body.select(String.join(", ", UNSAFE_ELEMENTS)).remove();
    for (Element e : body.getAllElements()) {
      List<String> drop = new ArrayList<>();
      for (org.jsoup.nodes.Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        boolean unsafeUrl = (name.endsWith("href") || name.equals("src") || name.equals("action") || name.equals("formaction"))
            && Href.parse(a.getValue()).kind() == Href.Kind.UNSAFE;
        if (name.startsWith("on") || name.equals("style") || unsafeUrl) {
          drop.add(a.getKey());
        }
      }
      drop.forEach(e::removeAttr);
    }
  }

  private static void rewriteLinks(Element body) {
    for (Element a : body.select("a[href]")) {
      Href.parse(a.attr("href")).rewritten().ifPresent(url -> a.attr("href", url));
    }
  }

  private static void callouts(Element body) {
    body.select("svg.adm-hidden").remove();
    for (Element block : body.select("div.adm-block")) {
      String kind = "note";
      for (String c : block.classNames()) {
        // "???" and "???+" callouts add adm-collapsed or adm-open after the kind; those are states.
        if (c.startsWith("adm-") && !Set.of("adm-block", "adm-open", "adm-collapsed").contains(c)) {
          kind = c.substring(4);
          break;
        }
      }
      Element heading = block.selectFirst("> div.adm-heading");
      String title = heading == null ? "" : heading.text().strip();
      if (title.isEmpty()) {
        title = kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1);
      }
      Element aside = new Element("aside").addClass("callout").addClass("callout-" + kind);
      aside.appendElement("p").addClass("callout-title").text(title);
      Element content = block.selectFirst("> div.adm-body");
      if (content != null) {
        aside.appendChildren(new ArrayList<>(content.childNodes()));
      }
      block.replaceWith(aside);
    }
  }

  private static void footnotes(Element body) {
    for (Element notes : body.select("div.footnotes")) {
      notes.tagName("section").attr("aria-label", "Notes");
      notes.select("> hr").remove();
    }
    for (Element back : body.select("a.footnote-backref")) {
      back.attr("aria-label", "Back to the text");
    }
    for (Element ref : body.select("a.footnote-ref")) {
      ref.attr("aria-label", "Note " + ref.text());
    }
  }

  private static void tables(Element body) {
    for (Element table : body.select("table")) {
      Element firstHeader = table.selectFirst("th");
      String label = firstHeader == null || firstHeader.text().isBlank() ? "Table" : "Table: " + firstHeader.text();
      Element wrap = new Element("div").addClass("table-scroll").attr("role", "region").attr("tabindex", "0").attr("aria-label", label);
      table.replaceWith(wrap);
      wrap.appendChild(table);
    }
  }

  private static List<Heading> headings(Element body) {
    List<Heading> headings = new ArrayList<>();
    for (Element h : body.select("h2, h3, h4, h5, h6")) {
      if (h.id().isEmpty()) {
        continue;
      }
      String text = h.text().strip();
      headings.add(new Heading(h.tagName().charAt(1) - '0', h.id(), text));
      // The anchor sits beside the heading, not inside it, so the heading's name stays its text.
      Element wrap = new Element("div").addClass("heading");
      h.replaceWith(wrap);
      wrap.appendChild(h);
      Element anchor = wrap.appendElement("a").addClass("heading-anchor").attr("href", "#" + h.id());
      anchor.attr("aria-label", "Link to this section: " + text);
      anchor.appendElement("span").attr("aria-hidden", "true").text("#");
    }
    return headings;
  }
}
