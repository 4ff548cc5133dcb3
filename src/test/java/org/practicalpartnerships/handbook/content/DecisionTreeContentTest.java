package org.practicalpartnerships.handbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * content/decide.yml, the handbook's decision tree, against issue 17: every question offers
 * "Not sure" and it leads somewhere; every route is short and ends at an outcome that says what
 * to do first, what to avoid and where to read more; the answers managers actually give have a
 * place; and the handbook's own test is labelled as such. The file is read as plain YAML, so these
 * checks do not depend on the engine's classes (the build checks the format itself).
 */
class DecisionTreeContentTest {
  static final Path FILE = Path.of("content", "decide.yml");
  static Map<String, Object> tree;
  static Map<String, Map<String, Object>> nodes;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() throws IOException {
    tree = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(FILE));
    nodes = (Map<String, Map<String, Object>>) tree.get("nodes");
  }

  static boolean isQuestion(String id) {
    return nodes.get(id).containsKey("question");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, String>> answers(String id) {
    return (List<Map<String, String>>) nodes.get(id).get("answers");
  }

  /** A node's whole text, links included, for looking for words in it. */
  static String text(String id) {
    return nodes.get(id).toString();
  }

  static Map<String, String> answer(String question, String labelContains) {
    return answers(question).stream().filter(a -> a.get("label").toLowerCase(Locale.ROOT).contains(labelContains)).findFirst()
        .orElseThrow(() -> new AssertionError("question '" + question + "' has no answer like '" + labelContains + "'"));
  }

  /** Every route from the start, as the list of node ids it passes. */
  static List<List<String>> routes() {
    List<List<String>> out = new ArrayList<>();
    walk(List.of((String) tree.get("start")), out);
    return out;
  }

  static void walk(List<String> route, List<List<String>> out) {
    String last = route.get(route.size() - 1);
    assertTrue(nodes.containsKey(last), "no node '" + last + "' (route " + route + ")");
    if (!isQuestion(last)) {
      out.add(route);
      return;
    }
    for (Map<String, String> a : answers(last)) {
      assertFalse(route.contains(a.get("next")), "loop: " + route + " -> " + a.get("next"));
      List<String> next = new ArrayList<>(route);
      next.add(a.get("next"));
      walk(next, out);
    }
  }

  @Test
  void nodeIdsAreLowercaseDigitsAndHyphens() {
    for (String id : nodes.keySet()) {
      assertTrue(id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"), "node id '" + id + "'");
    }
  }

  @Test
  void everyQuestionOffersNotSureAndItLeadsToANode() {
    for (String id : nodes.keySet()) {
      if (isQuestion(id)) {
        Map<String, String> notSure = answer(id, "not sure");
        assertTrue(nodes.containsKey(notSure.get("next")), id + ": 'Not sure' leads to no node: " + notSure.get("next"));
      }
    }
  }

  @Test
  void everyRouteIsShortAndEndsAtAnOutcome() {
    List<List<String>> routes = routes();
    assertTrue(routes.size() >= 10, "only " + routes.size() + " routes");
    for (List<String> route : routes) {
      int questions = route.size() - 1;
      assertTrue(questions >= 2 && questions <= 4, "a reader should answer 2 to 4 questions, not " + questions + ": " + route);
      assertTrue(nodes.get(route.get(route.size() - 1)).containsKey("outcome"), "route ends at a question: " + route);
    }
    for (String id : nodes.keySet()) {
      assertTrue(routes.stream().anyMatch(r -> r.contains(id)), "no route reaches '" + id + "'");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyOutcomeHasFirstStepsThingsToAvoidAndLinks() {
    for (var node : nodes.entrySet()) {
      if (node.getValue().containsKey("outcome")) {
        for (String key : List.of("first_steps", "avoid", "links")) {
          Object list = node.getValue().get(key);
          assertTrue(list instanceof List<?> l && !l.isEmpty(), node.getKey() + " needs '" + key + "'");
        }
        for (Map<String, String> link : (List<Map<String, String>>) node.getValue().get("links")) {
          String page = link.get("page").replaceFirst("#.*", "");
          assertTrue(Files.isRegularFile(Path.of("content").resolve(page)), node.getKey() + " links to a missing page " + page);
        }
      }
    }
  }

  @Test
  void everyOutcomeSaysHowTrustAndASharedCurrencyComeIn() {
    for (var node : nodes.entrySet()) {
      if (node.getValue().containsKey("outcome")) {
        String summary = node.getValue().get("summary").toString();
        assertTrue(summary.contains("**Trust.**") && summary.contains("**A shared currency.**"),
            node.getKey() + ": the content brief asks every outcome to say how trust and a shared currency come in");
      }
    }
  }

  @Test
  void theIntroSaysWhichQuestionIsTheHandbooksOwn() {
    String intro = (String) tree.get("intro");
    assertTrue(intro.contains("handbook's own test"), "the intro must label the gain question as the handbook's own");
    assertTrue(intro.contains("Pratt, Gordon and Plamping"), "the intro must credit the framework's two dimensions");
  }

  @Test
  void sharingTargetsDoesNotPullEveryoneIntoTheOwnGoalsBranch() {
    String start = (String) tree.get("start");
    String together = answer(start, "yes").get("next");
    String onPaper = answer(start, "paper").get("next");
    String own = answer(start, "own goals").get("next");
    assertTrue(isQuestion(together), "a goal held together leads on to the question about the route");
    assertNotEquals(own, onPaper, "a goal on paper only needs its own advice, not the own-goals branch");
    assertNotEquals(together, onPaper);
    // the help says that answering to your own targets is normal, not a reason to pick "own goals"
    assertTrue(nodes.get(start).get("help").toString().contains("own"), "the first question's help must explain own targets");
  }

  @Test
  void knowingTheObjectiveButNotTheRouteGetsNoDetailedPlan() {
    String route = answer((String) tree.get("start"), "yes").get("next");
    String bothKnown = answer(route, "both").get("next");
    String objectiveOnly = answer(route, "not the route").get("next");
    assertNotEquals(bothKnown, objectiveOnly, "'objective known, route unknown' must not get the detailed-plan outcome");
    String avoid = nodes.get(objectiveOnly).get("avoid").toString().toLowerCase(Locale.ROOT);
    assertTrue(avoid.contains("detailed plan"), "the outcome for an unknown route must warn against a detailed plan");
  }

  @Test
  void oneSidedGainNoGainAndClashingGoalsGetDifferentAdvice() {
    String gain = answer((String) tree.get("start"), "own goals").get("next");
    String oneSided = answer(gain, "one side").get("next");
    String none = answer(gain, "nobody").get("next");
    String clash = answer(gain, "pull against").get("next");
    assertEquals(3, List.of(oneSided, none, clash).stream().distinct().count(), "one-sided gain, no gain and clashing goals need different advice");
    assertTrue(text(oneSided).contains("shared-currency") || text(oneSided).contains("shared currency"),
        "a one-sided gain goes to shared currency advice");
    assertTrue(text(oneSided).contains("shared-goals"), "a one-sided gain also points to finding a shared goal");
  }

  @Test
  void theCompetitionOutcomeSaysWhatToDoAndWhichRulesApply() {
    String gain = answer((String) tree.get("start"), "own goals").get("next");
    for (String id : List.of(answer(gain, "pull against").get("next"), answer(gain, "nobody").get("next"))) {
      Map<String, Object> outcome = nodes.get(id);
      String title = outcome.get("outcome").toString();
      assertFalse(title.matches("(?i)competition.*"), id + ": title the outcome by what the reader does, not '" + title + "'");
      assertTrue(outcome.get("summary").toString().contains("duties to co-operate"), id + " must say the statutory duties to co-operate still apply");
    }
    String compete = nodes.get(answer(gain, "pull against").get("next")).get("summary").toString();
    assertTrue(compete.contains("Provider Selection Regime") && compete.contains("Procurement Act 2023"),
        "competing runs under the Provider Selection Regime (NHS) and the Procurement Act 2023 (councils)");
  }
}
