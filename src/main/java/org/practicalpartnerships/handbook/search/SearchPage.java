package org.practicalpartnerships.handbook.search;

import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The search page, {@code search.html} at the site root: its body, and the scripts only it loads.
 *
 * <p>The body is a plain GET form (so {@code search.html?q=currency} can be shared, and the box
 * in every page's header needs no script), a live status for the number of results, the results
 * container and a note, shown until the script starts, pointing to the A to Z index for readers
 * without JavaScript. {@code search.js} fills the box from {@code ?q=}, searches as the reader
 * types and lists the results in {@code #search-results}.
 */
public final class SearchPage {
  /** Where the page is published. Links in {@link #fragment()} are relative to the site root. */
  public static final String OUTPUT = "search.html";

  public static final String TITLE = "Search";

  public static final String DESCRIPTION = "Find any page, section or glossary term in the handbook.";

  /**
   * The scripts the search page loads, in this order, as paths from the site root: MiniSearch,
   * the index, then {@code search.js}. Load each with {@code <script src="..." defer>} at the end
   * of {@code <head>}: deferred scripts run in document order once the page is parsed.
   */
  public static final List<String> SCRIPTS = List.of("assets/vendor/minisearch/minisearch.js", SearchIndex.SCRIPT, "assets/search.js");

  /** The stylesheet for the search form and results, from the site root; every page needs it (the header form). */
  public static final String STYLESHEET = "assets/search.css";

  private SearchPage() {}

  /** The body of {@code search.html}, as an HTML fragment with links relative to the site root. */
  public static String fragment() {
    Element root = new Element("div");
    Element form = root.appendElement("form").addClass("search-form").addClass("search-page-form")
        .attr("role", "search").attr("action", OUTPUT).attr("method", "get");
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
    fallback.appendElement("a").attr("href", "a-z.html").text("A to Z index");
    fallback.appendText(".");
    return root.html();
  }
}
