package org.practicalpartnerships.handbook.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.practicalpartnerships.handbook.html.Html;
import org.practicalpartnerships.handbook.html.VerbatimText;
import org.practicalpartnerships.handbook.model.Heading;
import org.practicalpartnerships.handbook.model.PlainText;

/**
 * A finished page body in, its plain text out, split at its section headings: the text before the
 * first heading, then each heading's text up to the next heading of any level.
 *
 * <p>Left out: the heading anchors ({@code #}), glossary tooltips (the term itself stays, its
 * definition is indexed once, as a glossary entry), navigation, scripts, styles, SVG drawings and
 * footnote reference numbers. Figure captions, tables, lists, callouts and footnotes stay.
 *
 * <p>Blocks (paragraphs, list items, table cells, captions, callout titles...) are kept apart by a
 * line break, {@code \n}, so that a search snippet never runs the last list item into the next
 * sentence; within a block, runs of white space become one space. No text has white space at
 * either end of a block, nor empty blocks. Words are not split here: {@code search.js} splits
 * them, for the index and the query alike.
 */
final class PageText {
  /** The plain text of a page: its intro, and one section per heading, in order. */
  record Sections(String intro, List<Section> sections) {}

  /** One heading's section: the heading's anchor and text, and the text under it. */
  record Section(String id, String heading, String text) {}

  private static final Set<String> DROPPED_TAGS = Set.of("nav", "script", "style", "svg", "template", "noscript", "button", "iframe", "object");
  private static final Set<String> DROPPED_CLASSES = Set.of("heading-anchor", "term-tip", "footnote-ref", "footnote-backref");
  private static final Set<String> HEADING_TAGS = Set.of("h2", "h3", "h4", "h5", "h6");
  /** Elements that run on within a line; every other element starts and ends a block of text. */
  private static final Set<String> INLINE_TAGS = Set.of(
      "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark",
      "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "font");

  /**
   * Where a block starts or ends, while the text is gathered: a private-use character that no
   * page text holds (Markdown and HTML cannot write U+E000 into a page by accident, and a page
   * that does write it only gets a block break there).
   */
  private static final char BLOCK = '\uE000';

  private PageText() {}

  /** The text of a parsed page body, which is only read, split at its headings. */
  static Sections of(Element body, List<Heading> headings) {
    Map<String, Heading> byId = new HashMap<>();
    for (Heading h : headings) {
      byId.putIfAbsent(h.id(), h);
    }
    List<StringBuilder> texts = new ArrayList<>();
    List<Heading> found = new ArrayList<>();
    texts.add(new StringBuilder());
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        StringBuilder current = texts.get(texts.size() - 1);
        if (node instanceof TextNode text) {
          current.append(text.getWholeText());
          return FilterResult.CONTINUE;
        }
        if (node instanceof VerbatimText text) {
          current.append(text.text());
          return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element e) || e == body) {
          return FilterResult.CONTINUE;
        }
        if (DROPPED_TAGS.contains(e.normalName()) || Html.hasAnyClass(e, DROPPED_CLASSES)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (HEADING_TAGS.contains(e.normalName()) && byId.containsKey(e.id())) {
          found.add(byId.get(e.id()));
          texts.add(new StringBuilder());
          return FilterResult.SKIP_ENTIRELY;
        }
        if (!INLINE_TAGS.contains(e.normalName())) {
          current.append(BLOCK);
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e && !INLINE_TAGS.contains(e.normalName())) {
          texts.get(texts.size() - 1).append(BLOCK);
        }
        return FilterResult.CONTINUE;
      }
    }, body);
    List<Section> sections = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Heading h = found.get(i);
      sections.add(new Section(h.id(), collapse(h.text()), blocks(texts.get(i + 1))));
    }
    return new Sections(blocks(texts.get(0)), sections);
  }

  /**
   * Text with block marks in, its blocks out: each block whitespace-collapsed ({@link #collapse}),
   * empty ones dropped, joined by {@code \n}. One pass over a char array, collapsing and stripping
   * each block in place: cutting the text into a copy per block and collapsing each copy through
   * {@code StringBuilder} calls was 6% of a cold build at 10,000 pages (issue 20).
   */
  static String blocks(CharSequence text) {
    int n = text.length();
    char[] in = new char[n];
    if (text instanceof StringBuilder sb) {
      sb.getChars(0, n, in, 0);
    } else {
      text.toString().getChars(0, n, in, 0);
    }
    // Collapsing never lengthens a block, and each line break stands where a block mark was.
    char[] out = new char[n];
    int length = 0;
    int from = 0;
    for (int i = 0; i <= n; i++) {
      if (i < n && in[i] != BLOCK) {
        continue;
      }
      int mark = length;
      if (length > 0) {
        out[length++] = '\n';
      }
      int textStart = length;
      boolean inRun = false;
      for (int k = from; k < i; k++) {
        char c = in[k];
        if (isSpace(c)) {
          inRun = true;
        } else {
          if (inRun) {
            out[length++] = ' ';
            inRun = false;
          }
          out[length++] = c;
        }
      }
      if (inRun) {
        out[length++] = ' ';
      }
      // What String.strip() would remove: after collapsing, spaces and U+001C to U+001F.
      int first = textStart;
      int last = length;
      while (first < last && Character.isWhitespace(out[first])) {
        first++;
      }
      while (last > first && Character.isWhitespace(out[last - 1])) {
        last--;
      }
      if (first == last) {
        length = mark;
      } else {
        System.arraycopy(out, first, out, textStart, last - first);
        length = textStart + (last - first);
      }
      from = i + 1;
    }
    return new String(out, 0, length);
  }

  /**
   * Runs of white space (including no-break spaces) as one space, none at either end: what
   * {@code [\s\p{Z}]+ -> " "} then {@code strip()} gives, without a regular expression (a profile
   * showed the expression's cost on every section of every page).
   */
  static String collapse(CharSequence text) {
    return PlainText.collapse(text, c -> isSpace((char) c));
  }


  /** {@code [\s\p{Z}]}: ASCII white space or a Unicode space, line or paragraph separator. */
  private static boolean isSpace(char c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
      return true;
    }
    if (c < 128) {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }
}
