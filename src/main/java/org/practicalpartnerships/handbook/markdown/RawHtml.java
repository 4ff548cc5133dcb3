package org.practicalpartnerships.handbook.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.html.Html;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.safety.HtmlPolicy;

/**
 * Raw HTML written inside Markdown, read once: what {@link HtmlPolicy} refuses is reported at its
 * place in the file; links and images are collected so the build checks them like Markdown links;
 * headings and images are noted for the warnings about outlines and alt text.
 */
final class RawHtml {
  private RawHtml() {}

  /** Where {@link #read} puts what it finds. */
  record Found(List<RawHtmlProblem> problems, List<LinkRef> links, List<SourceHeading> headings, List<ImageUse> images, List<SourceId> ids) {
    Found() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
  }

  /**
   * @param html the raw HTML as written
   * @param offset where it starts in the page's file
   */
  static void read(String html, int offset, Found into) {
    String lower = html.toLowerCase(Locale.ROOT);
    for (Element e : Html.parse(html).body().getAllElements()) {
      String tag = e.normalName();
      int tagAt = offset + Math.max(0, lower.indexOf("<" + tag));
      for (HtmlPolicy.Violation violation : HtmlPolicy.violations(e)) {
        int at = violation.wholeElement() ? tagAt : offset + Math.max(0, lower.indexOf(violation.attribute() + "="));
        into.problems().add(new RawHtmlProblem(at, violation.message()));
      }
      if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
        into.headings().add(new SourceHeading(tag.charAt(1) - '0', tagAt));
      } else if (tag.equals("img")) {
        into.images().add(new ImageUse(tagAt, e.hasAttr("alt"), true, e.attr("src")));
      }
      if (e.hasAttr("id") && !e.id().isEmpty()) {
        int idAt = lower.indexOf("id=", Math.max(0, lower.indexOf("<" + tag)));
        into.ids().add(new SourceId(e.id(), offset + Math.max(0, idAt)));
      }
      for (Attribute attribute : e.attributes()) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        String value = attribute.getValue();
        boolean checked = name.equals("href") || name.equals("xlink:href") || name.equals("src") || name.equals("poster") || name.equals("data");
        if (checked && !HtmlPolicy.isUnsafeUrl(value) && !value.startsWith("#")) {
          int valueAt = lower.indexOf(value.toLowerCase(Locale.ROOT), Math.max(0, lower.indexOf(name + "=")));
          into.links().add(new LinkRef(value, offset + Math.max(0, valueAt), !name.equals("href") && !name.equals("xlink:href")));
        }
      }
    }
  }
}
