package org.practicalpartnerships.handbook.decisiontree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Answer;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.HandbookLink;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Node;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Outcome;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Question;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Position;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.diagnostics.Suggestions;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.markdown.MarkdownField;
import org.practicalpartnerships.handbook.markdown.RawHtmlProblem;
import org.practicalpartnerships.handbook.model.Href;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.yaml.YNode;
import org.practicalpartnerships.handbook.yaml.YamlFields;
import org.practicalpartnerships.handbook.yaml.YamlProblem;
import org.practicalpartnerships.handbook.yaml.YamlReader;

/**
 * {@code content/decide.yml} in, a checked {@link DecisionTree} and the file's links out.
 *
 * <h2>The file</h2>
 *
 * <pre>{@code
 * title: Which kind of partnership fits?      # required: the start page's title
 * description: One sentence.                  # optional
 * intro: |                                    # required, Markdown: the start page's text
 *   Answer a few questions about one piece of joint work.
 * start: goals                                # required: the id of the first question
 * nodes:                                      # required: every question and outcome, by id
 *   goals:                                    # a question: it has 'question'
 *     question: Do the organisations pursue a goal they hold together, or each their own?
 *     help: |                                 # optional, Markdown
 *       Think of one issue, not the whole board.
 *     answers:                                # two or more
 *       - label: A goal we hold together      # required: the link text
 *         hint: Every partner signs up to it. # optional: one line under the answer
 *         next: predictable                   # required: the id of the next question or outcome
 *       - label: Each our own
 *         next: mutual-benefit
 *   co-ordination:                            # an outcome: it has 'outcome'
 *     outcome: Co-ordination                  # required: the outcome's title
 *     summary: |                              # required, Markdown: the recommendation
 *       Agree the objective and the plan, then align the pieces.
 *     first_steps:                            # required, one or more, each Markdown
 *       - Write the shared objective in one sentence.
 *     avoid:                                  # required, one or more, each Markdown
 *       - Planning the unplannable.
 *     links:                                  # required, one or more
 *       - page: behaviours/co-ordination.md#first-steps   # a page, relative to content/
 *         label: First steps for co-ordination
 * }</pre>
 *
 * <p>A node is a question (it has {@code question}) or an outcome (it has {@code outcome}), never
 * both. Node ids are lowercase letters, digits and hyphens ({@code shared-goal}); they name the
 * pages, {@code decide/<id>.html}, so {@code index}, {@code overview} and ids ending in a hyphen and
 * a number (kept for further routes: {@code decide/<id>-2.html}) are refused. Every path in the file
 * (the {@code page} of a link, and links written in Markdown) is relative to the content folder,
 * where the file lives.
 *
 * <h2>The checks</h2>
 * Each problem is a diagnostic at its line and column, and all of them are reported in one run:
 * unknown keys at every level (with "did you mean"); missing or empty values; duplicate node ids;
 * a missing {@code start}, or one that names no node (with "did you mean") or names an outcome; an
 * answer whose {@code next} names no node (with "did you mean"); questions with fewer than two
 * answers; nodes that cannot be reached from the start; outcomes no answer leads to; answers that
 * go round in a loop (the loop is spelt out, {@code a → b → a}); and more than {@link #MAX_ROUTES}
 * routes, since every route from the start to a node gets its own page. Raw HTML in the Markdown is
 * checked as on any page (nothing that could run code; with {@code raw_html: strip}, removed with
 * a warning). Links into the handbook are returned in {@link Result#links()} for the link checker.
 */
public final class DecisionTreeLoader {
  /** The tree's file, in the content folder. */
  public static final String FILE = "decide.yml";
  /** The most routes from the start to a node, which is the most question and outcome pages. */
  public static final int MAX_ROUTES = 500;

  static final List<String> TREE_KEYS = List.of("title", "description", "intro", "start", "nodes");
  static final List<String> QUESTION_KEYS = List.of("question", "help", "answers");
  static final List<String> OUTCOME_KEYS = List.of("outcome", "summary", "first_steps", "avoid", "links");
  static final List<String> NODE_KEYS = List.of("question", "help", "answers", "outcome", "summary", "first_steps", "avoid", "links");
  static final List<String> ANSWER_KEYS = List.of("label", "hint", "next");
  static final List<String> LINK_KEYS = List.of("page", "label");
  private static final int MAX_CHARACTERS = 1024 * 1024;
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern ROUTE_SUFFIX = Pattern.compile(".*-[0-9]+");
  private static final Set<String> RESERVED = Set.of("index", "overview");

  /**
   * What the file gave.
   *
   * @param tree the tree, present only when the file had no errors, so its pages can be made
   * @param links every link written in the file (outcome {@code page}s and links in Markdown), as
   *     written, relative to the content folder, with their offsets in the file; present even when
   *     the tree has errors, so broken links are reported in the same run. Check them as the links
   *     of a page at the top of the site, such as {@link #FILE} itself.
   */
  public record Result(Optional<DecisionTree> tree, List<LinkRef> links) {
    public Result {
      links = List.copyOf(links);
    }
  }

  private final MarkdownEngine markdown;
  private final boolean stripUnsafeHtml;
  private final YamlReader reader = new YamlReader(MAX_CHARACTERS);

  /** A loader for which unsafe raw HTML is an error ({@code raw_html: refuse}, the default). */
  public DecisionTreeLoader(MarkdownEngine markdown) {
    this(markdown, false);
  }

  /**
   * @param stripUnsafeHtml site.yml's {@code raw_html: strip}: raw HTML the safety policy refuses
   *     is a warning (and removed from the pages), not an error, as on any page
   */
  public DecisionTreeLoader(MarkdownEngine markdown, boolean stripUnsafeHtml) {
    this.markdown = markdown;
    this.stripUnsafeHtml = stripUnsafeHtml;
  }

  /** Reads and checks the tree file; every problem is added to {@code diagnostics}. */
  public Result load(SourceText source, Diagnostics diagnostics) {
    Diagnostics found = new Diagnostics();
    Result result = new Reading(source, found).read();
    diagnostics.addAll(found.sorted());
    return found.hasErrors() ? new Result(Optional.empty(), result.links()) : result;
  }

  /** One reading of one file. */
  private final class Reading {
    private final SourceText source;
    private final Diagnostics found;
    private final YamlFields fields;
    private final List<LinkRef> links = new ArrayList<>();
    private final Map<String, TreeChecks.Draft> drafts = new LinkedHashMap<>();
    /** False when a duplicate node was set aside: its answers are unknown, so reachability is too. */
    private boolean allNodesRead = true;

    Reading(SourceText source, Diagnostics found) {
      this.source = source;
      this.found = found;
      this.fields = new YamlFields(source, found);
    }

    Result read() {
      Optional<YNode> root = yaml();
      if (root.isEmpty()) {
        if (!found.hasErrors()) {
          found.add(source.error(1, 1, "the decision tree is empty: it needs 'title', 'intro', 'start' and 'nodes'"));
        }
        return new Result(Optional.empty(), List.of());
      }
      Optional<YNode.YMap> map = fields.map(root.get(), "the decision tree");
      if (map.isEmpty()) {
        return new Result(Optional.empty(), List.of());
      }
      YNode.YMap top = map.get();
      fields.onlyKeys(top, TREE_KEYS, "tree key");
      Optional<String> title = required(top, "title", TREE_KEYS, top.position(), "the decision tree needs 'title': the start page's title");
      String description = fields.string(top, "description").map(String::strip).orElse("");
      Optional<MarkdownField> intro = required(top, "intro", TREE_KEYS, top.position(), "the decision tree needs 'intro': the start page's text, in Markdown")
          .map(text -> markdown(top.get("intro").get(), text));
      Optional<String> start = required(top, "start", TREE_KEYS, top.position(), "the decision tree needs 'start': the id of its first question").map(String::strip);
      Optional<YNode.YMap> nodes = Optional.empty();
      if (top.get("nodes").isEmpty()) {
        missing(top, "nodes", TREE_KEYS, top.position(), "the decision tree needs 'nodes': its questions and outcomes, by id");
      } else {
        nodes = fields.map(top.get("nodes").get(), "'nodes'");
      }
      nodes.ifPresent(n -> {
        if (n.entries().isEmpty()) {
          fields.error(n.position(), "'nodes' has no questions or outcomes");
        }
        n.entries().forEach(this::node);
      });
      if (nodes.isPresent()) {
        Position startAt = top.get("start").map(YNode::position).orElse(top.position());
        new TreeChecks(drafts, allNodesRead, fields, start, startAt, top.entry("nodes").get().keyPosition()).run();
      }
      if (found.hasErrors()) {
        return new Result(Optional.empty(), links);
      }
      Map<String, Node> byId = new LinkedHashMap<>();
      drafts.values().forEach(d -> byId.put(d.id(), d.node()));
      return new Result(Optional.of(new DecisionTree(title.get().strip(), description, intro.get(), start.get(), byId)), links);
    }

    /**
     * Reads the YAML. A key given twice leaves its later definition out and the rest of the tree
     * is still checked in the same run; a duplicate node id gets a message of its own.
     */
    private Optional<YNode> yaml() {
      YamlReader.Document document = reader.parse(source.text(), 1);
      for (YamlProblem problem : document.problems()) {
        boolean nodeId = problem.kind() == YamlProblem.Kind.DUPLICATE_KEY && problem.path().equals(List.of("nodes"));
        allNodesRead &= !nodeId;
        found.add(nodeId
            ? source.error(problem.position(), "duplicate node id '" + problem.key() + "' (first given on line " + problem.first().line() + "); give each node its own id")
            : problem.diagnostic(source));
      }
      return document.root();
    }

    private void node(YNode.Entry entry) {
      String id = entry.key();
      Position at = entry.keyPosition();
      if (!ID.matcher(id).matches()) {
        fields.error(at, "node id '" + id + "' must be lowercase letters, digits and hyphens, such as 'shared-goal': it names the page decide/<id>.html");
      } else if (RESERVED.contains(id)) {
        fields.error(at, "node id '" + id + "' is taken: decide/" + id + ".html is the tree's " + (id.equals("index") ? "start" : "overview") + " page; choose another id");
      } else if (ROUTE_SUFFIX.matcher(id).matches()) {
        fields.error(at, "node id '" + id + "' must not end in a hyphen and a number: decide/<id>-2.html and so on are the pages of further routes to a node; choose another id");
      }
      Optional<YNode.YMap> value = fields.map(entry.value(), "node '" + id + "'");
      if (value.isEmpty()) {
        drafts.put(id, new TreeChecks.Draft(id, at, TreeChecks.Kind.UNKNOWN, null, List.of(), false));
        return;
      }
      YNode.YMap map = value.get();
      Optional<YNode.Entry> question = map.entry("question");
      Optional<YNode.Entry> outcome = map.entry("outcome");
      if (question.isPresent() && outcome.isPresent()) {
        fields.onlyKeys(map, NODE_KEYS, "node key");
        YNode.Entry later = question.get().keyPosition().line() > outcome.get().keyPosition().line() ? question.get() : outcome.get();
        fields.error(later.keyPosition(), "node '" + id + "' has both 'question' and 'outcome'; a node is either a question or an outcome");
        drafts.put(id, new TreeChecks.Draft(id, at, TreeChecks.Kind.UNKNOWN, null, List.of(), false));
      } else if (question.isPresent()) {
        question(id, at, map);
      } else if (outcome.isPresent()) {
        outcome(id, at, map);
      } else {
        fields.onlyKeys(map, NODE_KEYS, "node key");
        if (!suggested(map, "question", NODE_KEYS) && !suggested(map, "outcome", NODE_KEYS) && !YamlFields.hasUnreadable(map)) {
          fields.error(at, "node '" + id + "' needs 'question' (for a question) or 'outcome' (for an outcome)");
        }
        drafts.put(id, new TreeChecks.Draft(id, at, TreeChecks.Kind.UNKNOWN, null, List.of(), false));
      }
    }

    private void question(String id, Position at, YNode.YMap map) {
      fields.onlyKeys(map, QUESTION_KEYS, "question key");
      Optional<String> text = required(map, "question", QUESTION_KEYS, at, "").map(String::strip);
      MarkdownField help = fields.string(map, "help").filter(s -> !s.isBlank()).map(s -> markdown(map.get("help").get(), s)).orElse(MarkdownField.NONE);
      List<Answer> answers = new ArrayList<>();
      List<TreeChecks.Edge> edges = new ArrayList<>();
      boolean complete = true;
      Optional<YNode> list = map.get("answers");
      if (list.isEmpty()) {
        missing(map, "answers", QUESTION_KEYS, at, "question '" + id + "' needs 'answers': two or more, each with a 'label' and a 'next'");
        complete = false;
      } else if (!(list.get() instanceof YNode.YList items)) {
        if (!fields.unreadable(list.get())) {
          fields.error(list.get().position(), "'answers' must be a list of answers, each starting with '- label:', not " + list.get().kind());
        }
        complete = false;
      } else {
        if (items.items().size() < 2) {
          fields.error(items.position(), "question '" + id + "' has " + (items.items().isEmpty() ? "no answers" : "only one answer") + "; a question needs two or more");
        }
        Map<String, Integer> labels = new HashMap<>();
        for (YNode item : items.items()) {
          Optional<YNode.YMap> answer = fields.map(item, "an answer");
          if (answer.isEmpty()) {
            complete = false;
            continue;
          }
          YNode.YMap a = answer.get();
          fields.onlyKeys(a, ANSWER_KEYS, "answer key");
          Optional<String> label = required(a, "label", ANSWER_KEYS, a.position(), "an answer needs 'label': its text").map(String::strip);
          String hint = fields.string(a, "hint").map(String::strip).orElse("");
          Optional<String> next = required(a, "next", ANSWER_KEYS, a.position(), "an answer needs 'next': the id of the question or outcome it leads to").map(String::strip);
          label.ifPresent(l -> {
            Integer first = labels.putIfAbsent(l, a.get("label").get().position().line());
            if (first != null) {
              fields.error(a.get("label").get().position(), "question '" + id + "' already has the answer '" + l + "' (line " + first + ")");
            }
          });
          next.ifPresent(n -> edges.add(new TreeChecks.Edge(n, a.get("next").get().position())));
          complete &= next.isPresent();
          if (label.isPresent() && next.isPresent()) {
            answers.add(new Answer(label.get(), hint, next.get()));
          }
        }
      }
      Node node = text.isPresent() ? new Question(id, text.get(), help, answers) : null;
      drafts.put(id, new TreeChecks.Draft(id, at, TreeChecks.Kind.QUESTION, node, edges, complete));
    }

    private void outcome(String id, Position at, YNode.YMap map) {
      fields.onlyKeys(map, OUTCOME_KEYS, "outcome key");
      String what = "outcome '" + id + "'";
      Optional<String> title = required(map, "outcome", OUTCOME_KEYS, at, "").map(String::strip);
      Optional<MarkdownField> summary = required(map, "summary", OUTCOME_KEYS, at, what + " needs 'summary': the recommendation, in Markdown")
          .map(s -> markdown(map.get("summary").get(), s));
      Optional<List<MarkdownField>> firstSteps = markdownList(map, "first_steps", at, what + " needs 'first_steps': a list of what to do first");
      Optional<List<MarkdownField>> avoid = markdownList(map, "avoid", at, what + " needs 'avoid': a list of what to avoid");
      Optional<List<HandbookLink>> handbookLinks = handbookLinks(map, at, what);
      Node node = null;
      if (title.isPresent() && summary.isPresent() && firstSteps.isPresent() && avoid.isPresent() && handbookLinks.isPresent()) {
        node = new Outcome(id, title.get(), summary.get(), firstSteps.get(), avoid.get(), handbookLinks.get());
      }
      drafts.put(id, new TreeChecks.Draft(id, at, TreeChecks.Kind.OUTCOME, node, List.of(), true));
    }

    private Optional<List<MarkdownField>> markdownList(YNode.YMap map, String key, Position at, String message) {
      Optional<YNode> node = map.get(key);
      if (node.isEmpty()) {
        missing(map, key, OUTCOME_KEYS, at, message);
        return Optional.empty();
      }
      if (!(node.get() instanceof YNode.YList list)) {
        if (!fields.unreadable(node.get())) {
          fields.error(node.get().position(), "'" + key + "' must be a list, each item starting with '- ', not " + node.get().kind());
        }
        return Optional.empty();
      }
      if (list.items().isEmpty()) {
        fields.error(list.position(), "'" + key + "' needs at least one item");
        return Optional.empty();
      }
      List<MarkdownField> items = new ArrayList<>();
      boolean ok = true;
      for (YNode item : list.items()) {
        if (item instanceof YNode.YMap) {
          fields.error(item.position(), "an item of '" + key + "' must be text, not a map; if the text has ': ' in it, put it in quotes");
          ok = false;
          continue;
        }
        Optional<String> text = fields.asString(item, key);
        if (text.isEmpty() || text.get().isBlank()) {
          if (item instanceof YNode.YScalar) {
            fields.error(item.position(), "an item of '" + key + "' must not be empty");
          }
          ok = false;
          continue;
        }
        items.add(markdown(item, text.get()));
      }
      return ok ? Optional.of(items) : Optional.empty();
    }

    private Optional<List<HandbookLink>> handbookLinks(YNode.YMap map, Position at, String what) {
      Optional<YNode> node = map.get("links");
      if (node.isEmpty()) {
        missing(map, "links", OUTCOME_KEYS, at, what + " needs 'links': one or more handbook pages to read next");
        return Optional.empty();
      }
      if (!(node.get() instanceof YNode.YList list)) {
        if (!fields.unreadable(node.get())) {
          fields.error(node.get().position(), "'links' must be a list of links, each starting with '- page:', not " + node.get().kind());
        }
        return Optional.empty();
      }
      if (list.items().isEmpty()) {
        fields.error(list.position(), "'links' needs at least one link into the handbook");
        return Optional.empty();
      }
      List<HandbookLink> result = new ArrayList<>();
      boolean ok = true;
      for (YNode item : list.items()) {
        Optional<YNode.YMap> link = fields.map(item, "a link");
        if (link.isEmpty()) {
          ok = false;
          continue;
        }
        YNode.YMap l = link.get();
        fields.onlyKeys(l, LINK_KEYS, "link key");
        Optional<String> page = required(l, "page", LINK_KEYS, l.position(), "a link needs 'page': a handbook page, such as behaviours/co-operation.md#first-steps").map(String::strip);
        Optional<String> label = required(l, "label", LINK_KEYS, l.position(), "a link needs 'label': its text").map(String::strip);
        if (page.isPresent()) {
          Position pageAt = l.get("page").get().position();
          Href href = Href.parse(page.get());
          if (href.kind() != Href.Kind.RELATIVE || !href.path().endsWith(".md")) {
            fields.error(pageAt, "'page' must be a page of the handbook, written relative to the content folder, such as behaviours/co-operation.md#first-steps");
            page = Optional.empty();
          } else {
            links.add(new LinkRef(page.get(), offset(pageAt), false));
          }
        }
        if (page.isPresent() && label.isPresent()) {
          result.add(new HandbookLink(page.get(), label.get(), offset(l.get("page").get().position())));
        } else {
          ok = false;
        }
      }
      return ok ? Optional.of(result) : Optional.empty();
    }

    /** A required text value: missing (unless misspelt, which was reported already), empty or not text is an error. */
    private Optional<String> required(YNode.YMap map, String key, List<String> allowed, Position at, String message) {
      if (map.get(key).isEmpty()) {
        missing(map, key, allowed, at, message);
        return Optional.empty();
      }
      YNode value = map.get(key).get();
      if (value instanceof YNode.YScalar scalar && scalar.isNull()) {
        fields.error(value.position(), "'" + key + "' must not be empty");
        return Optional.empty();
      }
      return fields.requiredString(map, key, "");
    }

    private void missing(YNode.YMap map, String key, List<String> allowed, Position at, String message) {
      if (YamlFields.hasUnreadable(map)) {
        fields.unreadable(map.entries().stream().filter(e -> e.value() instanceof YNode.YUnreadable).findFirst().get().value());
      } else if (!suggested(map, key, allowed)) {
        fields.error(at, message);
      }
    }

    /** True when an unknown key of this map was reported with "did you mean '{@code key}'". */
    private boolean suggested(YNode.YMap map, String key, List<String> allowed) {
      return map.entries().stream()
          .filter(e -> !allowed.contains(e.key()))
          .anyMatch(e -> Suggestions.closest(e.key(), allowed).filter(key::equals).isPresent());
    }

    /** Renders Markdown written at {@code node}, with its links' offsets mapped back into the file. */
    private MarkdownField markdown(YNode node, String text) {
      MarkdownField field;
      try {
        field = MarkdownField.render(markdown, source, offset(node.position()), text);
      } catch (MarkdownEngine.TooComplex e) {
        found.add(source.atOffset(e.offset(), org.practicalpartnerships.handbook.diagnostics.Severity.ERROR, e.getMessage()));
        return MarkdownField.NONE;
      }
      for (RawHtmlProblem problem : field.problems()) {
        found.add(problem.diagnostic(source, stripUnsafeHtml));
      }
      links.addAll(field.links());
      return field;
    }

    private int offset(Position at) {
      return source.lineStart(at.line()) + at.column() - 1;
    }
  }
}
