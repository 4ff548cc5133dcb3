package org.practicalpartnerships.handbook.decisiontree;

import static org.practicalpartnerships.handbook.decisiontree.TreeDiagram.GAP_X;
import static org.practicalpartnerships.handbook.decisiontree.TreeDiagram.GAP_Y;
import static org.practicalpartnerships.handbook.decisiontree.TreeDiagram.MARGIN;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Answer;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Node;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Question;

/**
 * Where each box, answer label and line of the tree's diagram goes ({@link TreeDiagram} draws
 * them): layers by longest route, an order within each layer with few crossings, and places as
 * close as they can be to the middle of their neighbours.
 */
final class TreeLayout {
  private TreeLayout() {}

  enum Kind {
    QUESTION,
    OUTCOME,
    ANSWER,
    PASS
  }

  static final class Item {
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
  record Edge(Item question, Item label, List<Item> passes, Item next) {}

  static void link(Item from, Item to) {
    from.down.add(to);
    to.up.add(from);
  }

  /** Each node's layer: the most questions on any route from the start to it. */
  static Map<String, Integer> levels(DecisionTree tree) {
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
  static List<String> depthFirst(DecisionTree tree) {
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
  static void order(List<List<Item>> layers) {
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
  static void place(List<List<Item>> layers) {
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

}
