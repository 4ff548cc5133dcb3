package org.practicalpartnerships.handbook.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.glossary.GlossaryLoader;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.model.Term;

class GlossaryOutputTest {

  private static Element render(String yaml, Map<String, String> titles) {
    Diagnostics diagnostics = new Diagnostics();
    List<Term> terms = new GlossaryLoader(new MarkdownEngine(), false).load(new SourceText("content/glossary.yml", yaml), diagnostics).terms();
    assertEquals(List.of(), diagnostics.sorted());
    return Jsoup.parseBodyFragment(GlossaryOutput.fragment(terms, titles::get)).body();
  }

  @Test
  void entriesAreAnchoredAndSortedAToZ() {
    Element body = render("- term: stakeholder\n  definition: Anyone *involved*.\n- term: Agreement\n  definition: What we settle on.\n", Map.of());
    assertEquals(List.of("agreement", "stakeholder"), body.select("dl.glossary > div.glossary-entry").eachAttr("id"));
    assertEquals(List.of("Agreement", "stakeholder"), body.select("dt").eachText());
    assertEquals("<p>Anyone <em>involved</em>.</p>", body.selectFirst("#stakeholder dd p").outerHtml());
  }

  @Test
  void aliasesAndSeeLinksWithPageTitles() {
    Element body =
        render(
            "- term: Partner\n  aliases: [ally, collaborator]\n  definition: One.\n  see: [behaviours/co-operation.md#in-practice, unknown.md]\n",
            Map.of("behaviours/co-operation.html", "Co-operation"));
    assertEquals("Also: ally, collaborator", body.selectFirst("p.glossary-aliases").text());
    assertEquals("See: Co-operation; unknown.md", body.selectFirst("p.glossary-see").text());
    assertEquals(List.of("behaviours/co-operation.md#in-practice", "unknown.md"), body.select("p.glossary-see a").eachAttr("href"));
  }
}
