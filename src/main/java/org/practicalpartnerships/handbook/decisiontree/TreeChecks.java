package org.practicalpartnerships.handbook.decisiontree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicalpartnerships.handbook.decisiontree.DecisionTree.Node;
import org.practicalpartnerships.handbook.diagnostics.Position;
import org.practicalpartnerships.handbook.diagnostics.Suggestions;
import org.practicalpartnerships.handbook.yaml.YamlFields;

/**
 * The rules about the decision tree as a whole, run once every node is read: the start, every
 * answer's {@code next}, nodes no route reaches, outcomes nothing leads to, loops and the number
 * of routes (each route gets its own page). Each problem is reported at its place in the file.
 */
final class TreeChecks {
  enum Kind {
    QUESTION,
    OUTCOME,
    UNKNOWN
  }

  /** An answer's edge in the graph, with where its {@code next} is written. */
  record Edge(String next, Position at) {}

  /** A node as read, with the positions the checks point at; {@code node} is null when incomplete. */
  record Draft(String id, Position at, Kind kind, Node node, List<Edge> edges, boolean edgesComplete) {}

  private final Map<String, Draft> drafts;
  private final boolean allNodesRead;
  private final YamlFields fields;
  private final Optional<String> start;
  private final Position startAt;
  private final Position nodesAt;
  /** Answers whose 'next' names no node, with the node they most likely mean (null for none). */
  private final Map<Edge, String> meant = new HashMap<>();

  /**
   * @param drafts the nodes as read, by id, in the file's order
   * @param allNodesRead false when a duplicate node was set aside: its answers are unknown, so
   *     reachability is too
   * @param fields reports each problem at its position
   */
  TreeChecks(Map<String, Draft> drafts, boolean allNodesRead, YamlFields fields, Optional<String> start, Position startAt, Position nodesAt) {
    this.drafts = drafts;
    this.allNodesRead = allNodesRead;
    this.fields = fields;
    this.start = start;
    this.startAt = startAt;
    this.nodesAt = nodesAt;
  }

  void run() {
    boolean sound = allNodesRead && drafts.values().stream().allMatch(Draft::edgesComplete);
    boolean startOk = start.isPresent();
    // A misspelt id with a "did you mean" is taken as meant for the checks of the whole tree, so
    // the typo does not hide (or fake) nodes left unreachable: every problem in one run.
    Optional<String> first = start;
    if (start.isPresent()) {
      Draft node = drafts.get(start.get());
      if (node == null) {
        fields.error(startAt, "'start' names no node '" + start.get() + "'" + Suggestions.didYouMean(start.get(), drafts.keySet()));
        first = Suggestions.closest(start.get(), drafts.keySet());
        startOk = false;
      } else if (node.kind() == Kind.OUTCOME) {
        fields.error(startAt, "'start' must name a question, but '" + start.get() + "' is an outcome");
      }
    }
    Map<String, Integer> incoming = new HashMap<>();
    for (Draft d : drafts.values()) {
      for (Edge e : d.edges()) {
        if (!drafts.containsKey(e.next())) {
          fields.error(e.at(), "'next' names no node '" + e.next() + "'" + Suggestions.didYouMean(e.next(), drafts.keySet()));
          meant.put(e, Suggestions.closest(e.next(), drafts.keySet()).orElse(null));
        }
        String target = target(e);
        if (target != null) {
          incoming.merge(target, 1, Integer::sum);
        } else {
          sound = false;
        }
      }
    }
    if (sound) {
      Set<String> reached = first.isPresent() ? reachable(first.get()) : Set.of();
      for (Draft d : drafts.values()) {
        if (first.isPresent() && d.id().equals(first.get())) {
          continue;
        }
        if (d.kind() == Kind.OUTCOME && !incoming.containsKey(d.id())) {
          fields.error(d.at(), "no answer leads to outcome '" + d.id() + "'; add an answer with 'next: " + d.id() + "', or remove the outcome");
        } else if (first.isPresent() && !reached.contains(d.id())) {
          String what = d.kind() == Kind.QUESTION ? "question" : d.kind() == Kind.OUTCOME ? "outcome" : "node";
          fields.error(d.at(), what + " '" + d.id() + "' cannot be reached: no route of answers from the start, '" + first.get() + "', leads to it");
        }
      }
    }
    boolean loops = loops();
    if (sound && startOk && !loops && meant.isEmpty()) {
      routes(start.get());
    }
  }

  /** Where an answer leads: the node it names, or the one it most likely means; null when unknown. */
  private String target(Edge e) {
    return drafts.containsKey(e.next()) ? e.next() : meant.get(e);
  }

  private Set<String> reachable(String from) {
    Set<String> seen = new LinkedHashSet<>(List.of(from));
    List<String> queue = new ArrayList<>(List.of(from));
    for (int i = 0; i < queue.size(); i++) {
      for (Edge e : drafts.get(queue.get(i)).edges()) {
        String target = target(e);
        if (target != null && seen.add(target)) {
          queue.add(target);
        }
      }
    }
    return seen;
  }

  /** Reports every answer that closes a loop, with the loop; true when there was one. */
  private boolean loops() {
    Map<String, Integer> state = new HashMap<>(); // absent: not seen; 1: on the path; 2: done
    List<String> order = new ArrayList<>();
    start.filter(drafts::containsKey).ifPresent(order::add);
    order.addAll(drafts.keySet());
    boolean any = false;
    for (String root : order) {
      if (state.containsKey(root)) {
        continue;
      }
      // Iterative depth-first search: a long chain of questions must not exhaust the stack.
      List<String> path = new ArrayList<>(List.of(root));
      List<Integer> nextEdge = new ArrayList<>(List.of(0));
      state.put(root, 1);
      while (!path.isEmpty()) {
        int top = path.size() - 1;
        Draft d = drafts.get(path.get(top));
        int i = nextEdge.get(top);
        if (i == d.edges().size()) {
          state.put(d.id(), 2);
          path.remove(top);
          nextEdge.remove(top);
          continue;
        }
        nextEdge.set(top, i + 1);
        Edge e = d.edges().get(i);
        if (!drafts.containsKey(e.next())) {
          continue;
        }
        Integer s = state.get(e.next());
        if (s == null) {
          state.put(e.next(), 1);
          path.add(e.next());
          nextEdge.add(0);
        } else if (s == 1) {
          List<String> loop = new ArrayList<>(path.subList(path.indexOf(e.next()), path.size()));
          loop.add(e.next());
          fields.error(e.at(), "the answers go round in a loop: " + String.join(" → ", loop) + "; every answer must lead on to a new question or an outcome");
          any = true;
        }
      }
    }
    return any;
  }

  /** Counts the routes from the start to every node (the pages to make) against the bound. */
  private void routes(String from) {
    List<String> order = topological(from);
    Map<String, java.math.BigInteger> routes = new HashMap<>();
    routes.put(from, java.math.BigInteger.ONE);
    java.math.BigInteger total = java.math.BigInteger.ZERO;
    for (String id : order) {
      java.math.BigInteger here = routes.getOrDefault(id, java.math.BigInteger.ZERO);
      total = total.add(here);
      for (Edge e : drafts.get(id).edges()) {
        routes.merge(e.next(), here, java.math.BigInteger::add);
      }
    }
    if (total.compareTo(java.math.BigInteger.valueOf(DecisionTreeLoader.MAX_ROUTES)) > 0) {
      String count = total.bitLength() < 63 ? String.format(java.util.Locale.ROOT, "%,d", total.longValue()) : "more than " + String.format(java.util.Locale.ROOT, "%,d", Long.MAX_VALUE);
      fields.error(nodesAt, "the answers make " + count + " routes from the start, and each route gets its own page: more than the "
          + DecisionTreeLoader.MAX_ROUTES + " allowed; let more answers lead straight to an outcome");
    }
  }

  /** The nodes reachable from {@code from}, parents before children (the graph has no loops). */
  private List<String> topological(String from) {
    Set<String> reached = reachable(from);
    Map<String, Integer> indegree = new HashMap<>();
    for (String id : reached) {
      for (Edge e : drafts.get(id).edges()) {
        indegree.merge(e.next(), 1, Integer::sum);
      }
    }
    List<String> order = new ArrayList<>(List.of(from));
    for (int i = 0; i < order.size(); i++) {
      for (Edge e : drafts.get(order.get(i)).edges()) {
        if (indegree.merge(e.next(), -1, Integer::sum) == 0) {
          order.add(e.next());
        }
      }
    }
    return order;
  }
}
