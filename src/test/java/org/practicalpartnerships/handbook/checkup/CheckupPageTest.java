package org.practicalpartnerships.handbook.checkup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;

/** The page a check-up becomes: a worksheet that works without a script, a guide to score it by hand, what a low score suggests. */
class CheckupPageTest {

  static CheckupPage.Rendered render(String yaml) {
    Diagnostics diagnostics = new Diagnostics();
    Checkup checkup = new CheckupLoader(CheckupLoaderTest.MARKDOWN, false).load(new SourceText("checkup.yml", yaml), diagnostics).checkup().orElseThrow();
    assertEquals(List.of(), diagnostics.sorted());
    return CheckupPage.render(checkup);
  }

  static Element body(String yaml) {
    return Jsoup.parseBodyFragment(render(yaml).html()).body();
  }

  static final String FIVE_POINTS = CheckupLoaderTest.SMALL.replace(CheckupLoaderTest.SCALE, """
      scale:
        - score: 1
          label: Strongly disagree
        - score: 2
          label: Disagree
        - score: 3
          label: Neither
        - score: 4
          label: Agree
        - score: 5
          label: Strongly agree
      unsure: Don't know
      low_below: 3
      """);

  @Test
  void everyStatementIsAFieldsetWithItsNumberedStatementAsLegendAndOneRadioButtonPerAnswer() {
    Element body = body(FIVE_POINTS);
    List<Element> fieldsets = body.select("fieldset.checkup-statement");
    assertEquals(List.of("1.1 We are clear.", "1.2 We say the same.", "2.1 Partners keep their word."), fieldsets.stream().map(f -> f.selectFirst("> legend").text()).toList());
    for (Element fieldset : fieldsets) {
      List<Element> radios = fieldset.select("input[type=radio]");
      assertEquals(6, radios.size(), "five points and 'Don't know'");
      assertEquals(1, radios.stream().map(r -> r.attr("name")).distinct().count(), "one group per statement");
      assertEquals(List.of("1", "2", "3", "4", "5", "x"), radios.stream().map(r -> r.attr("value")).toList());
      for (Element radio : radios) {
        Element label = fieldset.selectFirst("label[for=" + radio.id() + "]");
        assertTrue(label != null && !label.text().isBlank(), "every radio button has a label");
      }
      assertEquals(List.of("Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree", "Don't know"), fieldset.select("label").eachText());
    }
    assertEquals(List.of("purpose", "trust"), body.select("section.checkup-theme").eachAttr("data-theme"));
    assertEquals(List.of("1. Purpose", "2. Trust"), body.select("section.checkup-theme h3").eachText());
  }

  @Test
  void theScoringGuideCanBeFollowedWithAPencil() {
    Element body = body(FIVE_POINTS);
    Element scale = body.selectFirst("table#checkup-scale");
    List<String> rows = scale.select("tbody tr").stream().map(r -> r.select("th, td").eachText().toString()).toList();
    assertEquals(List.of("[Strongly disagree, 1]", "[Disagree, 2]", "[Neither, 3]", "[Agree, 4]", "[Strongly agree, 5]", "[Don't know, no score: leave it out]"), rows);
    String guide = body.selectFirst("ol.checkup-guide").text();
    assertTrue(guide.contains("leaving out any you answered “Don't know”"), guide);
    assertTrue(guide.contains("from 1 to 5"), guide);
    assertTrue(guide.contains("below 3 is low"), guide);
    // The worked example, by hand: 4 + 2 + 2 + 1 = 9; 9 ÷ 4 = 2.25, below 3.
    assertEquals("For example: a theme of four statements answered with scores of 4, 2, 2 and 1. The total is 9, the average 9 ÷ 4 = 2.25, which is below 3: low.",
        body.selectFirst(".checkup-example").text());
    Element tally = body.selectFirst("table.checkup-tally");
    assertEquals(List.of("1. Purpose (2 statements)", "2. Trust (1 statement)"), tally.select("tbody th").eachText());
    assertEquals(10, tally.select("td.checkup-blank").size(), "blank cells to fill in");
    assertEquals(List.of("Theme", "Total", "Answered", "Average", "Low (below 3)?", "Rank"), tally.select("thead th").eachText());
  }

  @Test
  void theWorkedExampleFollowsTheScale() {
    // Scores 1 and 2, low below the default 1.5: 2 + 2 + 1 + 1 = 6; 6 ÷ 4 = 1.5, not below 1.5.
    assertEquals("For example: a theme of four statements answered with scores of 2, 2, 1 and 1. The total is 6, the average 6 ÷ 4 = 1.5, which is not below 1.5: not low.",
        body(CheckupLoaderTest.SMALL).selectFirst(".checkup-example").text());
  }

  @Test
  void eachThemeSaysWhatALowScoreSuggestsWithLinksRelativeToThePage() {
    CheckupPage.Rendered page = render(FIVE_POINTS);
    Element body = Jsoup.parseBodyFragment(page.html()).body();
    Element purpose = body.selectFirst("[data-advice=purpose]");
    assertEquals("Purpose", purpose.selectFirst("h3").text());
    assertEquals("Read the guide.", purpose.selectFirst(".checkup-low").text());
    assertEquals("../b.md#x", purpose.selectFirst(".checkup-low a").attr("href"), "Markdown links are written from content/, and the page is one folder down");
    assertEquals(List.of("../a.md#y"), purpose.select(".checkup-links a").eachAttr("href"));
    assertEquals(List.of("../a.md#y", "../b.md"), page.links().stream().map(l -> l.url()).toList());
    assertEquals("../a.md", body.selectFirst(".checkup-intro a").attr("href"));
  }

  @Test
  void thePlacesTheScriptFillsAreHiddenUntilItRuns() {
    Element body = body(FIVE_POINTS);
    for (String id : List.of("checkup-results", "checkup-compare", "checkup-notice", "compare-notice", "compare-error")) {
      assertTrue(body.getElementById(id).hasAttr("hidden"), id + " is hidden without the script");
    }
    assertTrue(body.selectFirst(".checkup-privacy .checkup-js-only").hasAttr("hidden"));
    assertFalse(body.selectFirst(".checkup-privacy p:not(.callout-title)").hasAttr("hidden"), "the privacy note stands without the script");
    assertTrue(body.select("form, script, [style], [onclick]").isEmpty(), "no form to submit, no inline script or style");
    assertEquals("3", body.getElementById("checkup").attr("data-low-below"));
    assertEquals("Don't know", body.getElementById("checkup").attr("data-unsure"));
    assertTrue(body.selectFirst("#checkup-results h2").id().isEmpty(), "no id: the contents list must not lead to a hidden section");
  }

  @Test
  void idsMadeFromTheFileCannotClash() {
    // A statement 'a' and a statement 'a-1', a theme 'x' and a theme 'x-title': every id on the page stays unique.
    String yaml = """
        title: T
        intro: I
        scale:
          - score: 1
            label: No
          - score: 2
            label: Yes
        themes:
          - id: x
            title: X
            statements:
              - id: a
                text: A
              - id: a-1
                text: A one
            low: L
            links:
              - page: p.md
                label: P
          - id: x-title
            title: X title
            statements:
              - id: answer-a
                text: Answer A
            low: L
            links:
              - page: p.md
                label: P
        """;
    Set<String> ids = new HashSet<>();
    for (Element e : body(yaml).select("[id]")) {
      assertTrue(ids.add(e.id()), "duplicate id " + e.id());
    }
  }

  @Test
  void textFromTheFileIsEscaped() {
    Element body = body(CheckupLoaderTest.SMALL.replace("text: We are clear.", "text: We are <b>clear</b> & \"sure\".").replace("label: Agree", "label: <i>Agree</i>"));
    assertEquals("1.1 We are <b>clear</b> & \"sure\".", body.selectFirst("legend").text());
    assertTrue(body.select("legend b, label i").isEmpty());
    assertEquals("<i>Agree</i>", body.selectFirst("#checkup-scale tbody tr:nth-child(2) th").text());
  }

  @Test
  void searchTextLeavesOutTheAnswersAndTheBlankTable() {
    Element body = body(FIVE_POINTS);
    CheckupPage.forSearch(body);
    assertTrue(body.select(".checkup-scale, .checkup-tally, [hidden]").isEmpty());
    assertTrue(body.text().contains("We are clear."), "the statements are found by search");
    assertTrue(body.text().contains("What a low score suggests"));
    assertTrue(body.select("h3[id]").isEmpty(), "theme titles are not sections of their own in search");
  }
}
