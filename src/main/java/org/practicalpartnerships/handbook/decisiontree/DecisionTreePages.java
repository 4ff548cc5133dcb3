package org.practicalpartnerships.handbook.decisiontree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Answer;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.HandbookLink;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Outcome;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Question;
import org.practicalpartnerships.handbook.decisiontree.Routes.RoutePage;
import org.practicalpartnerships.handbook.decisiontree.Routes.Step;
import org.practicalpartnerships.handbook.html.Html;
import org.practicalpartnerships.handbook.markdown.MarkdownField;
import org.practicalpartnerships.handbook.model.Href;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.model.SitePaths;

/**
 * A checked {@link DecisionTree} in, its pages out, one thing per page as in the GOV.UK question
 * pages, and no script needed:
 *
 * <ul>
 *   <li>{@code decide/index.html}, a GOV.UK start page: how many questions at most and a "Start
 *       now" link first, then "Before you start": the introduction, the outcomes and a link to
 *       the overview;
 *   <li>one page per question per route: the question is the title, captioned "Question 2 of 3"
 *       (or "of up to 3"), then its help, the answers as plain links marked {@code data-answer}
 *       (with their hints), "Your answers so far" with a "Change" link for each earlier answer;
 *   <li>one page per outcome per route, wrapped in {@code <div data-outcome="id">}: the
 *       recommendation, what to do first, what to avoid, where to read more, the reader's answers
 *       with "Change" links, how to keep them, a note to run the questions once per issue and
 *       "Start again";
 *   <li>{@code decide/overview.html}: the whole tree as an SVG diagram, as a nested list (its text
 *       alternative) and as a table of every route;
 *   <li>and, for the printed handbook, the tree on paper ({@link TreeOnPaper}).
 * </ul>
 *
 * Question and outcome pages name the page their Back link returns to ({@link TreePage#backPath}),
 * which the layout shows above the title instead of breadcrumbs.
 *
 * <p>A node reached by more than one route gets one page per route ({@code decide/<id>.html} for the
 * first in depth-first order, then {@code decide/<id>-2.html}, ...), so "your answers" is always
 * the reader's own and every "Change" and back link stays on that route. All text is escaped by
 * jsoup; Markdown comes already rendered, with its links made relative to each page.
 */
public final class DecisionTreePages {
  /** The folder the tree's pages are published in. */
  public static final String FOLDER = "decide/";
  /** The start page. */
  public static final String START = FOLDER + "index.html";
  /** The tree at a glance. */
  public static final String OVERVIEW = FOLDER + "overview.html";
  /** The id of the overview's heading over the tree as a list. */
  static final String OUTLINE_ID = "tree-as-list";
  public static final String OVERVIEW_TITLE = "The tree at a glance";

  /**
   * The pages and what the handbook needs to point back at them.
   *
   * @param pages the start page, then every route's page in depth-first order, then the overview
   * @param pointers for each handbook page an outcome links to (by its output path, such as {@code
   *     behaviours/co-ordination.html}), the outcomes that recommend it, in the tree's order
   * @param printed the whole tree on paper, for the printed handbook's section of the start page
   *     ({@link TreeOnPaper}); a body fragment with links relative to the start page
   */
  public record Rendered(List<TreePage> pages, Map<String, List<TreePointer>> pointers, String printed) {
    public Rendered {
      pages = List.copyOf(pages);
      Map<String, List<TreePointer>> copy = new TreeMap<>();
      pointers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      pointers = java.util.Collections.unmodifiableMap(copy);
    }
  }

  private DecisionTreePages() {}

  public static Rendered render(DecisionTree tree) {
    List<RoutePage> routes = Routes.of(tree);
    List<TreePage> pages = new ArrayList<>();
    pages.add(start(tree, routes));
    for (RoutePage page : routes) {
      pages.add(page.node instanceof Question q ? question(q, page) : outcome((Outcome) page.node, page));
    }
    pages.add(overview(tree, routes));
    return new Rendered(pages, pointers(routes), TreeOnPaper.render(tree, routes));
  }

  private static TreePage start(DecisionTree tree, List<RoutePage> routes) {
    Element body = body();
    String path = START;
    List<LinkRef> links = new ArrayList<>();
    // The GOV.UK start page: what it takes and the button in the first screen, on a phone too;
    // what to know before starting (the introduction, the outcomes) after the button.
    int most = routes.stream().filter(r -> r.node instanceof Outcome).mapToInt(r -> r.steps.size()).max().orElse(1);
    body.appendElement("p").addClass("decide-count").text("You will answer " + (most == 1 ? "1 question" : "at most " + most + " questions")
        + ", one on each page, and can go back and change an answer at any point.");
    body.appendElement("p").appendElement("a").addClass("button").attr("href", href(path, routes.get(0).path)).attr("draggable", "false").text("Start now");
    body.appendElement("h2").text("Before you start");
    markdown(body.appendElement("div").addClass("decide-intro"), tree.intro(), path, links);
    body.appendElement("p").text("At the end you get a suggestion, first steps and pages of the handbook to read. Your answers lead to one of these outcomes:");
    Element outcomes = body.appendElement("ul").addClass("decide-outcomes");
    routes.stream().filter(r -> r.node instanceof Outcome).map(r -> ((Outcome) r.node).title()).distinct().forEach(t -> outcomes.appendElement("li").text(t));
    body.appendElement("p").appendElement("a").attr("href", href(path, OVERVIEW)).text("See the whole tree at a glance");
    return new TreePage(path, tree.title(), tree.description(), body.html(), links);
  }

  private static TreePage question(Question question, RoutePage page) {
    Element body = body();
    List<LinkRef> links = new ArrayList<>();
    if (!question.help().isEmpty()) {
      markdown(body.appendElement("div").addClass("decide-help"), question.help(), page.path, links);
    }
    Element list = body.appendElement("ul").addClass("decide-answers");
    for (int i = 0; i < question.answers().size(); i++) {
      Answer answer = question.answers().get(i);
      Element item = list.appendElement("li");
      Element a = item.appendElement("a").attr("href", href(page.path, page.children.get(i).path)).attr("data-answer", true).text(answer.label());
      if (!answer.hint().isEmpty()) {
        String id = "hint-" + (i + 1);
        a.attr("aria-describedby", id);
        item.appendElement("p").addClass("decide-hint").id(id).text(answer.hint());
      }
    }
    if (!page.steps.isEmpty()) {
      body.appendElement("h2").text("Your answers so far");
      summary(body, page);
    }
    return new TreePage(page.path, question.text(), "", body.html(), links, null, back(page), caption(page));
  }

  private static TreePage outcome(Outcome outcome, RoutePage page) {
    Element body = body();
    List<LinkRef> links = new ArrayList<>();
    Element wrap = body.appendElement("div").addClass("decide-outcome").attr("data-outcome", outcome.id());
    wrap.appendElement("h2").text("What we suggest");
    markdown(wrap.appendElement("div").addClass("decide-summary"), outcome.summary(), page.path, links);
    wrap.appendElement("h2").text("What to do first");
    Element steps = wrap.appendElement("ol").addClass("decide-first-steps");
    outcome.firstSteps().forEach(s -> markdownItem(steps.appendElement("li"), s, page.path, links));
    wrap.appendElement("h2").text("What to avoid");
    Element avoid = wrap.appendElement("ul").addClass("decide-avoid");
    outcome.avoid().forEach(s -> markdownItem(avoid.appendElement("li"), s, page.path, links));
    wrap.appendElement("h2").text("Read more in the handbook");
    Element more = wrap.appendElement("ul").addClass("decide-read-more");
    for (HandbookLink link : outcome.links()) {
      String url = rebase(page.path, link.page());
      more.appendElement("li").appendElement("a").attr("href", url).text(link.label());
      links.add(new LinkRef(url, link.offset(), false));
    }
    wrap.appendElement("h2").text("Your answers");
    summary(wrap, page);
    // Each route has its own page, so the address keeps the reader's answers.
    wrap.appendElement("p").addClass("decide-keep").text("To keep your answers and this advice, print this page, or bookmark it or send its address to a colleague: "
        + "this page always shows these answers.");
    wrap.appendElement("p").addClass("decide-note").text(
        "Most partnerships do several kinds of work at once, and each kind suits different conditions. "
            + "This suggestion is for the one issue you had in mind. Run the questions again for each of the other issues, rather than once for the whole partnership.");
    wrap.appendElement("p").appendElement("a").addClass("decide-start-again").attr("href", href(page.path, START)).text("Start again");
    return new TreePage(page.path, outcome.title(), "", body.html(), links, outcome.id(), back(page), "");
  }

  private static TreePage overview(DecisionTree tree, List<RoutePage> routes) {
    Element body = body();
    String path = OVERVIEW;
    Map<String, String> first = firstPages(routes);
    long questions = tree.nodes().values().stream().filter(n -> n instanceof Question).count();
    long outcomes = tree.nodes().size() - questions;
    List<RoutePage> ends = routes.stream().filter(r -> r.node instanceof Outcome).toList();
    // The diagram shrinks to fit a narrow screen, where its words get small: the link offers the
    // same tree as text first (and lets a screen reader skip the drawing).
    Element intro = body.appendElement("p").text("Every question and outcome of “" + tree.title() + "” on one page: "
        + count(questions, "question") + ", " + count(outcomes, "outcome") + " and " + count(ends.size(), "route") + " from the first question to an outcome. "
        + "Select a box to go to its page, or read ");
    intro.appendElement("a").attr("href", "#" + OUTLINE_ID).text("the tree as a list");
    intro.appendText(".");
    Element figure = body.appendElement("figure").addClass("decide-diagram");
    Element scroll = figure.appendElement("div").addClass("diagram-scroll");
    scroll.appendChild(TreeDiagram.svg(tree, id -> href(path, first.get(id)), OVERVIEW_TITLE + ": " + tree.title(),
        count(questions, "question") + " in rectangles and " + count(outcomes, "outcome") + " in rounded boxes with a thick border, "
            + "joined by arrows labelled with the answers. The list after the diagram gives the same tree as text."));
    figure.appendElement("figcaption").text("Questions are in rectangles; outcomes are in rounded boxes with a thick border. Each arrow is labelled with the answer that leads along it.");

    body.appendElement("h2").id(OUTLINE_ID).text("The tree as a list");
    Element outline = body.appendElement("ul").addClass("decide-outline");
    outlineNode(outline.appendElement("li"), tree, tree.node(tree.start()), path, first, new java.util.HashSet<>());

    body.appendElement("h2").text("Every route");
    Element table = body.appendElement("table").addClass("decide-routes");
    table.appendElement("caption").text("Every route from the first question to an outcome, in the order of the answers");
    Element head = table.appendElement("thead").appendElement("tr");
    head.appendElement("th").attr("scope", "col").text("Route");
    head.appendElement("th").attr("scope", "col").text("Answers, in order");
    head.appendElement("th").attr("scope", "col").text("Outcome");
    Element rows = table.appendElement("tbody");
    int n = 0;
    for (RoutePage end : ends) {
      Element row = rows.appendElement("tr");
      row.appendElement("th").attr("scope", "row").text(String.valueOf(++n));
      Element answers = row.appendElement("td").appendElement("ol").addClass("decide-route-answers");
      for (Step step : end.steps) {
        answers.appendElement("li").text(step.answer().label());
      }
      row.appendElement("td").appendElement("a").attr("href", href(path, end.path)).text(((Outcome) end.node).title());
    }
    return new TreePage(path, OVERVIEW_TITLE, "Every question, answer and outcome of “" + tree.title() + "” on one page: as a diagram, as a list and as a table of routes.", body.html(), List.of());
  }

  /** Question, then each answer and where it leads; a node met again is not spelt out twice. */
  private static void outlineNode(Element li, DecisionTree tree, DecisionTree.Node node, String path, Map<String, String> first, java.util.Set<String> shown) {
    boolean again = !shown.add(node.id());
    if (node instanceof Outcome outcome) {
      li.appendText("the outcome ");
      li.appendElement("a").attr("href", href(path, first.get(node.id()))).text(outcome.title());
      return;
    }
    Question question = (Question) node;
    li.appendText("the question ");
    li.appendElement("a").attr("href", href(path, first.get(node.id()))).text(question.text());
    if (again) {
      li.appendText(" (its answers are listed above)");
      return;
    }
    Element answers = li.appendElement("ul");
    for (Answer answer : question.answers()) {
      Element item = answers.appendElement("li");
      item.appendElement("span").addClass("decide-outline-answer").text("“" + answer.label() + "”");
      item.appendText(" leads to ");
      outlineNode(item, tree, tree.node(answer.next()), path, first, shown);
    }
  }

  /** The page a question's or outcome's Back link returns to: the previous page of its route. */
  private static String back(RoutePage page) {
    return page.parent == null ? START : page.parent.path;
  }

  /**
   * "Question 2 of 3", or "Question 1 of up to 3" where the routes on from here differ in length:
   * counted on the routes through this page only.
   */
  static String caption(RoutePage page) {
    int before = page.steps.size();
    int[] below = questionsFrom(page);
    return "Question " + (before + 1) + " of " + (below[0] == below[1] ? "" : "up to ") + (before + below[1]);
  }

  /** The fewest and most questions from this page (itself included) to an outcome. */
  private static int[] questionsFrom(RoutePage page) {
    if (!(page.node instanceof Question)) {
      return new int[] {0, 0};
    }
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (RoutePage child : page.children) {
      int[] next = questionsFrom(child);
      min = Math.min(min, next[0]);
      max = Math.max(max, next[1]);
    }
    return new int[] {1 + min, 1 + max};
  }

  /** "Your answers": each earlier question, the answer given and a link to change it on this route. */
  private static void summary(Element parent, RoutePage page) {
    Element dl = parent.appendElement("dl").addClass("summary-list");
    for (Step step : page.steps) {
      Element row = dl.appendElement("div").addClass("summary-list-row");
      row.appendElement("dt").addClass("summary-list-key").text(step.question().text());
      row.appendElement("dd").addClass("summary-list-value").text(step.answer().label());
      Element change = row.appendElement("dd").addClass("summary-list-actions").appendElement("a").attr("href", href(page.path, step.page().path)).text("Change");
      change.appendElement("span").addClass("visually-hidden").text(" your answer to: " + step.question().text());
    }
  }

  /** Appends rendered Markdown, its links made relative to the page, and collects the links. */
  static void markdown(Element parent, MarkdownField markdown, String pagePath, List<LinkRef> links) {
    parent.append(markdown.html());
    for (Element a : parent.select("a[href]")) {
      a.attr("href", rebase(pagePath, a.attr("href")));
    }
    for (Element img : parent.select("img[src]")) {
      img.attr("src", rebase(pagePath, img.attr("src")));
    }
    for (LinkRef link : markdown.links()) {
      links.add(new LinkRef(rebase(pagePath, link.url()), link.offset(), link.image()));
    }
  }

  /** Markdown as a list item: a single paragraph is unwrapped so the item reads as one line. */
  static void markdownItem(Element li, MarkdownField markdown, String pagePath, List<LinkRef> links) {
    markdown(li, markdown, pagePath, links);
    if (li.children().size() == 1 && li.child(0).tagName().equals("p") && li.textNodes().stream().allMatch(TextNode::isBlank)) {
      li.child(0).unwrap();
    }
  }

  /** A link written relative to the content folder, made relative to the page at {@code pagePath}. */
  static String rebase(String pagePath, String url) {
    Href href = Href.parse(url);
    String trimmed = url.strip();
    if (href.kind() != Href.Kind.RELATIVE || trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("?")) {
      return url;
    }
    return SitePaths.rootPrefix(pagePath) + trimmed;
  }

  private static String href(String from, String to) {
    return SitePaths.relative(from, to);
  }

  /** The page of each node's first route. */
  private static Map<String, String> firstPages(List<RoutePage> routes) {
    Map<String, String> first = new LinkedHashMap<>();
    for (RoutePage r : routes) {
      first.putIfAbsent(r.node.id(), r.path);
    }
    return first;
  }

  private static Map<String, List<TreePointer>> pointers(List<RoutePage> routes) {
    Map<String, List<TreePointer>> pointers = new TreeMap<>();
    Map<String, String> first = firstPages(routes);
    for (RoutePage r : routes) {
      if (!(r.node instanceof Outcome outcome) || !first.get(outcome.id()).equals(r.path)) {
        continue;
      }
      for (HandbookLink link : outcome.links()) {
        Href href = Href.parse(link.page());
        Optional<String> target = SitePaths.resolve("", href.path()).map(p -> p.replaceAll("\\.md$", ".html"));
        if (target.isEmpty()) {
          continue;
        }
        List<TreePointer> list = pointers.computeIfAbsent(target.get(), k -> new ArrayList<>());
        if (list.stream().noneMatch(p -> p.outcomeId().equals(outcome.id()))) {
          list.add(new TreePointer(outcome.id(), outcome.title(), r.path, href.fragment()));
        }
      }
    }
    return pointers;
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static Element body() {
    return Html.settings(Document.createShell("")).body();
  }
}
