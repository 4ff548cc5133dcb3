package org.practicalpartnerships.handbook.postprocess;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.practicalpartnerships.handbook.html.Html;
import org.practicalpartnerships.handbook.model.Heading;
import org.practicalpartnerships.handbook.model.Href;
import org.practicalpartnerships.handbook.safety.HtmlPolicy;

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
  public ProcessedHtml process(String fragment) {
    Document doc = Html.parse(fragment);
    Structure structure = apply(doc.body());
    return new ProcessedHtml(doc.body().html(), structure.headings(), structure.ids(), structure.duplicateIds());
  }

  /**
   * What post-processing found in a body: its section headings, every id, and the ids given to
   * more than one element that is not a heading (a heading's repeated id is made unique, as
   * flexmark does with repeated headings: {@code notes}, {@code notes-1}).
   */
  public record Structure(List<Heading> headings, Set<String> ids, List<String> duplicateIds) {}

  /**
   * Post-processes a parsed body in place, for callers that go on working on the same document
   * (the build links glossary terms, extracts search text and makes the print section from it).
   */
  public Structure apply(Element body) {
    Found found = new Found();
    NodeTraversor.filter(found, body);
    found.unsafe.forEach(Element::remove);
    for (Element a : found.links) {
      Href.parse(a.attr("href")).rewritten().ifPresent(url -> a.attr("href", url));
    }
    found.icons.forEach(Element::remove);
    found.callouts.forEach(HtmlPostProcessor::callout);
    footnotes(found);
    found.tables.forEach(HtmlPostProcessor::table);
    Set<String> ids = new LinkedHashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (Element e : body.select("[id]")) {
      if (!ids.add(e.id())) {
        if (isHeading(e)) {
          String id = e.id();
          for (int n = 1; ids.contains(id); n++) {
            id = e.id() + "-" + n;
          }
          e.id(id);
          ids.add(id);
        } else if (!duplicates.contains(e.id())) {
          duplicates.add(e.id());
        }
      }
    }
    List<Heading> headings = headings(found.headings);
    return new Structure(headings, ids, duplicates);
  }

  /**
   * One walk over the body that drops unsafe attributes and collects what the steps work on, in
   * document order: the same elements the steps' own selectors would find, found in one pass.
   */
  private static final class Found implements NodeFilter {
    final List<Element> unsafe = new ArrayList<>();
    final List<Element> links = new ArrayList<>();
    final List<Element> icons = new ArrayList<>();
    final List<Element> callouts = new ArrayList<>();
    final List<Element> footnotes = new ArrayList<>();
    final List<Element> backrefs = new ArrayList<>();
    final List<Element> refs = new ArrayList<>();
    final List<Element> tables = new ArrayList<>();
    final List<Element> headings = new ArrayList<>();

    @Override
    public FilterResult head(Node node, int depth) {
      if (!(node instanceof Element e)) {
        return FilterResult.SKIP_CHILDREN;
      }
      String tag = e.normalName();
      if (HtmlPolicy.refusesElement(tag)) {
        unsafe.add(e);
        return FilterResult.SKIP_ENTIRELY; // removed whole, so nothing inside matters
      }
      HtmlPolicy.stripAttributes(e);
      switch (tag) {
        case "a" -> {
          if (e.hasAttr("href")) {
            links.add(e);
          }
          if (e.hasClass("footnote-backref")) {
            backrefs.add(e);
          }
          if (e.hasClass("footnote-ref")) {
            refs.add(e);
          }
        }
        case "svg" -> {
          if (e.hasClass("adm-hidden")) {
            icons.add(e);
          }
        }
        case "div" -> {
          if (e.hasClass("adm-block")) {
            callouts.add(e);
          } else if (e.hasClass("footnotes")) {
            footnotes.add(e);
          }
        }
        case "table" -> tables.add(e);
        case "h2", "h3", "h4", "h5", "h6" -> headings.add(e);
        default -> {}
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      return FilterResult.CONTINUE;
    }
  }

  private static void callout(Element block) {
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

  private static void footnotes(Found found) {
    for (Element notes : found.footnotes) {
      notes.tagName("section").attr("aria-label", "Notes");
      notes.select("> hr").remove();
    }
    for (Element back : found.backrefs) {
      back.attr("aria-label", "Back to the text");
    }
    for (Element ref : found.refs) {
      ref.attr("aria-label", "Note " + ref.text());
    }
  }

  private static void table(Element table) {
    Element firstHeader = table.selectFirst("th");
    String label = firstHeader == null || firstHeader.text().isBlank() ? "Table" : "Table: " + firstHeader.text();
    Element wrap = new Element("div").addClass("table-scroll").attr("role", "region").attr("tabindex", "0").attr("aria-label", label);
    table.replaceWith(wrap);
    wrap.appendChild(table);
  }

  private static boolean isHeading(Element e) {
    String tag = e.normalName();
    return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
  }

  private static List<Heading> headings(List<Element> found) {
    List<Heading> headings = new ArrayList<>();
    for (Element h : found) {
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
