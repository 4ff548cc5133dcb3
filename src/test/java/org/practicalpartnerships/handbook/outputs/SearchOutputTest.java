package org.practicalpartnerships.handbook.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageKind;
import org.practicalpartnerships.handbook.search.SearchIndex;

class SearchOutputTest {
  @Test
  void theSearchPageHasAFormAStatusTheResultsAndAWayInWithoutJavaScript() {
    Element body = Jsoup.parseBodyFragment(SearchOutput.fragment()).body();
    Element form = body.selectFirst("form[role=search]");
    assertNotNull(form);
    assertEquals("search.html", form.attr("action"));
    assertEquals("get", form.attr("method"));
    Element input = form.selectFirst("input#search-input[type=search][name=q]");
    assertNotNull(input);
    assertEquals("Search the handbook", body.selectFirst("label[for=search-input]").text());
    assertEquals("polite", body.selectFirst("#search-status").attr("aria-live"));
    Element results = body.selectFirst("#search-results");
    assertEquals(SearchIndex.SCRIPT, results.attr("data-index"));
    assertEquals("a-z.html", body.selectFirst("#search-fallback a").attr("href"));
    assertTrue(body.select("script, [style], [onclick], [onload]").isEmpty(), "no inline script or style");
    assertEquals(List.of("assets/vendor/minisearch/minisearch.js", "assets/vendor/wink-porter2-stemmer/porter2-stemmer.js", "search-index.js", "assets/search.js"),
        SearchOutput.SCRIPTS, "MiniSearch and the stemmer before the index, search.js last");
  }


  @Test
  void theGlossaryPageIsIndexedByItsTitleAloneWhenItsTermsAreDocumentsOfTheirOwn() {
    FrontMatter fm = new FrontMatter("Glossary", "What the words mean.", OptionalInt.empty(), "page", List.of(), false);
    Element body = Jsoup.parseBodyFragment("<dl><dt>shared currency</dt><dd>A unit every partner can count.</dd></dl>").body();
    Page glossary = Page.fromData(PageKind.GLOSSARY, true, "glossary.html", null, fm, body.html(), List.of(), Set.of(), List.of());
    String alone = new String(SearchOutput.entry(glossary, body, true), StandardCharsets.UTF_8);
    assertTrue(alone.contains("\"t\":\"Glossary\"") && alone.contains("\"x\":\"\""), "the entries are indexed once, as terms: " + alone);
    String withText = new String(SearchOutput.entry(glossary, body, false), StandardCharsets.UTF_8);
    assertTrue(withText.contains("A unit every partner can count."), "with no terms indexed, the page's text is: " + withText);
  }
}
