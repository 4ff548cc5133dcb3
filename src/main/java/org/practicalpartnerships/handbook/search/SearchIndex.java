package org.practicalpartnerships.handbook.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.model.Href;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.Term;

/**
 * The search index: the pages readers look things up in and the glossary terms in, one compact
 * JSON text out, which {@code search.js} feeds to MiniSearch in the browser.
 *
 * <pre>{@code
 * byte[] entry = SearchIndex.entry(page, body);                       // as each page is processed
 * List<byte[]> script = SearchIndex.of(entries, terms, "glossary.html").scriptChunks();
 * SearchIndex.sizeWarning(bytes).ifPresent(message -> ...);           // a warning diagnostic
 * }</pre>
 *
 * <p>The JSON, with one-letter keys because every page and section repeats them:
 *
 * <pre>{@code
 * {"v":2,
 *  "pages":[{"u":"practice/shared-currency.html",        site path, relative to the site root
 *            "t":"Finding a shared currency",              title
 *            "d":"Why beds and money often fail ...",      description ("" when none)
 *            "k":["practice","measures"],                  tags
 *            "x":"text before the first heading",
 *            "s":[["what-is-currency","What is a shared currency?","A currency is the unit ...\nIt ..."], ...]}],
 *                  anchor id, heading text, the section's text up to the next heading
 *  "terms":[{"u":"glossary.html#shared-currency","t":"shared currency","a":["common currency"],
 *            "x":"A unit that all partners can count and value ...",     definition as plain text
 *            "s":["practice/shared-currency.html"]}]}      its "see" pages, as site paths (with #section)
 * }</pre>
 *
 * All text is plain. Body text keeps its blocks (paragraphs, list items, cells) apart with a line
 * break, {@code \n}, and is whitespace-collapsed within them; titles, headings and the rest are
 * collapsed to one line. Words are not split: {@code search.js} does that, for the index and the
 * query alike, so there is one definition of a word. Pages and terms keep the order they are given
 * in, so the same input gives the same bytes. When terms are given, the glossary page itself is
 * indexed by its title and description only: its entries are already there, one document each.
 */
public final class SearchIndex {
  /** The index as a script, at the site root: {@code window.HANDBOOK_SEARCH_INDEX = {...};}. */
  public static final String SCRIPT = "search-index.js";

  /** The global variable the script assigns and {@code search.js} reads. */
  public static final String GLOBAL = "HANDBOOK_SEARCH_INDEX";

  /**
   * Format version of the JSON, so {@code search.js} can refuse an index it does not understand.
   * 2: blocks of body text kept apart by line breaks, and each term's "see" pages.
   */
  public static final int VERSION = 2;

  /**
   * 1.5 MB (1,500,000 bytes of search-index.js, before compression): past this the search page gets
   * slow on a phone, because the whole index is downloaded, parsed and indexed by MiniSearch before
   * the first result shows. Measured: this handbook's index is 182 kB for 33 pages and 56 terms
   * (about 5.5 kB a page), so the budget holds some 270 such pages; JSON text gzips to about 30%,
   * so 1.5 MB is about 450 kB over the wire; and {@code search.js} indexes 1.3 MB of it (this
   * handbook eight times over) in about 0.2 s in headless Chromium, 1.1 s with the CPU slowed four
   * times as for a phone (the search before stop words and stems: 0.3 s and 1.4 s). Past the
   * budget, split the handbook or index less of each page.
   */
  public static final long SIZE_BUDGET_BYTES = 1_500_000;

  /** How the JSON opens, before the pages; how the script opens and ends around the JSON. */
  private static final String OPENING = "{\"v\":" + VERSION + ",\"pages\":[";
  private static final String SCRIPT_START = "window." + GLOBAL + "=";
  private static final String SCRIPT_END = ";\n";

  /** The JSON as UTF-8, in parts: the opening, one part per page, commas, the rest. */
  private final List<byte[]> parts;

  private SearchIndex(List<byte[]> parts) {
    this.parts = parts;
  }

  /**
   * Builds the index from entries made page by page ({@link #entry}), so that the build can make
   * each page's entry from the document it already has.
   *
   * @param entries the pages' entries, in reading order
   * @param terms the glossary's terms, each indexed as its own document
   * @param glossaryPath the glossary page's site path, where each term's entry is
   */
  public static SearchIndex of(List<byte[]> entries, List<Term> terms, String glossaryPath) {
    List<byte[]> parts = new ArrayList<>(2 * entries.size() + 2);
    parts.add(utf8(OPENING));
    byte[] comma = utf8(",");
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        parts.add(comma);
      }
      parts.add(entries.get(i));
    }
    parts.add(closing(terms, glossaryPath));
    return new SearchIndex(List.copyOf(parts));
  }

  /**
   * The size of the script that {@link #of} and {@link #scriptChunks} make from entries of these
   * sizes, without making it: the preview learns from it at once whether an edit took the index
   * over its budget, and makes the index itself after the edited page is served.
   *
   * @param entryBytes the entries' sizes added up
   * @param entries how many entries there are
   */
  public static long scriptSize(long entryBytes, int entries, List<Term> terms, String glossaryPath) {
    return utf8(SCRIPT_START).length + utf8(OPENING).length + entryBytes + Math.max(0, entries - 1)
        + closing(terms, glossaryPath).length + utf8(SCRIPT_END).length;
  }

  /** What follows the pages: the terms, and the end of the JSON. */
  private static byte[] closing(List<Term> terms, String glossaryPath) {
    Json out = new Json(4 * 1024);
    out.beginArray();
    for (Term term : terms) {
      String definition = PageText.collapse(term.definitionText());
      out.beginObject()
          .field("u", glossaryPath + "#" + term.id())
          .field("t", PageText.collapse(term.term()))
          .field("a", term.aliases().stream().map(PageText::collapse).toList())
          .field("x", definition)
          .field("s", term.see().stream().map(SearchIndex::sitePath).toList())
          .endObject();
    }
    out.endArray();
    return utf8("],\"terms\":" + out + "}");
  }

  /** A "see" link, written relative to the content folder, as a path in the site: {@code a.md#b} is {@code a.html#b}. */
  private static String sitePath(LinkRef see) {
    return Href.parse(see.url()).rewritten().orElse(see.url());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * One page's entry, as UTF-8 JSON: its address, title, description, tags and the text of its
   * body by section. Kept as bytes: a large handbook's entries are held until the index is written.
   *
   * @param body the page's parsed finished body, only read; null to index the page by its title
   *     and description alone (the glossary page, whose entries are indexed one by one)
   */
  public static byte[] entry(Page page, Element body) {
    return entry(page, body == null ? new PageText.Sections("", List.of()) : PageText.of(body, page.headings()));
  }

  private static byte[] entry(Page page, PageText.Sections text) {
    Json out = new Json(4 * 1024);
    out.beginObject()
        .field("u", page.outputPath())
        .field("t", PageText.collapse(page.title()))
        .field("d", PageText.collapse(page.frontMatter().description()))
        .field("k", page.frontMatter().tags())
        .field("x", text.intro());
    out.name("s").beginArray();
    for (PageText.Section section : text.sections()) {
      out.beginArray().value(section.id()).value(section.heading()).value(section.text()).endArray();
    }
    out.endArray().endObject();
    return utf8(out.toString());
  }

  /**
   * The index as a classic script for {@code <script src="search-index.js">}, as UTF-8 in parts,
   * ready for the output without joining a large index. A script works from a web server and from
   * a folder opened in the browser (where {@code fetch} of a local file fails). It only assigns one
   * global; the JSON inside is escaped so no text in it can end the script or the string it sits in.
   */
  public List<byte[]> scriptChunks() {
    List<byte[]> chunks = new ArrayList<>(parts.size() + 2);
    chunks.add(utf8(SCRIPT_START));
    chunks.addAll(parts);
    chunks.add(utf8(SCRIPT_END));
    return chunks;
  }

  /** The warning for an index of {@code bytes} bytes, or empty when it is within the budget. */
  public static Optional<String> sizeWarning(long bytes) {
    if (bytes <= SIZE_BUDGET_BYTES) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "the search index (" + SCRIPT + ") is %.2f MB, over its budget of %.2f MB: the search page will be slow to load on phones; index fewer pages or split the handbook",
        bytes / 1_000_000.0, SIZE_BUDGET_BYTES / 1_000_000.0));
  }
}
