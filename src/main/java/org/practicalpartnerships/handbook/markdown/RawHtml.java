package org.practicalpartnerships.handbook.markdown;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.links.Href;
import org.practicalpartnerships.handbook.model.LinkRef;

/**
 * Checks raw HTML written inside Markdown. Content is not trusted to run code: script-like
 * elements, event-handler attributes, inline styles (which the pages' Content-Security-Policy
 * blocks) and script URLs are reported; links and images in raw HTML are collected so the build
 * checks them like Markdown links.
 */
final class RawHtml {
  static final Set<String> REFUSED_ELEMENTS = Set.copyOf(org.practicalpartnerships.handbook.postprocess.HtmlPostProcessor.UNSAFE_ELEMENTS);
  private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "xlink:href", "action", "formaction", "poster", "data");

  private RawHtml() {}

  /**
   * @param html the raw HTML as written
   * @param offset where it starts in the page's file
   */
  static void check(String html, int offset, List<RawHtmlProblem> problems, List<LinkRef> links) {
    String lower = html.toLowerCase(Locale.ROOT);
    for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      String tag = e.normalName();
      if (REFUSED_ELEMENTS.contains(tag)) {
        problems.add(new RawHtmlProblem(offset + Math.max(0, lower.indexOf("<" + tag)), "raw <" + tag + "> is not allowed in a page: content may not run code or change how the page loads"));
      }
      for (Attribute attribute : e.attributes()) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        int at = offset + Math.max(0, lower.indexOf(name + "="));
        if (name.startsWith("on")) {
          problems.add(new RawHtmlProblem(at, "the event-handler attribute '" + name + "' is not allowed: content may not run code"));
        } else if (name.equals("style")) {
          problems.add(new RawHtmlProblem(at, "style attributes are blocked by the pages' Content-Security-Policy; use a class from the stylesheet"));
        } else if (URL_ATTRIBUTES.contains(name)) {
          String value = attribute.getValue();
          if (Href.parse(value).kind() == Href.Kind.UNSAFE) {
            problems.add(new RawHtmlProblem(at, "'" + value.strip().split(":", 2)[0] + ":' URLs are not allowed: they can run code in a reader's browser"));
          } else if (!name.equals("action") && !name.equals("formaction") && !value.startsWith("#")) {
            int valueAt = lower.indexOf(value.toLowerCase(Locale.ROOT), Math.max(0, lower.indexOf(name + "=")));
            links.add(new LinkRef(value, offset + Math.max(0, valueAt), !name.equals("href") && !name.equals("xlink:href")));
          }
        }
      }
    }
  }
}
