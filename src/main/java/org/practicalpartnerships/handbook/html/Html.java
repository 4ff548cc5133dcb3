package org.practicalpartnerships.handbook.html;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * How every stage parses and prints HTML fragments with jsoup, so output is the same bytes
 * wherever a fragment was handled: no pretty-printing, UTF-8, only the entities HTML needs.
 */
public final class Html {
  private Html() {}

  /** A body fragment parsed, with the output settings every stage prints with. */
  public static Document parse(String fragment) {
    Document doc = Jsoup.parseBodyFragment(fragment);
    settings(doc);
    return doc;
  }

  /** Sets the shared output settings on a document made some other way. */
  public static Document settings(Document doc) {
    doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
    return doc;
  }

  /**
   * Whether the element has one of the classes; {@code classNames()} makes a set, so elements
   * without a class attribute (most) are answered without one.
   */
  public static boolean hasAnyClass(Element e, Set<String> classes) {
    if (!e.hasAttr("class")) {
      return false;
    }
    for (String c : e.classNames()) {
      if (classes.contains(c)) {
        return true;
      }
    }
    return false;
  }
}
