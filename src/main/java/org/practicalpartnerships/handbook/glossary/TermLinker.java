package org.practicalpartnerships.handbook.glossary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.practicalpartnerships.handbook.model.PlainText;
import org.practicalpartnerships.handbook.model.Term;

/**
 * Links the first use of each glossary term (or alias) in a page's text to its entry, with the
 * definition beside it for hover and keyboard focus. Never inside headings, links, code, figures
 * or the glossary itself.
 *
 * <p>All terms are matched in one pass over the text ({@link TermMatcher}), longest first, so
 * linking a page costs about the same whatever the size of the glossary.
 */
public final class TermLinker {
  private static final Set<String> SKIP = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "script", "style", "svg", "figure", "abbr", "dfn", "button", "summary", "label");

  /** A term ready for linking: the entry's anchor and the definition as plain text. */
  public record Entry(String id, String term, String definition) {}

  private final TermMatcher matcher;
  private final boolean empty;
  private final Map<String, Entry> byName = new HashMap<>();

  /** @param names every term and alias, each mapped to its entry */
  public TermLinker(Map<String, Entry> names) {
    List<String> sorted = new ArrayList<>(names.keySet());
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    for (String name : sorted) {
      byName.put(canonical(name), names.get(name));
    }
    // Hyphens and spaces in a term match either, so "whole system" finds "whole-system".
    this.matcher = new TermMatcher(sorted);
    this.empty = sorted.isEmpty();
  }

  /** A linker for the glossary's terms and their aliases, each linked to the term's entry. */
  public static TermLinker of(List<Term> terms) {
    Map<String, Entry> names = new LinkedHashMap<>();
    for (Term term : terms) {
      Entry entry = new Entry(term.id(), term.term(), term.definitionText());
      names.put(term.term(), entry);
      for (String alias : term.aliases()) {
        names.put(alias, entry);
      }
    }
    return new TermLinker(names);
  }

  /**
   * Links terms in a parsed body, in place.
   *
   * @param glossaryHref the relative link to the glossary page from this page
   * @param idPrefix prefix for the ids of the definitions, unique within the final page
   * @return the ids of the entries linked
   */
  public Set<String> link(Element body, String glossaryHref, String idPrefix) {
    if (empty) {
      return Set.of();
    }
    Set<String> used = new HashSet<>();
    List<TextNode> texts = new ArrayList<>();
    collect(body, texts);
    int counter = 0;
    // The tooltips' ids must not be ones the page already has ({#term-1} written by an editor).
    Set<String> taken = null;
    for (TextNode text : texts) {
      Node current = text;
      String remaining = text.getWholeText();
      int from = 0;
      List<Node> replacement = new ArrayList<>();
      for (TermMatcher.Match m = matcher.find(remaining, 0); m != null; m = matcher.find(remaining, m.end())) {
        String found = remaining.substring(m.start(), m.end());
        Entry entry = byName.get(canonical(found));
        if (entry == null || used.contains(entry.id())) {
          continue;
        }
        used.add(entry.id());
        replacement.add(new TextNode(remaining.substring(from, m.start())));
        if (taken == null) {
          taken = new HashSet<>();
          for (Element e : body.select("[id]")) {
            taken.add(e.id());
          }
        }
        String tipId = idPrefix + "term-" + (++counter);
        while (taken.contains(tipId)) {
          tipId = idPrefix + "term-" + (++counter);
        }
        Element wrap = new Element("span").addClass("term");
        wrap.appendElement("a").addClass("term-link").attr("href", glossaryHref + "#" + entry.id()).attr("aria-describedby", tipId).text(found);
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
    return Set.copyOf(used);
  }

  /** Lowercase, with runs of spaces and hyphens as one space: how terms are compared. */
  static String canonical(String name) {
    return PlainText.collapse(name.toLowerCase(Locale.ROOT), c -> TermMatcher.isSeparator((char) c));
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
