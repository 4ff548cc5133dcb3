package org.practicalpartnerships.handbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree;
import org.practicalpartnerships.handbook.decisiontree.DecisionTreeLoader;
import org.practicalpartnerships.handbook.decisiontree.DecisionTreePages;
import org.practicalpartnerships.handbook.decisiontree.DecisionTreePagesTest;
import org.practicalpartnerships.handbook.decisiontree.TreePage;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.model.Href;
import org.practicalpartnerships.handbook.model.LinkRef;

/** content/decide.yml, the handbook's own tree, against the brief's outline. */
class RealTreeTest {
  static final Path FILE = Path.of("content", DecisionTreeLoader.FILE);

  private static DecisionTreeLoader.Result load(Diagnostics diagnostics) throws IOException {
    return new DecisionTreeLoader(new org.practicalpartnerships.handbook.markdown.MarkdownEngine()).load(new SourceText("content/decide.yml", Files.readString(FILE)), diagnostics);
  }

  @Test
  void loadsWithNoDiagnostics() throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    DecisionTreeLoader.Result result = load(diagnostics);
    assertEquals(List.of(), diagnostics.sorted().stream().map(Diagnostic::headline).toList());
    assertTrue(result.tree().isPresent());
  }

  @Test
  void everyRouteReachesOneOfTheBriefsOutcomes() throws IOException {
    DecisionTree tree = load(new Diagnostics()).tree().orElseThrow();
    DecisionTreePages.Rendered rendered = DecisionTreePages.render(tree);
    Map<String, TreePage> pages = DecisionTreePagesTest.byPath(rendered);
    List<List<String>> routes = DecisionTreePagesTest.walk(pages);
    Set<String> outcomes = new TreeSet<>();
    for (List<String> route : routes) {
      TreePage last = pages.get(route.get(route.size() - 1));
      assertTrue(last.isOutcome(), "route " + route + " ends at a question");
      outcomes.add(last.outcomeId());
    }
    assertEquals(Set.of("co-ordination", "co-evolution", "co-operation", "compete", "separate", "shared-currency", "shared-goal-first", "test-route", "trial"), outcomes,
        "every outcome of content/decide.yml is reached by some route");
    assertEquals("On this piece of work, do the partners hold a goal together, beyond their own targets?", pages.get("decide/goals.html").title());
  }

  /** The build's link checker does this for real; here, that every link names a page and a section that exist. */
  @Test
  void everyLinkNamesAnExistingPageAndSection() throws IOException {
    List<String> broken = new ArrayList<>();
    for (LinkRef link : load(new Diagnostics()).links()) {
      Href href = Href.parse(link.url());
      Path page = Path.of("content").resolve(href.path());
      if (!Files.isRegularFile(page)) {
        broken.add(link.url());
      } else if (!href.fragment().isEmpty() && !Files.readString(page).contains("{#" + href.fragment() + "}")) {
        broken.add(link.url());
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void everyOutcomeSaysHowTrustAndASharedCurrencyComeIn() throws IOException {
    DecisionTree tree = load(new Diagnostics()).tree().orElseThrow();
    String missing = tree.nodes().values().stream()
        .filter(n -> n instanceof DecisionTree.Outcome)
        .map(n -> (DecisionTree.Outcome) n)
        .filter(o -> !o.summary().source().contains("**Trust.**") || !o.summary().source().contains("**A shared currency.**"))
        .map(DecisionTree.Outcome::id)
        .collect(Collectors.joining(", "));
    assertEquals("", missing);
  }
}
