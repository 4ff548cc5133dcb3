package org.practicalpartnerships.handbook.decisiontree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.model.SitePaths;

public class DecisionTreePagesTest {

  static DecisionTreePages.Rendered render(String yaml) {
    Diagnostics diagnostics = new Diagnostics();
    DecisionTree tree = new DecisionTreeLoader(DecisionTreeLoaderTest.MARKDOWN).load(new SourceText("decide.yml", yaml), diagnostics).tree().orElseThrow();
    assertEquals(List.of(), diagnostics.sorted());
    return DecisionTreePages.render(tree);
  }

  public static Map<String, TreePage> byPath(DecisionTreePages.Rendered rendered) {
    Map<String, TreePage> pages = new LinkedHashMap<>();
    rendered.pages().forEach(p -> pages.put(p.outputPath(), p));
    return pages;
  }

  static Element parse(TreePage page) {
    return Jsoup.parseBodyFragment(page.html()).body();
  }

  /** Where a link on {@code page} leads, as a site path. */
  static String target(TreePage page, Element a) {
    return SitePaths.resolve(page.outputPath(), a.attr("href")).orElseThrow();
  }

  /**
   * Follows every {@code data-answer} link from the start page's "Start now" until outcome pages,
   * checking on each page that "Change" links and the back link stay on the route walked so far.
   *
   * @return the routes walked, as the list of page paths of each
   */
  public static List<List<String>> walk(Map<String, TreePage> pages) {
    TreePage start = pages.get(DecisionTreePages.START);
    Element button = parse(start).selectFirst("a.button");
    assertNotNull(button, "the start page has a Start now button");
    assertEquals("Start now", button.text());
    List<List<String>> routes = new ArrayList<>();
    follow(pages, new ArrayList<>(List.of(DecisionTreePages.START)), target(start, button), routes);
    return routes;
  }

  private static void follow(Map<String, TreePage> pages, List<String> route, String path, List<List<String>> routes) {
    TreePage page = pages.get(path);
    assertNotNull(page, "a link leads to a page that exists: " + path);
    assertFalse(route.contains(path), "a route never comes back to a page: " + route + " then " + path);
    Element body = parse(page);
    assertTrue(body.select("a.back-link").isEmpty(), path + ": the layout shows the Back link, above the title");
    assertEquals(route.get(route.size() - 1), page.backPath(), path + ": Back leads to the previous page of the route");
    List<String> questionPages = route.subList(1, route.size());
    List<String> changes = body.select("dl.summary-list a").stream().map(a -> target(page, a)).toList();
    assertEquals(questionPages, changes, path + ": one Change link per earlier answer, each to that question's page on this route");
    for (Element change : body.select("dl.summary-list a")) {
      assertTrue(change.text().startsWith("Change your answer to: "), change.text());
    }
    List<String> next = new ArrayList<>(route);
    next.add(path);
    if (page.isOutcome()) {
      assertTrue(body.child(0).hasAttr("data-outcome"), path + " starts with its data-outcome wrapper");
      assertEquals(page.outcomeId(), body.child(0).attr("data-outcome"));
      assertTrue(body.select("[data-answer]").isEmpty(), "an outcome page has no answers");
      routes.add(next);
      return;
    }
    List<Element> answers = body.select("a[data-answer]");
    assertTrue(answers.size() >= 2, path + " offers its answers as links");
    for (Element answer : answers) {
      follow(pages, next, target(page, answer), routes);
    }
  }

  @Test
  void everyRouteFromStartNowEndsAtAnOutcomeAndChangeLinksStayOnTheRoute() {
    Map<String, TreePage> pages = byPath(render(DecisionTreeLoaderTest.SMALL));
    List<List<String>> routes = walk(pages);
    assertEquals(List.of(
        List.of("decide/index.html", "decide/goals.html", "decide/plan.html", "decide/together.html"),
        List.of("decide/index.html", "decide/goals.html", "decide/plan.html", "decide/apart.html"),
        List.of("decide/index.html", "decide/goals.html", "decide/apart-2.html")), routes);
  }

  @Test
  void eachRouteHasItsOwnOutcomePageWithItsOwnAnswers() {
    Map<String, TreePage> pages = byPath(render(DecisionTreeLoaderTest.SMALL));
    assertEquals(List.of("decide/index.html", "decide/goals.html", "decide/plan.html", "decide/together.html", "decide/apart.html", "decide/apart-2.html", "decide/overview.html"),
        List.copyOf(pages.keySet()));
    assertEquals(List.of("Together", "No"), parse(pages.get("decide/apart.html")).select("dd.summary-list-value").eachText());
    assertEquals(List.of("Apart"), parse(pages.get("decide/apart-2.html")).select("dd.summary-list-value").eachText());
    assertEquals("apart", pages.get("decide/apart-2.html").outcomeId());
    assertEquals("Work apart", pages.get("decide/apart-2.html").title());
    assertNull(pages.get("decide/plan.html").outcomeId());
  }

  @Test
  void questionPageShowsTheQuestionAsTitleAndAnswersAsPlainLinksWithHints() {
    TreePage goals = byPath(render(DecisionTreeLoaderTest.SMALL)).get("decide/goals.html");
    assertEquals("Together or apart?", goals.title());
    Element body = parse(goals);
    assertTrue(body.select("h1, main, form, script").isEmpty(), "a body fragment, with no form or script");
    assertEquals(List.of("Together", "Apart"), body.select("a[data-answer]").eachText());
    Element apart = body.select("a[data-answer]").get(1);
    assertEquals("Each on our own.", body.getElementById(apart.attr("aria-describedby")).text());
    assertTrue(body.select("dl.summary-list").isEmpty(), "no answers yet on the first question");
    assertEquals(DecisionTreePages.START, goals.backPath());
  }

  @Test
  void questionsAreCaptionedWithTheirPlaceOnTheReadersRoute() {
    Map<String, TreePage> pages = byPath(render(DecisionTreeLoaderTest.SMALL));
    assertEquals("Question 1 of up to 2", pages.get("decide/goals.html").caption(), "'Together' leads to a second question, 'Apart' to an outcome");
    assertEquals("Question 2 of 2", pages.get("decide/plan.html").caption());
    assertEquals("", pages.get("decide/together.html").caption(), "outcomes have none");
    assertEquals("", pages.get(DecisionTreePages.START).caption());
    assertNull(pages.get(DecisionTreePages.START).backPath(), "the start page has breadcrumbs, not Back");
    assertNull(pages.get(DecisionTreePages.OVERVIEW).backPath());
  }

  @Test
  void outcomePageGivesTheRecommendationStepsLinksAndStartAgain() {
    TreePage together = byPath(render(DecisionTreeLoaderTest.SMALL)).get("decide/together.html");
    Element body = parse(together);
    assertTrue(together.html().startsWith("<div class=\"decide-outcome\" data-outcome=\"together\">"), together.html());
    assertEquals(List.of("What we suggest", "What to do first", "What to avoid", "Read more in the handbook", "Your answers"), body.select("h2").eachText());
    assertEquals("Plan it.", body.selectFirst(".decide-summary").text());
    assertEquals(List.of("Write the goal."), body.select("ol.decide-first-steps > li").eachText());
    assertEquals(List.of("Vague goals."), body.select("ul.decide-avoid > li").eachText());
    Element read = body.selectFirst("ul.decide-read-more a");
    assertEquals("../a.md#x", read.attr("href"));
    assertEquals("Read A", read.text());
    assertTrue(body.selectFirst(".decide-note").text().contains("Run the questions again for each of the other issues"));
    assertTrue(body.selectFirst(".decide-keep").text().startsWith("To keep your answers and this advice, print this page, or bookmark it"), "how to keep the answers");
    assertEquals("decide/plan.html", together.backPath());
    assertEquals("index.html", body.selectFirst("a.decide-start-again").attr("href"));
  }

  @Test
  void handbookLinksAreRelativeToTheGeneratedPageAndKeepTheirFilePositions() {
    String yaml = DecisionTreeLoaderTest.SMALL.replace("summary: Plan it.", "summary: Plan it, as [the guide](guide/plan.md#how) says.");
    DecisionTreePages.Rendered rendered = render(yaml);
    TreePage together = byPath(rendered).get("decide/together.html");
    SourceText source = new SourceText("decide.yml", yaml);
    List<String> links = together.links().stream().map(l -> l.url() + " at " + source.lineOf(l.offset()) + ":" + source.columnOf(l.offset())).toList();
    assertEquals(List.of("../guide/plan.md#how", "../a.md#x"), links.stream().map(s -> s.split(" at ")[0]).toList());
    assertEquals(List.of("../guide/plan.md#how at 22:38", "../a.md#x at 26:15"), links);
    assertEquals("../guide/plan.md#how", parse(together).selectFirst(".decide-summary a").attr("href"));
    assertTrue(together.links().stream().noneMatch(LinkRef::image));
  }

  @Test
  void textFromTheFileIsEscaped() {
    TreePage goals = byPath(render(DecisionTreeLoaderTest.SMALL.replace("label: Together", "label: \"<script>alert(1)</script> & co\""))).get("decide/goals.html");
    assertFalse(goals.html().contains("<script>"), goals.html());
    assertEquals("<script>alert(1)</script> & co", parse(goals).selectFirst("a[data-answer]").text());
  }

  @Test
  void startPageIntroducesTheQuestionsAndLinksToTheOverview() {
    TreePage start = byPath(render(DecisionTreeLoaderTest.SMALL)).get(DecisionTreePages.START);
    assertEquals("Pick one", start.title());
    Element body = parse(start);
    assertEquals("Answer a question.", body.selectFirst(".decide-intro").text());
    assertTrue(body.text().contains("You will answer at most 2 questions"), body.text());
    assertEquals(List.of("Work together", "Work apart"), body.select("ul.decide-outcomes li").eachText());
    assertEquals("goals.html", body.selectFirst("a.button").attr("href"));
    assertEquals("overview.html", body.select("a").last().attr("href"));
    assertEquals(List.of("p", "p", "h2"), body.children().subList(0, 3).stream().map(Element::normalName).toList());
    assertEquals("Start now", body.child(1).text(), "the count, then Start now, then 'Before you start' (GOV.UK start page)");
    assertEquals("Before you start", body.child(2).text());
  }

  @Test
  void overviewHasTheDiagramTheOutlineAndEveryRoute() {
    TreePage overview = byPath(render(DecisionTreeLoaderTest.SMALL)).get(DecisionTreePages.OVERVIEW);
    assertEquals(DecisionTreePages.OVERVIEW_TITLE, overview.title());
    Element body = parse(overview);
    Element svg = body.selectFirst("svg");
    assertNotNull(svg);
    assertEquals("group", svg.attr("role"));
    assertEquals(List.of("goals.html", "plan.html", "together.html", "apart.html", "apart.html"), body.select(".decide-outline a").eachAttr("href"));
    assertEquals("the question Together or apart? “Together” leads to the question Can you plan it? “Yes” leads to the outcome Work together "
        + "“No” leads to the outcome Work apart “Apart” leads to the outcome Work apart", body.selectFirst(".decide-outline").text());
    List<Element> rows = body.select("table.decide-routes tbody tr");
    assertEquals(3, rows.size());
    assertEquals(List.of("2", "Together No", "Work apart"), rows.get(1).children().eachText());
    assertEquals("apart.html", rows.get(1).selectFirst("a").attr("href"));
    assertEquals("apart-2.html", rows.get(2).selectFirst("a").attr("href"));
  }

  @Test
  void pointersLeadFromEachRecommendedPageBackToItsOutcomes() {
    Map<String, List<TreePointer>> pointers = render(DecisionTreeLoaderTest.SMALL).pointers();
    assertEquals(Map.of(
        "a.html", List.of(new TreePointer("together", "Work together", "decide/together.html", "x")),
        "b.html", List.of(new TreePointer("apart", "Work apart", "decide/apart.html", ""))), pointers);
  }

  @Test
  void renderingTwiceGivesTheSameHtml() {
    assertEquals(render(DecisionTreeLoaderTest.SMALL).pages(), render(DecisionTreeLoaderTest.SMALL).pages());
  }

  @Test
  void onPaperTheTreeIsEveryQuestionWithWhereEachAnswerLeadsAndEveryOutcome() {
    Element printed = Jsoup.parseBodyFragment(render(DecisionTreeLoaderTest.SMALL).printed()).body();
    assertEquals("Answer a question.", printed.selectFirst(".decide-intro").text());
    assertTrue(printed.selectFirst(".decide-print-how").text().contains("There are 2 questions and 2 outcomes; on the way you answer 1 or 2 of them."),
        printed.selectFirst(".decide-print-how").text());
    assertEquals(List.of("The questions", "The outcomes"), printed.select("h2").eachText());
    assertEquals(List.of("Question 1: Together or apart?", "Question 2: Can you plan it?", "Outcome: Work together", "Outcome: Work apart"),
        printed.select("h3").eachText());
    assertEquals(List.of("Together → Question 2", "Apart → Outcome: Work apart Each on our own.", "Yes → Outcome: Work together", "No → Outcome: Work apart"),
        printed.select(".decide-print-answers > li").eachText());
    for (Element a : printed.select(".decide-print-answers a")) {
      assertNotNull(printed.getElementById(a.attr("href").substring(1)), "'" + a.text() + "' leads within the page");
    }
    Element together = printed.selectFirst(".decide-print-outcome");
    assertEquals(List.of("What we suggest", "What to do first", "What to avoid", "Read more in the handbook"), together.select("h4").eachText());
    assertEquals("Plan it.", together.selectFirst(".decide-summary").text());
    assertEquals(List.of("Write the goal."), together.select("ol.decide-first-steps > li").eachText());
    assertEquals(List.of("Vague goals."), together.select("ul.decide-avoid > li").eachText());
    assertEquals("../a.md#x", together.selectFirst(".decide-read-more a").attr("href"), "relative to the start page, whose section it is");
    assertTrue(printed.select("a.button, [data-answer], .summary-list, .back-link, .decide-start-again").isEmpty(), "nothing that needs a screen");
    assertFalse(printed.text().contains("Start now") || printed.text().contains("Change") || printed.text().contains("Start again"), printed.text());
  }

  @Test
  void onPaperQuestionsAreNumberedLevelByLevelAndEachOnce() {
    String yaml = """
        title: T
        intro: I.
        start: a
        nodes:
          a:
            question: A?
            answers:
              - label: To b
                next: b
              - label: To c
                next: c
          b:
            question: B?
            answers:
              - label: To d
                next: d
              - label: Out
                next: apart
          c:
            question: C?
            answers:
              - label: To d
                next: d
              - label: Out
                next: together
          d:
            question: D?
            answers:
              - label: "Yes"
                next: together
              - label: "No"
                next: apart
        """ + DecisionTreeLoaderTest.OUTCOMES;
    Element printed = Jsoup.parseBodyFragment(render(yaml).printed()).body();
    assertEquals(List.of("Question 1: A?", "Question 2: B?", "Question 3: C?", "Question 4: D?", "Outcome: Work together", "Outcome: Work apart"),
        printed.select("h3").eachText(), "D, reached from B and from C, is printed once; outcomes in the file's order");
    assertTrue(printed.selectFirst(".decide-print-how").text().contains("on the way you answer 2 or 3 of them"));
  }
}
