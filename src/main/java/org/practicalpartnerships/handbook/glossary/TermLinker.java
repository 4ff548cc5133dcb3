package org.practicalpartnerships.handbook.glossary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Links the first use of each glossary term (or alias) in a page's text to its entry, with the
 * definition beside it for hover and keyboard focus. Never inside headings, links, code, figures
 * or the glossary itself.
 *
 * <p>All terms are matched by one alternation pattern, longest first, so linking a page is one
 * pass over its text whatever the size of the glossary.
 */
public final class TermLinker {
  private static final Set<String> SKIP = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "script", "style", "svg", "figure", "abbr", "dfn", "button", "summary", "label");

  /** A term ready for linking: the entry's anchor and the definition as plain text. */
  public record Entry(String id, String term, String definition) {}

  /** A page body with its terms linked, and which entries it used. */
  public record Linked(String html, Set<String> usedIds) {}

  private final Pattern pattern;
  private final Map<String, Entry> byName = new HashMap<>();

  /** @param names every term and alias, each mapped to its entry */
  public TermLinker(Map<String, Entry> names) {
    List<String> sorted = new ArrayList<>(names.keySet());
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    StringBuilder alternation = new StringBuilder();
    for (String name : sorted) {
      byName.put(canonical(name), names.get(name));
      if (alternation.length() > 0) {
        alternation.append('|');
      }
      // Hyphens and spaces in a term match either, so "whole system" finds "whole-system".
      List<String> words = new ArrayList<>();
      for (String word : name.strip().split("[\\s\\-‐]+")) {
        words.add(Pattern.quote(word));
      }
      alternation.append(String.join("[\\s\\-‐]+", words));
    }
    this.pattern = sorted.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * @param html the page body
   * @param glossaryHref the relative link to the glossary page from this page
   * @param idPrefix prefix for the ids of the definitions, unique within the final page
   */
  public Linked link(String html, String glossaryHref, String idPrefix) {
    if (pattern == null) {
      return new Linked(html, Set.of());
    }
    Document doc = Jsoup.parseBodyFragment(html);
    doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
    Set<String> used = new HashSet<>();
    List<TextNode> texts = new ArrayList<>();
    collect(doc.body(), texts);
    int counter = 0;
    for (TextNode text : texts) {
      Node current = text;
      String remaining = text.getWholeText();
      Matcher m = pattern.matcher(remaining);
      int from = 0;
      List<Node> replacement = new ArrayList<>();
      while (m.find()) {
        Entry entry = byName.get(canonical(m.group()));
        if (entry == null || used.contains(entry.id())) {
          continue;
        }
        used.add(entry.id());
        replacement.add(new TextNode(remaining.substring(from, m.start())));
        String tipId = idPrefix + "term-" + (++counter);
        Element wrap = new Element("span").addClass("term");
        wrap.appendElement("a").addClass("term-link").attr("href", glossaryHref + "#" + entry.id()).attr("aria-describedby", tipId).text(m.group());
        wrap.appendElement("span").addClass("term-tip").attr("role", "tooltip").id(tipId).text(entry.term() + ": " + entry.definition());
        replacement.add(wrap);
        from = m.end();
      }
      if (!replacement.isEmpty()) {
        replacement.add(new TextNode(remaining.substring(from)));
        for (Node n : replacement) {
          current.before(n);
        }
        current.remove();
      }
    }
    return new Linked(doc.body().html(), Set.copyOf(used));
  }

  /** Lowercase, with runs of spaces and hyphens as one space: how terms are compared. */
  private static String canonical(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-‐]+", " ").strip();
  }

  private static void collect(Element element, List<TextNode> texts) {
    for (Node child : element.childNodes()) {
      if (child instanceof TextNode t) {
        texts.add(t);
      } else if (child instanceof Element e && !SKIP.contains(e.normalName()) && !e.hasClass("term") && !e.hasClass("heading") && !e.hasClass("callout-title")) {
        collect(e, texts);
      }
    }
  }
}
