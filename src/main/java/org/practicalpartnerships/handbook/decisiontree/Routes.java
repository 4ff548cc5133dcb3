package org.practicalpartnerships.handbook.decisiontree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Answer;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Node;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Question;

/**
 * Every route from the start to every node, in depth-first order over the answers, each with the
 * path of its page: {@code decide/<id>.html} for a node's first route, {@code decide/<id>-2.html}
 * and so on for the others. The tree is checked, so this ends and stays within the route bound.
 */
final class Routes {
  private Routes() {}

  /** One answer given on the way: the question, the answer, and that question's page on this route. */
  record Step(Question question, Answer answer, RoutePage page) {}

  /** One page: a node reached by one route. */
  static final class RoutePage {
    final Node node;
    final String path;
    final List<Step> steps;
    final RoutePage parent;
    final List<RoutePage> children = new ArrayList<>();

    RoutePage(Node node, String path, List<Step> steps, RoutePage parent) {
      this.node = node;
      this.path = path;
      this.steps = List.copyOf(steps);
      this.parent = parent;
    }
  }

  /** The pages of every route, the start question's first. */
  static List<RoutePage> of(DecisionTree tree) {
    List<RoutePage> pages = new ArrayList<>();
    visit(tree, tree.node(tree.start()), List.of(), null, new HashMap<>(), pages);
    return List.copyOf(pages);
  }

  private static void visit(DecisionTree tree, Node node, List<Step> steps, RoutePage parent, Map<String, Integer> counts, List<RoutePage> pages) {
    if (pages.size() >= DecisionTreeLoader.MAX_ROUTES) {
      throw new IllegalArgumentException("more than " + DecisionTreeLoader.MAX_ROUTES + " routes: only trees from DecisionTreeLoader can be rendered");
    }
    int n = counts.merge(node.id(), 1, Integer::sum);
    RoutePage page = new RoutePage(node, DecisionTreePages.FOLDER + node.id() + (n == 1 ? "" : "-" + n) + ".html", steps, parent);
    pages.add(page);
    if (parent != null) {
      parent.children.add(page);
    }
    if (node instanceof Question question) {
      for (Answer answer : question.answers()) {
        List<Step> next = new ArrayList<>(steps);
        next.add(new Step(question, answer, page));
        visit(tree, tree.node(answer.next()), next, page, counts, pages);
      }
    }
  }
}
