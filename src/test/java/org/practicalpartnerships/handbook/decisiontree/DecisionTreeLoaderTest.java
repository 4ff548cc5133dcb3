package org.practicalpartnerships.handbook.decisiontree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Outcome;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Question;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.model.LinkRef;

class DecisionTreeLoaderTest {
  static final MarkdownEngine MARKDOWN = new MarkdownEngine();
  static final String PATH = "content/decide.yml";

  /** Two outcomes with everything they need, to end the small trees below. */
  static final String OUTCOMES = """
        together:
          outcome: Work together
          summary: Plan it.
          first_steps: [Write the goal.]
          avoid: [Vague goals.]
          links:
            - page: a.md#x
              label: Read A
        apart:
          outcome: Work apart
          summary: Go alone.
          first_steps: [Say so.]
          avoid: [Hidden rivalry.]
          links:
            - page: b.md
              label: Read B
      """;

  /** A valid tree: goals → plan → together | apart, and goals → apart, so 'apart' has two routes. */
  static final String SMALL = """
      title: Pick one
      intro: Answer a question.
      start: goals
      nodes:
        goals:
          question: Together or apart?
          answers:
            - label: Together
              next: plan
            - label: Apart
              hint: Each on our own.
              next: apart
        plan:
          question: Can you plan it?
          answers:
            - label: "Yes"
              next: together
            - label: "No"
              next: apart
      """ + OUTCOMES;

  private final Diagnostics diagnostics = new Diagnostics();

  private DecisionTreeLoader.Result load(String yaml) {
    return new DecisionTreeLoader(MARKDOWN).load(new SourceText(PATH, yaml), diagnostics);
  }

  private List<String> problems() {
    return diagnostics.sorted().stream().map(Diagnostic::headline).toList();
  }

  @Test
  void readsAValidTree() {
    DecisionTree tree = load(SMALL).tree().orElseThrow();
    assertEquals(List.of(), problems());
    assertEquals("Pick one", tree.title());
    assertEquals("goals", tree.start());
    assertEquals(List.of("goals", "plan", "together", "apart"), List.copyOf(tree.nodes().keySet()));
    Question goals = assertInstanceOf(Question.class, tree.node("goals"));
    assertEquals("Each on our own.", goals.answers().get(1).hint());
    Outcome together = assertInstanceOf(Outcome.class, tree.node("together"));
    assertEquals("<p>Plan it.</p>\n", together.summary().html());
  }

  @Test
  void unknownKeysAtEveryLevelSuggestTheKnownOne() {
    load("""
        title: T
        intor: Hello.
        start: q
        nodes:
          q:
            question: Q?
            halp: More.
            answers:
              - label: A
                nxt: o
              - label: B
                next: o
          o:
            outcome: O
            sumary: S.
            first_steps: [F]
            avoid: [A]
            links:
              - page: a.md
                lable: A
        """);
    assertEquals(List.of(
        "content/decide.yml:2:1: error: unknown tree key 'intor'; did you mean 'intro'? (known: description, intro, nodes, start, title)",
        "content/decide.yml:7:5: error: unknown question key 'halp'; did you mean 'help'? (known: answers, help, question)",
        "content/decide.yml:10:9: error: unknown answer key 'nxt'; did you mean 'next'? (known: hint, label, next)",
        "content/decide.yml:15:5: error: unknown outcome key 'sumary'; did you mean 'summary'? (known: avoid, first_steps, links, outcome, summary)",
        "content/decide.yml:20:9: error: unknown link key 'lable'; did you mean 'label'? (known: label, page)"), problems());
  }

  @Test
  void duplicateNodeIdIsReportedAndTheRestIsStillChecked() {
    load(SMALL.replace("  plan:\n", "  plan:\n    question: First?\n    answers: []\n  plan:\n"));
    assertEquals(List.of(
        "content/decide.yml:15:14: error: question 'plan' has no answers; a question needs two or more",
        "content/decide.yml:16:3: error: duplicate node id 'plan' (first given on line 13); give each node its own id"), problems());
  }

  @Test
  void missingStart() {
    load(SMALL.replace("start: goals\n", ""));
    assertEquals(List.of("content/decide.yml:1:1: error: the decision tree needs 'start': the id of its first question"), problems());
  }

  @Test
  void startNamingNoNodeSuggestsTheClosest() {
    load(SMALL.replace("start: goals", "start: goal"));
    assertEquals(List.of("content/decide.yml:3:8: error: 'start' names no node 'goal'; did you mean 'goals'?"), problems());
  }

  @Test
  void startMustBeAQuestion() {
    load(SMALL.replace("start: goals", "start: apart"));
    assertEquals(List.of(
        "content/decide.yml:3:8: error: 'start' must name a question, but 'apart' is an outcome",
        "content/decide.yml:5:3: error: question 'goals' cannot be reached: no route of answers from the start, 'apart', leads to it",
        "content/decide.yml:13:3: error: question 'plan' cannot be reached: no route of answers from the start, 'apart', leads to it",
        "content/decide.yml:20:3: error: outcome 'together' cannot be reached: no route of answers from the start, 'apart', leads to it"), problems());
  }

  @Test
  void answerLeadingToAMissingNodeSuggestsTheClosest() {
    load(SMALL.replace("next: plan", "next: plann"));
    assertEquals(List.of(
        "content/decide.yml:9:15: error: 'next' names no node 'plann'; did you mean 'plan'?"), problems());
  }

  @Test
  void nodeThatCannotBeReached() {
    load(SMALL.replace("next: plan", "next: together"));
    assertEquals(List.of(
        "content/decide.yml:13:3: error: question 'plan' cannot be reached: no route of answers from the start, 'goals', leads to it"), problems());
  }

  @Test
  void outcomeThatNoAnswerLeadsToHasItsOwnMessage() {
    load(SMALL.replace("next: together", "next: apart"));
    assertEquals(List.of(
        "content/decide.yml:20:3: error: no answer leads to outcome 'together'; add an answer with 'next: together', or remove the outcome"), problems());
  }

  @Test
  void loopIsSpeltOut() {
    load(SMALL.replace("        next: apart\n  together:", "        next: goals\n  together:"));
    assertEquals(List.of(
        "content/decide.yml:19:15: error: the answers go round in a loop: goals → plan → goals; every answer must lead on to a new question or an outcome"), problems());
  }

  /** Issue 16, item 16: a loop does not hide the outcome it leaves without a route. */
  @Test
  void loopAndTheOutcomeItStrandsAreReportedTogether() {
    load(SMALL.replace("next: together", "next: goals"));
    assertEquals(List.of(
        "content/decide.yml:17:15: error: the answers go round in a loop: goals → plan → goals; every answer must lead on to a new question or an outcome",
        "content/decide.yml:20:3: error: no answer leads to outcome 'together'; add an answer with 'next: together', or remove the outcome"), problems());
  }

  @Test
  void answerLeadingBackToItsOwnQuestionIsALoopAndTheStrandedOutcomeIsReported() {
    load(SMALL.replace("next: together", "next: plan"));
    assertEquals(List.of(
        "content/decide.yml:17:15: error: the answers go round in a loop: plan → plan; every answer must lead on to a new question or an outcome",
        "content/decide.yml:20:3: error: no answer leads to outcome 'together'; add an answer with 'next: together', or remove the outcome"), problems());
  }

  @Test
  void outcomeReachedOnlyFromAStrandedQuestionIsReportedBesideTheLoop() {
    // 'side' leads to 'together' but nothing leads to 'side'; 'plan' loops back to 'goals'.
    load(SMALL.replace("next: together", "next: goals").replace("  together:", String.join("\n",
        "  side:",
        "    question: Never asked?",
        "    answers:",
        "      - label: Together",
        "        next: together",
        "      - label: Apart",
        "        next: apart",
        "  together:")));
    assertEquals(List.of(
        "content/decide.yml:17:15: error: the answers go round in a loop: goals → plan → goals; every answer must lead on to a new question or an outcome",
        "content/decide.yml:20:3: error: question 'side' cannot be reached: no route of answers from the start, 'goals', leads to it",
        "content/decide.yml:27:3: error: outcome 'together' cannot be reached: no route of answers from the start, 'goals', leads to it"), problems());
  }

  @Test
  void twoSeparateLoopsAreBothReportedWithEveryOtherProblem() {
    // goals ⇄ plan, plan → plan, a misspelt 'next' and an outcome without its summary: four problems.
    load(SMALL.replace("next: together", "next: goals").replace("next: apart\n  together:", "next: plan\n  together:")
        .replace("hint: Each on our own.\n        next: apart", "hint: Each on our own.\n        next: aprat")
        .replace("    summary: Go alone.\n", ""));
    assertEquals(List.of(
        "content/decide.yml:12:15: error: 'next' names no node 'aprat'; did you mean 'apart'?",
        "content/decide.yml:17:15: error: the answers go round in a loop: goals → plan → goals; every answer must lead on to a new question or an outcome",
        "content/decide.yml:19:15: error: the answers go round in a loop: plan → plan; every answer must lead on to a new question or an outcome",
        "content/decide.yml:20:3: error: no answer leads to outcome 'together'; add an answer with 'next: together', or remove the outcome",
        "content/decide.yml:28:3: error: outcome 'apart' needs 'summary': the recommendation, in Markdown"), problems());
  }

  @Test
  void questionNeedsTwoAnswers() {
    load(SMALL.replace("""
            - label: "No"
              next: apart
      """, ""));
    assertEquals(List.of(
        "content/decide.yml:16:7: error: question 'plan' has only one answer; a question needs two or more"), problems());
  }

  @Test
  void nodeIsEitherAQuestionOrAnOutcome() {
    load(SMALL.replace("    question: Can you plan it?\n", "    question: Can you plan it?\n    outcome: Plan\n")
        .replace("    outcome: Work apart\n", ""));
    assertEquals(List.of(
        "content/decide.yml:15:5: error: node 'plan' has both 'question' and 'outcome'; a node is either a question or an outcome",
        "content/decide.yml:29:3: error: node 'apart' needs 'question' (for a question) or 'outcome' (for an outcome)"), problems());
  }

  @Test
  void tooManyRoutesNamesTheCount() {
    assertEquals(List.of(), problems(chain(6)));
    assertEquals(List.of(
        "content/decide.yml:4:1: error: the answers make 1,023 routes from the start, and each route gets its own page: more than the 500 allowed; let more answers lead straight to an outcome"),
        problems(chain(9)));
  }

  /** Questions q0 ... q(n-1), each with two answers to the next: 2^n routes to the outcome. */
  private List<String> problems(String yaml) {
    Diagnostics found = new Diagnostics();
    new DecisionTreeLoader(MARKDOWN).load(new SourceText(PATH, yaml), found);
    return found.sorted().stream().map(Diagnostic::headline).toList();
  }

  private static String chain(int questions) {
    StringBuilder yaml = new StringBuilder("title: T\nintro: I\nstart: q0\nnodes:\n");
    for (int i = 0; i < questions; i++) {
      String next = i + 1 < questions ? "q" + (i + 1) : "end";
      yaml.append("  q").append(i).append(":\n    question: Q").append(i).append("?\n    answers:\n")
          .append("      - {label: A, next: ").append(next).append("}\n")
          .append("      - {label: B, next: ").append(next).append("}\n");
    }
    yaml.append("  end:\n    outcome: E\n    summary: S\n    first_steps: [F]\n    avoid: [A]\n    links: [{page: a.md, label: A}]\n");
    return yaml.toString();
  }

  @Test
  void outcomeNeedsItsPartsAndNonEmptyLists() {
    load(SMALL.replace("""
          first_steps: [Write the goal.]
          avoid: [Vague goals.]
      """, """
          first_steps: []
      """));
    assertEquals(List.of(
        "content/decide.yml:20:3: error: outcome 'together' needs 'avoid': a list of what to avoid",
        "content/decide.yml:23:18: error: 'first_steps' needs at least one item"), problems());
  }

  @Test
  void listItemWithAColonExplainsTheQuotes() {
    load(SMALL.replace("avoid: [Hidden rivalry.]", "avoid:\n      - Two things: rivalry and blame."));
    assertEquals(List.of(
        "content/decide.yml:33:9: error: an item of 'avoid' must be text, not a map; if the text has ': ' in it, put it in quotes"), problems());
  }

  @Test
  void nodeIdsMustMakeGoodFileNames() {
    load(SMALL.replace("  plan:", "  Plan It:").replace("next: plan", "next: Plan It").replace("  apart:", "  overview:").replace("next: apart", "next: overview"));
    assertEquals(List.of(
        "content/decide.yml:13:3: error: node id 'Plan It' must be lowercase letters, digits and hyphens, such as 'shared-goal': it names the page decide/<id>.html",
        "content/decide.yml:28:3: error: node id 'overview' is taken: decide/overview.html is the tree's overview page; choose another id"), problems());
  }

  @Test
  void linkPageMustBeAHandbookPage() {
    load(SMALL.replace("page: b.md", "page: https://example.org/"));
    assertEquals(List.of(
        "content/decide.yml:34:15: error: 'page' must be a page of the handbook, written relative to the content folder, such as behaviours/co-operation.md#first-steps"), problems());
  }

  @Test
  void linksAreReturnedAsWrittenWithTheirPositionsEvenWhenTheTreeHasErrors() {
    String yaml = SMALL.replace("intro: Answer a question.", "intro: |\n  Read first.\n  See [the basics](basics.md#start).")
        .replace("start: goals", "start: nowhere");
    DecisionTreeLoader.Result result = load(yaml);
    assertTrue(result.tree().isEmpty());
    SourceText source = new SourceText(PATH, yaml);
    List<String> where = result.links().stream().map(l -> l.url() + " at " + source.lineOf(l.offset()) + ":" + source.columnOf(l.offset())).toList();
    assertEquals(List.of("basics.md#start at 4:20", "a.md#x at 28:15", "b.md at 36:15"), where);
    assertTrue(result.links().stream().noneMatch(LinkRef::image));
  }

  @Test
  void rawHtmlThatCouldRunCodeIsRefusedAtItsPosition() {
    load(SMALL.replace("summary: Plan it.", "summary: |\n      Plan it.\n      <script>alert(1)</script>"));
    assertEquals(List.of(
        "content/decide.yml:24:7: error: raw <script> is not allowed in a page: content may not run code or change how the page loads"), problems());
  }

  /** site.yml's {@code raw_html: strip} holds for the tree's Markdown as for pages: a warning, and the tree is made. */
  @Test
  void withRawHtmlStripRefusedHtmlIsAWarningAndTheTreeIsStillMade() {
    String yaml = SMALL.replace("summary: Plan it.", "summary: |\n      Plan it.\n      <script>alert(1)</script>")
        .replace("intro: Answer a question.", "intro: Answer <span onclick=\"x()\">a</span> question.");
    DecisionTreeLoader.Result result = new DecisionTreeLoader(MARKDOWN, true).load(new SourceText(PATH, yaml), diagnostics);
    assertTrue(result.tree().isPresent(), problems().toString());
    assertEquals(List.of(
        "content/decide.yml:2:21: warning: the event-handler attribute 'onclick' is not allowed: content may not run code (removed, as site.yml sets raw_html: strip)",
        "content/decide.yml:24:7: warning: raw <script> is not allowed in a page: content may not run code or change how the page loads (removed, as site.yml sets raw_html: strip)"),
        problems());
  }

  @Test
  void emptyFile() {
    load("");
    assertEquals(List.of("content/decide.yml:1:1: error: the decision tree is empty: it needs 'title', 'intro', 'start' and 'nodes'"), problems());
  }
}
