package org.practicalpartnerships.handbook.outputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageKind;
import org.practicalpartnerships.handbook.search.SearchIndex;

/**
 * Search: {@code search.html} and its index, {@code search-index.js}, made from every listed
 * page's entry (in reading order, so ties favour earlier pages) and the glossary's terms.
 */
public final class SearchOutput implements Output {
  /** Where the page is published. Links in its body are relative to the site root. */
  public static final String PATH = "search.html";

  /**
   * The scripts the search page loads, in this order, as paths from the site root: MiniSearch,
   * the Porter2 stemmer, the index, then {@code search.js}. Each is loaded with
   * {@code <script src="..." defer>} at the end of {@code <head>}: deferred scripts run in
   * document order once the page is parsed.
   */
  public static final List<String> SCRIPTS = List.of("assets/vendor/minisearch/minisearch.js",
      "assets/vendor/wink-porter2-stemmer/porter2-stemmer.js", SearchIndex.SCRIPT, "assets/search.js");

  @Override
  public Map<String, String> templateLinks() {
    return Map.of("search", PATH);
  }

  @Override
  public Map<String, List<String>> scripts() {
    return Map.of(PATH, SCRIPTS);
  }

  /**
   * A page's entry in the index ({@link SearchIndex#entry}); the glossary page is indexed by its
   * title and description only when its terms are indexed one by one.
   */
  public static byte[] entry(Page page, Element body, boolean termsIndexed) {
    return SearchIndex.entry(page, page.kind() == PageKind.GLOSSARY && termsIndexed ? null : body);
  }

  @Override
  public List<Page> sitePages(SiteView view) {
    FrontMatter fm = new FrontMatter("Search", "Find any page, section or glossary term in the handbook.", OptionalInt.empty(), FrontMatter.DEFAULT_LAYOUT, List.of(), false, false);
    return List.of(Page.generated(PATH, fm, List.of(utf8(fragment())), List.of(), java.util.Set.of()));
  }

  @Override
  public List<OutputFile> files(SiteView view, List<Page> pages, Diagnostics diagnostics) {
    OutputFile script = new OutputFile(SearchIndex.SCRIPT, script(view));
    sizeWarning(script.size(), view.contentDisplay()).ifPresent(diagnostics::add);
    return List.of(script);
  }

  /** The index's script for this site, in parts ({@link SearchIndex#scriptChunks}). */
  public static List<byte[]> script(SiteView view) {
    List<byte[]> entries = new ArrayList<>();
    for (Page page : view.navigation().readingOrder()) {
      entries.add(entry(view, page.outputPath()));
    }
    return SearchIndex.of(entries, view.terms(), GlossaryOutput.PATH).scriptChunks();
  }

  /**
   * The listed pages' entries added up: with the terms, what the size of the index rests on
   * ({@link #sizeWarning(SiteView, long)}).
   */
  public static long entryBytes(SiteView view) {
    long bytes = 0;
    for (Page page : view.navigation().readingOrder()) {
      bytes += entry(view, page.outputPath()).length;
    }
    return bytes;
  }

  /** What the page at this site path adds to {@link #entryBytes(SiteView)}: nothing when it is not listed. */
  public static long entryBytes(SiteView view, String path) {
    return view.navigation().listed(path) ? entry(view, path).length : 0;
  }

  /**
   * The warning {@link #files} gives for this site, whose listed pages' entries add up to {@code
   * entryBytes}, found without making the index: {@code serve} reports it with an edit and makes
   * the index after.
   */
  public static Optional<Diagnostic> sizeWarning(SiteView view, long entryBytes) {
    int entries = view.navigation().readingOrder().size();
    return sizeWarning(SearchIndex.scriptSize(entryBytes, entries, view.terms(), GlossaryOutput.PATH), view.contentDisplay());
  }

  private static byte[] entry(SiteView view, String path) {
    return view.parts().getOrDefault(path, PageParts.NONE).searchEntry();
  }

  /** The warning when the index, of {@code bytes} bytes, is over its budget, at the content folder. */
  private static Optional<Diagnostic> sizeWarning(long bytes, String contentDisplay) {
    return SearchIndex.sizeWarning(bytes).map(warning -> Diagnostic.ofFile(contentDisplay, Severity.WARNING, warning));
  }

  /**
   * The page's body: a plain GET form (so {@code search.html?q=currency} can be shared, and the
   * box in every page's header needs no script), a live status for the number of results, the
   * results container and a note, shown until the script starts, pointing to the A to Z index for
   * readers without JavaScript. {@code search.js} fills the box from {@code ?q=}, searches as the
   * reader types and lists the results in {@code #search-results}.
   */
  static String fragment() {
    Element root = new Element("div");
    Element form = root.appendElement("form").addClass("search-form").addClass("search-page-form")
        .attr("role", "search").attr("action", PATH).attr("method", "get");
    form.appendElement("label").attr("for", "search-input").addClass("search-label").text("Search the handbook");
    Element row = form.appendElement("div").addClass("search-row");
    row.appendElement("input").attr("type", "search").id("search-input").attr("name", "q")
        .attr("autocomplete", "off").attr("spellcheck", "false").attr("aria-controls", "search-results");
    row.appendElement("button").attr("type", "submit").addClass("search-button").text("Search");
    // Shown, and tied to the box, by search.js: without it there are no results as you type.
    form.appendElement("p").id("search-hint").addClass("search-hint").attr("hidden", true)
        .text("Results appear as you type. Use the down arrow to move from the box to the results.");
    root.appendElement("p").id("search-status").addClass("search-status").attr("role", "status").attr("aria-live", "polite").attr("aria-atomic", "true");
    root.appendElement("div").id("search-results").addClass("search-results").attr("data-index", SearchIndex.SCRIPT).attr("data-root", "");
    Element fallback = root.appendElement("p").id("search-fallback").addClass("search-fallback");
    fallback.appendText("Search needs JavaScript, which is off or not working in this browser. You can still find every page and glossary term in the ");
    fallback.appendElement("a").attr("href", AtoZOutput.PATH).text("A to Z index");
    fallback.appendText(".");
    return root.html();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
