package org.practicalpartnerships.handbook.decisiontree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.practicalpartnerships.handbook.markdown.MarkdownField;
import org.practicalpartnerships.handbook.model.LinkRef;

/**
 * A checked decision tree: questions that lead, answer by answer, to outcomes. Instances come from
 * {@link DecisionTreeLoader}, which only hands out trees that passed every check: every answer
 * leads to a node, the start is a question, every node can be reached, nothing loops and the
 * routes are within {@link DecisionTreeLoader#MAX_ROUTES}.
 *
 * @param title the tree's title, shown on its start page
 * @param description one sentence for the start page's description, or "" when none
 * @param intro the start page's introduction
 * @param start the id of the first question
 * @param nodes every question and outcome by id, in the order the file gives them
 */
public record DecisionTree(String title, String description, MarkdownField intro, String start, Map<String, Node> nodes) {

  public DecisionTree {
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
  }

  /** The node with this id; the tree guarantees every {@code next} and {@code start} names one. */
  public Node node(String id) {
    Node node = nodes.get(id);
    if (node == null) {
      throw new IllegalArgumentException("no node '" + id + "'");
    }
    return node;
  }

  /** A question or an outcome. */
  public sealed interface Node permits Question, Outcome {
    String id();
  }

  /**
   * A question page.
   *
   * @param text the question, which is the page's title
   * @param help more about the question, or {@link MarkdownField#NONE}
   * @param answers two or more
   */
  public record Question(String id, String text, MarkdownField help, List<Answer> answers) implements Node {
    public Question {
      answers = List.copyOf(answers);
    }
  }

  /**
   * One answer to a question: a link to the next page.
   *
   * @param hint a line shown under the answer, or "" when none
   * @param next the id of the node this answer leads to
   */
  public record Answer(String label, String hint, String next) {}

  /**
   * An outcome page: the recommendation the reader's answers lead to.
   *
   * @param title the outcome's title, which is the page's title
   * @param summary the recommendation
   * @param firstSteps what to do first, one or more
   * @param avoid what to avoid, one or more
   * @param links pages of the handbook to read next, one or more
   */
  public record Outcome(String id, String title, MarkdownField summary, List<MarkdownField> firstSteps, List<MarkdownField> avoid, List<HandbookLink> links)
      implements Node {
    public Outcome {
      firstSteps = List.copyOf(firstSteps);
      avoid = List.copyOf(avoid);
      links = List.copyOf(links);
    }
  }

  /**
   * A link from an outcome into the handbook.
   *
   * @param page the page as written: a path relative to the content folder, such as {@code
   *     behaviours/co-operation.md#first-steps}
   * @param label the link text
   * @param offset where {@code page} is written in the tree file
   */
  public record HandbookLink(String page, String label, int offset) {
    /** The link as a {@link LinkRef} with the destination as written. */
    public LinkRef asWritten() {
      return new LinkRef(page, offset, false);
    }
  }

}
