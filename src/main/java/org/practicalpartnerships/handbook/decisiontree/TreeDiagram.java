package org.practicalpartnerships.handbook.decisiontree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Answer;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Node;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Outcome;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Question;
import org.practicalpartnerships.handbook.decisiontree.TreeLayout.Edge;
import org.practicalpartnerships.handbook.decisiontree.TreeLayout.Item;
import org.practicalpartnerships.handbook.decisiontree.TreeLayout.Kind;

/**
 * The whole tree drawn as SVG at build time, top down in layers.
 *
 * <p>Each question and outcome is a box on the layer of its longest route from the start; each
 * answer is a label on a layer of its own between its question and the next node, so labels never
 * sit on top of each other or of a line. An answer that skips layers runs through reserved gaps.
 * Within a layer, nodes follow the depth-first order of the answers, improved by barycentre sweeps
 * where lines would cross; each node is then placed as close as it can be to the middle of its
 * neighbours, without overlapping (an isotonic regression per layer). Text is at least 15 px,
 * wrapped onto {@code <tspan>} lines, and drawn in {@code currentColor}, so it follows the page's
 * colours in light and dark mode.
 */
final class TreeDiagram {
  static final int FONT = 16;
  static final int ANSWER_FONT = 15;
  static final int LINE = 21;
  static final int ANSWER_LINE = 19;
  static final int PAD_X = 10;
  static final int PAD_Y = 9;
  static final int BOX_MIN = 120;
  static final int BOX_MAX = 180;
  static final int ANSWER_MAX = 130;
  static final int GAP_X = 20;
  static final int GAP_Y = 30;
  static final int MARGIN = 6;
  static final int PASS_WIDTH = 10;
  /** A generous average glyph width, as a share of the font size, so text stays inside its box. */
  static final double GLYPH = 0.57;
  /** The same for bold text, which outcome boxes use. */
  static final double BOLD_GLYPH = 0.63;

  private TreeDiagram() {}

  /**
   * @param hrefOf the link of each node's box, by node id
   * @param title the diagram's accessible name
   * @param description the diagram's accessible description
   */
  static Element svg(DecisionTree tree, Function<String, String> hrefOf, String title, String description) {
    Map<String, Integer> level = TreeLayout.levels(tree);
    Map<String, Item> boxes = new LinkedHashMap<>();
    List<Item> items = new ArrayList<>();
    for (String id : TreeLayout.depthFirst(tree)) {
      Node node = tree.node(id);
      boolean question = node instanceof Question;
      String text = question ? ((Question) node).text() : ((Outcome) node).title();
      double glyph = question ? GLYPH : BOLD_GLYPH;
      List<String> lines = wrap(text, chars(BOX_MAX - 2 * PAD_X, FONT, glyph));
      double width = Math.max(BOX_MIN, Math.min(BOX_MAX, widest(lines, FONT, glyph) + 2 * PAD_X));
      Item item = new Item(question ? Kind.QUESTION : Kind.OUTCOME, node, lines, width, lines.size() * LINE + 2 * PAD_Y, 2 * level.get(id));
      boxes.put(id, item);
      items.add(item);
    }
    List<Edge> edges = new ArrayList<>();
    for (Item box : boxes.values()) {
      if (!(box.node instanceof Question question)) {
        continue;
      }
      for (Answer answer : question.answers()) {
        List<String> lines = wrap(answer.label(), chars(ANSWER_MAX, ANSWER_FONT, GLYPH));
        Item label = new Item(Kind.ANSWER, null, lines, widest(lines, ANSWER_FONT, GLYPH), lines.size() * ANSWER_LINE, box.layer + 1);
        items.add(label);
        TreeLayout.link(box, label);
        Item next = boxes.get(answer.next());
        Item previous = label;
        List<Item> passes = new ArrayList<>();
        for (int layer = label.layer + 1; layer < next.layer; layer++) {
          Item pass = new Item(Kind.PASS, null, List.of(), PASS_WIDTH, 0, layer);
          items.add(pass);
          passes.add(pass);
          TreeLayout.link(previous, pass);
          previous = pass;
        }
        TreeLayout.link(previous, next);
        edges.add(new Edge(box, label, passes, next));
      }
    }
    List<List<Item>> layers = new ArrayList<>();
    for (Item item : items) {
      while (layers.size() <= item.layer) {
        layers.add(new ArrayList<>());
      }
      layers.get(item.layer).add(item);
    }
    TreeLayout.order(layers);
    TreeLayout.place(layers);
    return draw(layers, edges, hrefOf, title, description);
  }

  private static Element draw(List<List<Item>> layers, List<Edge> edges, Function<String, String> hrefOf, String title, String description) {
    double width = 0;
    double height = 0;
    for (List<Item> layer : layers) {
      for (Item item : layer) {
        width = Math.max(width, item.x + item.width / 2 + MARGIN);
        height = Math.max(height, item.y + item.height + MARGIN);
      }
    }
    Element svg = new Element("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("width", n(Math.ceil(width)))
        .attr("height", n(Math.ceil(height)))
        .attr("viewBox", "0 0 " + n(Math.ceil(width)) + " " + n(Math.ceil(height)))
        .attr("role", "group")
        .attr("aria-labelledby", "decide-diagram-title")
        .attr("aria-describedby", "decide-diagram-desc")
        .addClass("decide-diagram-svg");
    svg.appendElement("title").id("decide-diagram-title").text(title);
    svg.appendElement("desc").id("decide-diagram-desc").text(description);
    Element marker = svg.appendElement("defs").appendElement("marker")
        .id("decide-arrow").attr("viewBox", "0 0 10 10").attr("refX", "9").attr("refY", "5")
        .attr("markerWidth", "7").attr("markerHeight", "7").attr("orient", "auto");
    marker.appendElement("path").attr("d", "M0,0 L10,5 L0,10 z").attr("fill", "currentColor");
    lines(svg, layers, edges);
    Element labels = svg.appendElement("g").addClass("decide-diagram-answers").attr("fill", "currentColor").attr("font-size", String.valueOf(ANSWER_FONT)).attr("text-anchor", "middle");
    for (Edge edge : edges) {
      text(labels, edge.label(), edge.label().y, ANSWER_FONT, ANSWER_LINE);
    }
    boxes(svg, layers, hrefOf);
    return svg;
  }

  /** The answers' lines, from each question through its label (and any passes) to the next node. */
  private static void lines(Element svg, List<List<Item>> layers, List<Edge> edges) {
    Map<Integer, double[]> bands = new HashMap<>();
    for (List<Item> layer : layers) {
      for (Item item : layer) {
        if (item.kind != Kind.PASS) {
          double[] band = bands.computeIfAbsent(item.layer, k -> new double[] {item.y, item.y + item.height});
          band[0] = Math.min(band[0], item.y);
          band[1] = Math.max(band[1], item.y + item.height);
        }
      }
    }
    Map<Edge, Double> entry = entries(edges);
    Element lines = svg.appendElement("g").addClass("decide-diagram-lines").attr("fill", "none").attr("stroke", "currentColor").attr("stroke-width", "1.5");
    for (Edge edge : edges) {
      Item q = edge.question();
      Item label = edge.label();
      lines.appendElement("line")
          .attr("x1", n(q.x)).attr("y1", n(q.y + q.height))
          .attr("x2", n(label.x)).attr("y2", n(label.y - 4));
      StringBuilder points = new StringBuilder(n(label.x) + "," + n(label.y + label.height + 2));
      for (Item pass : edge.passes()) {
        double[] band = bands.getOrDefault(pass.layer, new double[] {pass.y, pass.y});
        points.append(' ').append(n(pass.x)).append(',').append(n(band[0]));
        points.append(' ').append(n(pass.x)).append(',').append(n(band[1]));
      }
      points.append(' ').append(n(entry.get(edge))).append(',').append(n(edge.next().y - 1));
      lines.appendElement("polyline").attr("points", points.toString()).attr("marker-end", "url(#decide-arrow)");
    }
  }

  /** Where each answer's line enters its next node: several arrive side by side, in the order they come from. */
  private static Map<Edge, Double> entries(List<Edge> edges) {
    Map<Item, List<Edge>> arriving = new LinkedHashMap<>();
    for (Edge edge : edges) {
      arriving.computeIfAbsent(edge.next(), k -> new ArrayList<>()).add(edge);
    }
    Map<Edge, Double> entry = new HashMap<>();
    for (Map.Entry<Item, List<Edge>> e : arriving.entrySet()) {
      Item target = e.getKey();
      List<Edge> in = new ArrayList<>(e.getValue());
      in.sort(Comparator.comparingDouble(TreeDiagram::lastX));
      double spacing = Math.min(24, (target.width - 2 * PAD_X) / Math.max(1, in.size()));
      for (int i = 0; i < in.size(); i++) {
        entry.put(in.get(i), target.x + (i - (in.size() - 1) / 2.0) * spacing);
      }
    }
    return entry;
  }

  /** The question and outcome boxes, each a link a mouse or a keyboard can follow; the outline repeats them as text. */
  private static void boxes(Element svg, List<List<Item>> layers, Function<String, String> hrefOf) {
    for (List<Item> layer : layers) {
      for (Item item : layer) {
        if (item.kind != Kind.QUESTION && item.kind != Kind.OUTCOME) {
          continue;
        }
        boolean outcome = item.kind == Kind.OUTCOME;
        Element a = svg.appendElement("a").attr("href", hrefOf.apply(item.node.id()))
            .addClass(outcome ? "decide-diagram-outcome" : "decide-diagram-question");
        a.appendElement("rect")
            .attr("x", n(item.x - item.width / 2)).attr("y", n(item.y))
            .attr("width", n(item.width)).attr("height", n(item.height))
            .attr("rx", outcome ? "14" : "3")
            .attr("fill", "currentColor").attr("fill-opacity", outcome ? "0.08" : "0")
            .attr("stroke", "currentColor").attr("stroke-width", outcome ? "3" : "1.5");
        Element text = text(a, item, item.y + PAD_Y, FONT, LINE);
        text.attr("fill", "currentColor").attr("font-size", String.valueOf(FONT)).attr("text-anchor", "middle");
        if (outcome) {
          text.attr("font-weight", "bold");
        }
      }
    }
  }

  private static double lastX(Edge edge) {
    return edge.passes().isEmpty() ? edge.label().x : edge.passes().get(edge.passes().size() - 1).x;
  }

  private static Element text(Element parent, Item item, double top, int font, int line) {
    Element text = parent.appendElement("text");
    for (int i = 0; i < item.lines.size(); i++) {
      // The baseline sits about four fifths of the font size below the top of the line.
      double baseline = top + i * line + (line - font) / 2.0 + font * 0.8;
      text.appendElement("tspan").attr("x", n(item.x)).attr("y", n(baseline)).text(item.lines.get(i));
    }
    return text;
  }

  /** Greedy word wrap at {@code max} characters; a longer word keeps a line of its own. */
  static List<String> wrap(String text, int max) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > max) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return List.copyOf(lines);
  }

  private static int chars(double width, int font, double glyph) {
    return Math.max(8, (int) Math.floor(width / (font * glyph)));
  }

  private static double widest(List<String> lines, int font, double glyph) {
    return lines.stream().mapToInt(String::length).max().orElse(0) * font * glyph;
  }

  /** A coordinate with at most one decimal, so the output is short and the same on every run. */
  private static String n(double value) {
    double rounded = Math.round(value * 10) / 10.0;
    return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded);
  }
}
