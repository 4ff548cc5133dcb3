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

  private enum Kind {
    QUESTION,
    OUTCOME,
    ANSWER,
    PASS
  }

  private static final class Item {
    final Kind kind;
    final Node node;
    final List<String> lines;
    final double width;
    final double height;
    final int layer;
    final List<Item> up = new ArrayList<>();
    final List<Item> down = new ArrayList<>();
    double x;
    double y;

    Item(Kind kind, Node node, List<String> lines, double width, double height, int layer) {
      this.kind = kind;
      this.node = node;
      this.lines = lines;
      this.width = width;
      this.height = height;
      this.layer = layer;
    }
  }

  /** An answer's line: from its question through its label (and any passes) to the next node. */
  private record Edge(Item question, Item label, List<Item> passes, Item next) {}

  private TreeDiagram() {}

  /**
   * @param hrefOf the link of each node's box, by node id
   * @param title the diagram's accessible name
   * @param description the diagram's accessible description
   */
  static Element svg(DecisionTree tree, Function<String, String> hrefOf, String title, String description) {
    Map<String, Integer> level = levels(tree);
    Map<String, Item> boxes = new LinkedHashMap<>();
    List<Item> items = new ArrayList<>();
    for (String id : depthFirst(tree)) {
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
        link(box, label);
        Item next = boxes.get(answer.next());
        Item previous = label;
        List<Item> passes = new ArrayList<>();
        for (int layer = label.layer + 1; layer < next.layer; layer++) {
          Item pass = new Item(Kind.PASS, null, List.of(), PASS_WIDTH, 0, layer);
          items.add(pass);
          passes.add(pass);
          link(previous, pass);
          previous = pass;
        }
        link(previous, next);
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
    order(layers);
    place(layers);
    return draw(layers, edges, hrefOf, title, description);
  }

  private static void link(Item from, Item to) {
    from.down.add(to);
    to.up.add(from);
  }

  /** Each node's layer: the most questions on any route from the start to it. */
  private static Map<String, Integer> levels(DecisionTree tree) {
    Map<String, Integer> indegree = new HashMap<>();
    for (Node node : tree.nodes().values()) {
      if (node instanceof Question q) {
        q.answers().forEach(a -> indegree.merge(a.next(), 1, Integer::sum));
      }
    }
    Map<String, Integer> level = new HashMap<>(Map.of(tree.start(), 0));
    List<String> queue = new ArrayList<>(List.of(tree.start()));
    for (int i = 0; i < queue.size(); i++) {
      if (tree.node(queue.get(i)) instanceof Question q) {
        for (Answer a : q.answers()) {
          level.merge(a.next(), level.get(queue.get(i)) + 1, Math::max);
          if (indegree.merge(a.next(), -1, Integer::sum) == 0) {
            queue.add(a.next());
          }
        }
      }
    }
    return level;
  }

  /** Node ids in the order a reader meets them: depth first over the answers. */
  private static List<String> depthFirst(DecisionTree tree) {
    List<String> order = new ArrayList<>();
    List<String> stack = new ArrayList<>(List.of(tree.start()));
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (!stack.isEmpty()) {
      String id = stack.remove(stack.size() - 1);
      if (!seen.add(id)) {
        continue;
      }
      order.add(id);
      if (tree.node(id) instanceof Question q) {
        for (int i = q.answers().size() - 1; i >= 0; i--) {
          stack.add(q.answers().get(i).next());
        }
      }
    }
    return order;
  }

  /** Barycentre sweeps down and up, keeping the order with the fewest crossings. */
  private static void order(List<List<Item>> layers) {
    List<List<Item>> best = copy(layers);
    long fewest = crossings(layers);
    for (int sweep = 0; sweep < 8 && fewest > 0; sweep++) {
      boolean down = sweep % 2 == 0;
      for (int k = down ? 1 : layers.size() - 2; down ? k < layers.size() : k >= 0; k += down ? 1 : -1) {
        List<Item> layer = layers.get(k);
        Map<Item, Double> weight = new HashMap<>();
        for (int i = 0; i < layer.size(); i++) {
          Item item = layer.get(i);
          List<Item> neighbours = down ? item.up : item.down;
          weight.put(item, neighbours.isEmpty() ? i : neighbours.stream().mapToDouble(n -> layers.get(n.layer).indexOf(n)).average().orElse(i));
        }
        layer.sort(Comparator.comparingDouble(weight::get));
      }
      long c = crossings(layers);
      if (c < fewest) {
        fewest = c;
        best = copy(layers);
      }
    }
    for (int k = 0; k < layers.size(); k++) {
      layers.get(k).clear();
      layers.get(k).addAll(best.get(k));
    }
  }

  private static List<List<Item>> copy(List<List<Item>> layers) {
    return layers.stream().map(l -> (List<Item>) new ArrayList<>(l)).toList();
  }

  private static long crossings(List<List<Item>> layers) {
    long count = 0;
    for (int k = 0; k + 1 < layers.size(); k++) {
      List<Item> upper = layers.get(k);
      List<Item> lower = layers.get(k + 1);
      List<int[]> lines = new ArrayList<>();
      for (int i = 0; i < upper.size(); i++) {
        for (Item d : upper.get(i).down) {
          lines.add(new int[] {i, lower.indexOf(d)});
        }
      }
      for (int a = 0; a < lines.size(); a++) {
        for (int b = a + 1; b < lines.size(); b++) {
          int[] p = lines.get(a);
          int[] q = lines.get(b);
          if ((p[0] - q[0]) * (long) (p[1] - q[1]) < 0) {
            count++;
          }
        }
      }
    }
    return count;
  }

  /** Horizontal places: packed, then pulled towards the middle of the neighbours; then vertical. */
  private static void place(List<List<Item>> layers) {
    for (List<Item> layer : layers) {
      double x = 0;
      for (Item item : layer) {
        item.x = x + item.width / 2;
        x += item.width + GAP_X;
      }
    }
    for (int round = 0; round < 6; round++) {
      for (int k = 1; k < layers.size(); k++) {
        align(layers.get(k), true);
      }
      for (int k = layers.size() - 2; k >= 0; k--) {
        align(layers.get(k), false);
      }
    }
    double left = layers.stream().flatMap(List::stream).mapToDouble(i -> i.x - i.width / 2).min().orElse(0);
    double top = MARGIN;
    for (List<Item> layer : layers) {
      double height = layer.stream().mapToDouble(i -> i.height).max().orElse(0);
      for (Item item : layer) {
        item.x += MARGIN - left;
        item.y = item.kind == Kind.ANSWER ? top + (height - item.height) / 2 : top;
      }
      top += height + GAP_Y;
    }
  }

  /**
   * Places a layer's items, in their order and at least {@link #GAP_X} apart, as close as possible
   * (least squares) to the middle of their neighbours above or below: the pool-adjacent-violators
   * algorithm on the positions less the minimum offsets.
   */
  private static void align(List<Item> layer, boolean fromAbove) {
    int n = layer.size();
    double[] offset = new double[n];
    double[] target = new double[n];
    for (int i = 0; i < n; i++) {
      Item item = layer.get(i);
      if (i > 0) {
        offset[i] = offset[i - 1] + (layer.get(i - 1).width + item.width) / 2 + GAP_X;
      }
      List<Item> neighbours = fromAbove ? item.up : item.down;
      double wanted = neighbours.isEmpty() ? item.x : neighbours.stream().mapToDouble(m -> m.x).average().orElse(item.x);
      target[i] = wanted - offset[i];
    }
    double[] sum = new double[n];
    int[] size = new int[n];
    int blocks = 0;
    for (int i = 0; i < n; i++) {
      sum[blocks] = target[i];
      size[blocks] = 1;
      blocks++;
      while (blocks > 1 && sum[blocks - 2] / size[blocks - 2] > sum[blocks - 1] / size[blocks - 1]) {
        sum[blocks - 2] += sum[blocks - 1];
        size[blocks - 2] += size[blocks - 1];
        blocks--;
      }
    }
    int i = 0;
    for (int b = 0; b < blocks; b++) {
      double mean = sum[b] / size[b];
      for (int j = 0; j < size[b]; j++, i++) {
        layer.get(i).x = mean + offset[i];
      }
    }
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

    // Several answers leading to one node arrive side by side, in the order they come from.
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

    Element labels = svg.appendElement("g").addClass("decide-diagram-answers").attr("fill", "currentColor").attr("font-size", String.valueOf(ANSWER_FONT)).attr("text-anchor", "middle");
    for (Edge edge : edges) {
      text(labels, edge.label(), edge.label().y, ANSWER_FONT, ANSWER_LINE);
    }

    for (List<Item> layer : layers) {
      for (Item item : layer) {
        if (item.kind != Kind.QUESTION && item.kind != Kind.OUTCOME) {
          continue;
        }
        boolean outcome = item.kind == Kind.OUTCOME;
        // Each box is a link a mouse or a keyboard can follow; the outline below repeats them as text.
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
    return svg;
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
