package org.practicalpartnerships.handbook.glossary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.practicalpartnerships.handbook.html.Html;
import org.practicalpartnerships.handbook.model.Href;
import org.practicalpartnerships.handbook.model.SitePaths;
import org.practicalpartnerships.handbook.model.PlainText;
import org.practicalpartnerships.handbook.model.Term;

/**
 * Links the first use of each glossary term (or alias) in a page's text to its entry, with the
 * definition beside it for hover and keyboard focus. A link is an aside in the handbook's own
 * running text, so there is none:
 *
 * <ul>
 *   <li>inside headings, links, code, figures, buttons and the like;
 *   <li>inside words the handbook quotes or names rather than says: titles of works and other
 *       italics ({@code em}, {@code i}, {@code cite}), quotations ({@code q}, {@code blockquote})
 *       and notes ({@code .footnotes}), and elements marked {@code .source}, {@code .citation},
 *       {@code .references} or {@code .bibliography};
 *   <li>in a section that lists sources: under a heading that is "Source", "Sources",
 *       "References", "Bibliography", "Further reading" or a few such words joined by "and"
 *       (up to the next heading of its level or above), and on a page with such a title
 *       ("Sources and further reading");
 *   <li>for a term on the page it is about: a page its {@code see} names (in the section named,
 *       when the link has a {@code #section}), or a page whose title is the term or an alias;
 *   <li>on the glossary itself, and on pages whose front matter says {@code glossary: false}
 *       (the build does not call the linker there).
 * </ul>
 *
 * <p>All terms are matched in one pass over the text ({@link TermMatcher}), longest first, so
 * linking a page costs about the same whatever the size of the glossary.
 */
public final class TermLinker {
  /** Elements whose text is never linked nor read for terms: headings, links, code and the like. */
  private static final Set<String> SKIP = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "script", "style", "svg", "figure", "abbr", "dfn", "button", "summary", "label");

  private static final Set<String> SKIP_CLASSES = Set.of("term", "heading", "callout-title");

  /**
   * Elements whose words the handbook quotes or names rather than says: titles of works and other
   * italics, quotations, citations and notes. Their terms are not linked, but they count as used.
   */
  private static final Set<String> NAMED = Set.of("em", "i", "cite", "q", "blockquote");

  private static final Set<String> NAMED_CLASSES = Set.of("footnotes", "source", "sources", "citation", "citations", "references", "bibliography");

  /**
   * Section headings (and page titles) that introduce a list of sources, lowercase, whole:
   * "source", "references", "sources and further reading"; not "sources of funding".
   */
  private static final String SOURCE_WORDS = "(?:sources?|references?|bibliography|citations?|works cited|further reading|reading list)";
  private static final java.util.regex.Pattern SOURCES = java.util.regex.Pattern.compile(
      SOURCE_WORDS + "(?:\\s*(?:,|and|&)\\s*" + SOURCE_WORDS + ")*");

  /**
   * A term ready for linking.
   *
   * @param id the entry's anchor
   * @param definition the definition as plain text
   * @param see the pages the term is about, by site path ({@code behaviours/co-operation.html}),
   *     each with the section ids it is about there; an empty set for the whole page
   */
  public record Entry(String id, String term, String definition, Map<String, Set<String>> see) {
    public Entry {
      see = Map.copyOf(see);
    }

    public Entry(String id, String term, String definition) {
      this(id, term, definition, Map.of());
    }
  }

  /**
   * A piece of text to link in.
   *
   * @param linkable false for words quoted or named (a title, a citation, a source section)
   * @param blocked the entries it must not link, because its page or section is about them
   */
  private record Text(TextNode node, boolean linkable, Set<String> blocked) {}

  private final TermMatcher matcher;
  private final boolean empty;
  private final Map<String, Entry> byName = new HashMap<>();
  /** Entries whose see names a page: page → (section id, or "" for the whole page) → entry ids. */
  private final Map<String, Map<String, Set<String>>> about = new HashMap<>();

  /** @param names every term and alias, each mapped to its entry */
  public TermLinker(Map<String, Entry> names) {
    List<String> sorted = new ArrayList<>(names.keySet());
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    for (String name : sorted) {
      Entry entry = names.get(name);
      byName.put(canonical(name), entry);
      entry.see().forEach((page, sections) -> {
        Map<String, Set<String>> bySection = about.computeIfAbsent(page, p -> new HashMap<>());
        for (String section : sections.isEmpty() ? Set.of("") : sections) {
          bySection.computeIfAbsent(section, k -> new HashSet<>()).add(entry.id());
        }
      });
    }
    // Hyphens and spaces in a term match either, so "whole system" finds "whole-system".
    this.matcher = new TermMatcher(sorted);
    this.empty = sorted.isEmpty();
  }

  /** A linker for the glossary's terms and their aliases, each linked to the term's entry. */
  public static TermLinker of(List<Term> terms) {
    Map<String, Entry> names = new LinkedHashMap<>();
    for (Term term : terms) {
      Entry entry = new Entry(term.id(), term.term(), term.definitionText(), see(term));
      names.put(term.term(), entry);
      for (String alias : term.aliases()) {
        names.put(alias, entry);
      }
    }
    return new TermLinker(names);
  }

  /**
   * Links terms in a parsed body, in place, as on a page that is about none of them.
   *
   * @param glossaryHref the relative link to the glossary page from this page
   * @param idPrefix prefix for the ids of the definitions, unique within the final page
   * @return the ids of the entries linked
   */
  public Set<String> link(Element body, String glossaryHref, String idPrefix) {
    return link(body, "", "", glossaryHref, idPrefix);
  }

  /**
   * Links terms in a parsed body, in place.
   *
   * @param pagePath the page's site path, such as {@code behaviours/co-operation.html}
   * @param pageTitle the page's title
   * @param glossaryHref the relative link to the glossary page from this page
   * @param idPrefix prefix for the ids of the definitions, unique within the final page
   * @return the ids of the entries the page uses: those linked, and those it uses unlinked (in a
   *     title, a citation, or where the page or section is about them)
   */
  public Set<String> link(Element body, String pagePath, String pageTitle, String glossaryHref, String idPrefix) {
    if (empty) {
      return Set.of();
    }
    Map<String, Set<String>> sections = about.getOrDefault(pagePath, Map.of());
    Set<String> wholePage = new HashSet<>(sections.getOrDefault("", Set.of()));
    Entry titled = byName.get(canonical(pageTitle));
    if (titled != null) {
      wholePage.add(titled.id());
    }
    Set<String> used = new HashSet<>();
    Set<String> unlinked = new HashSet<>();
    List<Text> texts = new ArrayList<>();
    collect(body, !isSources(pageTitle), wholePage, sections, texts);
    int counter = 0;
    // The tooltips' ids must not be ones the page already has ({#term-1} written by an editor).
    Set<String> taken = null;
    for (Text piece : texts) {
      TextNode text = piece.node();
      Node current = text;
      String remaining = text.getWholeText();
      char[] chars = remaining.toCharArray();
      int from = 0;
      List<Node> replacement = new ArrayList<>();
      for (TermMatcher.Match m = matcher.find(chars, 0); m != null; m = matcher.find(chars, m.end())) {
        String found = remaining.substring(m.start(), m.end());
        Entry entry = byName.get(canonical(found));
        if (entry != null && (!piece.linkable() || piece.blocked().contains(entry.id()))) {
          unlinked.add(entry.id()); // named, or used where the page is about it: not linked, but used
          continue;
        }
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
        replacement.add(termLink(found, entry, glossaryHref, tipId));
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
    used.addAll(unlinked);
    return Set.copyOf(used);
  }

  /** The term as written, linked to its entry, with the definition as a tooltip the link is described by. */
  private static Element termLink(String found, Entry entry, String glossaryHref, String tipId) {
    Element wrap = new Element("span").addClass("term");
    wrap.appendElement("a").addClass("term-link").attr("href", glossaryHref + "#" + entry.id()).attr("aria-describedby", tipId).text(found);
    wrap.appendElement("span").addClass("term-tip").attr("role", "tooltip").id(tipId).text(entry.term() + ": " + entry.definition());
    return wrap;
  }

  /** Lowercase, with runs of spaces and hyphens as one space: how terms are compared. */
  static String canonical(String name) {
    return PlainText.collapse(name.toLowerCase(Locale.ROOT), c -> TermMatcher.isSeparator((char) c));
  }

  /**
   * The text nodes to look at, in document order, each saying whether it may be linked and which
   * entries it must not link. Sections are followed among an element's children: a heading starts
   * one, which lasts until the next heading of its level or above.
   */
  private static void collect(Element element, boolean linkable, Set<String> blocked, Map<String, Set<String>> sections, List<Text> texts) {
    int sourcesLevel = 0;
    int sectionLevel = 0;
    Set<String> sectionBlocked = blocked;
    for (Node child : element.childNodes()) {
      int level = child instanceof Element e ? headingLevel(e) : 0;
      if (level > 0) {
        if (sourcesLevel > 0 && level <= sourcesLevel) {
          sourcesLevel = 0;
        }
        if (sectionLevel > 0 && level <= sectionLevel) {
          sectionLevel = 0;
          sectionBlocked = blocked;
        }
        Element heading = headingOf((Element) child);
        if (sourcesLevel == 0 && isSources(heading.text())) {
          sourcesLevel = level;
        }
        Set<String> sectionAbout = sections.get(heading.id());
        if (sectionAbout != null && !heading.id().isEmpty()) {
          sectionLevel = level;
          sectionBlocked = new HashSet<>(blocked);
          sectionBlocked.addAll(sectionAbout);
        }
        continue;
      }
      boolean here = linkable && sourcesLevel == 0;
      if (child instanceof TextNode t) {
        texts.add(new Text(t, here, sectionBlocked));
      } else if (child instanceof Element e && !SKIP.contains(e.normalName()) && !Html.hasAnyClass(e, SKIP_CLASSES)) {
        collect(e, here && !NAMED.contains(e.normalName()) && !Html.hasAnyClass(e, NAMED_CLASSES), sectionBlocked, sections, texts);
      }
    }
  }

  /** 1 to 6 for a heading, or the post-processor's wrapper round one ({@code div.heading}); else 0. */
  private static int headingLevel(Element e) {
    return level(headingOf(e).normalName());
  }

  /** 1 to 6 for the tags h1 to h6, else 0. */
  private static int level(String tag) {
    return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6' ? tag.charAt(1) - '0' : 0;
  }

  private static Element headingOf(Element e) {
    if (e.hasClass("heading")) {
      for (Element child : e.children()) {
        if (level(child.normalName()) > 0) {
          return child;
        }
      }
    }
    return e;
  }

  /** True for a heading or title that introduces a list of sources ("Source", "Sources and further reading"). */
  static boolean isSources(String title) {
    return SOURCES.matcher(title.strip().toLowerCase(Locale.ROOT)).matches();
  }

  /** The pages a term's see names, by site path, with the sections named there. */
  private static Map<String, Set<String>> see(Term term) {
    Map<String, Set<String>> pages = new HashMap<>();
    for (org.practicalpartnerships.handbook.model.LinkRef link : term.see()) {
      Href href = Href.parse(link.url());
      String target = href.rewritten().orElse(link.url().strip());
      String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
      Optional<String> page = SitePaths.resolve("", path);
      if (page.isEmpty()) {
        continue;
      }
      Set<String> sections = pages.computeIfAbsent(page.get(), p -> new HashSet<>());
      if (href.fragment().isEmpty()) {
        pages.put(page.get(), new HashSet<>(Set.of(WHOLE_PAGE)));
      } else if (!sections.contains(WHOLE_PAGE)) {
        sections.add(href.fragment());
      }
    }
    Map<String, Set<String>> result = new HashMap<>();
    pages.forEach((page, sections) -> result.put(page, sections.contains(WHOLE_PAGE) ? Set.of() : Set.copyOf(sections)));
    return result;
  }

  private static final String WHOLE_PAGE = "";
}
