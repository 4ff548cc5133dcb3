package org.practicalpartnerships.handbook.decisiontree;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Answer;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.HandbookLink;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Outcome;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Question;
import org.practicalpartnerships.handbook.decisiontree.Routes.RoutePage;
import org.practicalpartnerships.handbook.model.LinkRef;

/**
 * The decision tree on paper: what the printed handbook shows in place of the tree's start page,
 * so that a reader can answer the questions without a screen.
 */
final class TreeOnPaper {
  private TreeOnPaper() {}

  /**
   * The tree as readers can use it on paper, in place of the start page in the printed handbook:
   * the introduction, then every question once, numbered, with its help and its answers, each
   * saying where it leads ("→ Question 2", "→ Outcome: Co-operate", links within the page), then
   * every outcome with its advice, first steps, what to avoid and where to read more. No buttons,
   * "Change" or "Start again": nothing that needs a screen.
   */
  static String render(DecisionTree tree, List<RoutePage> routes) {
    Element body = DecisionTreePages.body();
    String path = DecisionTreePages.START;
    List<LinkRef> links = new ArrayList<>(); // checked on the tree's own pages; only collected here
    Map<String, Integer> numbers = new LinkedHashMap<>();
    List<Outcome> outcomes = new ArrayList<>();
    order(tree, numbers, outcomes);
    IntSummaryStatistics lengths = routes.stream().filter(r -> r.node instanceof Outcome).mapToInt(r -> r.steps.size()).summaryStatistics();
    DecisionTreePages.markdown(body.appendElement("div").addClass("decide-intro"), tree.intro(), path, links);
    body.appendElement("p").addClass("decide-print-how").text("On paper: start at Question 1, and after your answer follow the arrow to the next question or to your outcome. "
        + "There are " + DecisionTreePages.count(numbers.size(), "question") + " and " + DecisionTreePages.count(outcomes.size(), "outcome") + "; on the way you answer "
        + (lengths.getMin() == lengths.getMax() ? (lengths.getMax() == numbers.size() ? "all of them" : lengths.getMax() + " of them")
            : lengths.getMin() + (lengths.getMax() - lengths.getMin() == 1 ? " or " : " to ") + lengths.getMax() + " of them") + ".");
    body.appendElement("h2").id("questions").text("The questions");
    for (Map.Entry<String, Integer> entry : numbers.entrySet()) {
      question(body, tree, (Question) tree.node(entry.getKey()), entry.getValue(), numbers, links);
    }
    body.appendElement("h2").id("outcomes").text("The outcomes");
    for (Outcome outcome : outcomes) {
      outcome(body, outcome, links);
    }
    body.appendElement("p").addClass("decide-note").text(
        "Most partnerships do several kinds of work at once, and each kind suits different conditions. Answer the questions once for each issue, rather than once for the whole partnership.");
    return body.html();
  }

  /** A question: its number and text, its help, and each answer with its hint and where it leads. */
  private static void question(Element body, DecisionTree tree, Question question, int number, Map<String, Integer> numbers, List<LinkRef> links) {
    String path = DecisionTreePages.START;
    Element section = body.appendElement("section").addClass("decide-print-question").attr("aria-labelledby", "q-" + question.id());
    section.appendElement("h3").id("q-" + question.id()).text("Question " + number + ": " + question.text());
    if (!question.help().isEmpty()) {
      DecisionTreePages.markdown(section.appendElement("div").addClass("decide-help"), question.help(), path, links);
    }
    Element answers = section.appendElement("ul").addClass("decide-print-answers");
    for (Answer answer : question.answers()) {
      Element item = answers.appendElement("li");
      item.appendElement("strong").text(answer.label());
      DecisionTree.Node next = tree.node(answer.next());
      item.appendText(" → ");
      if (next instanceof Question q) {
        item.appendElement("a").attr("href", "#q-" + q.id()).text("Question " + numbers.get(q.id()));
      } else {
        item.appendElement("a").attr("href", "#o-" + next.id()).text("Outcome: " + ((Outcome) next).title());
      }
      if (!answer.hint().isEmpty()) {
        item.appendElement("p").addClass("decide-hint").text(answer.hint());
      }
    }
  }

  /** An outcome: its advice, first steps, what to avoid and where to read more. */
  private static void outcome(Element body, Outcome outcome, List<LinkRef> links) {
    String path = DecisionTreePages.START;
    Element section = body.appendElement("section").addClass("decide-print-outcome").attr("aria-labelledby", "o-" + outcome.id());
    section.appendElement("h3").id("o-" + outcome.id()).text("Outcome: " + outcome.title());
    section.appendElement("h4").text("What we suggest");
    DecisionTreePages.markdown(section.appendElement("div").addClass("decide-summary"), outcome.summary(), path, links);
    section.appendElement("h4").text("What to do first");
    Element steps = section.appendElement("ol").addClass("decide-first-steps");
    outcome.firstSteps().forEach(step -> DecisionTreePages.markdownItem(steps.appendElement("li"), step, path, links));
    section.appendElement("h4").text("What to avoid");
    Element avoid = section.appendElement("ul").addClass("decide-avoid");
    outcome.avoid().forEach(step -> DecisionTreePages.markdownItem(avoid.appendElement("li"), step, path, links));
    section.appendElement("h4").text("Read more in the handbook");
    Element more = section.appendElement("ul").addClass("decide-read-more");
    for (HandbookLink link : outcome.links()) {
      more.appendElement("li").appendElement("a").attr("href", DecisionTreePages.rebase(path, link.page())).text(link.label());
    }
  }

  /**
   * Questions numbered level by level from the start (the first question, then those its answers
   * lead to, in the order of the answers, and so on); outcomes in the order the file gives them.
   */
  private static void order(DecisionTree tree, Map<String, Integer> numbers, List<Outcome> outcomes) {
    java.util.ArrayDeque<DecisionTree.Node> queue = new java.util.ArrayDeque<>(List.of(tree.node(tree.start())));
    while (!queue.isEmpty()) {
      if (queue.poll() instanceof Question question && !numbers.containsKey(question.id())) {
        numbers.put(question.id(), numbers.size() + 1);
        question.answers().forEach(answer -> queue.add(tree.node(answer.next())));
      }
    }
    tree.nodes().values().stream().filter(node -> node instanceof Outcome).map(node -> (Outcome) node).forEach(outcomes::add);
  }
}
