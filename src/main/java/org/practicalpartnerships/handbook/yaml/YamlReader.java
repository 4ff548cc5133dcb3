package org.practicalpartnerships.handbook.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML text in, a positioned {@link YNode} tree out, with SnakeYAML's safe loading only.
 *
 * <p>We compose the node graph instead of constructing Java objects, so no tag can ever create an
 * object; any tag other than YAML's plain data types is refused. Duplicate keys are refused with
 * both positions; aliases, nesting, size and the number of values are bounded, so an alias bomb
 * fails quickly with a diagnostic instead of exhausting memory.
 */
public final class YamlReader {
  static final int MAX_ALIASES = 20;
  static final int MAX_DEPTH = 40;
  static final int MAX_VALUES = 50_000;
  private static final Set<String> PLAIN_TYPES = Set.of("str", "int", "float", "bool", "null", "timestamp", "map", "seq");

  private final int maxCodePoints;

  /** @param maxCodePoints the largest YAML text accepted, in characters */
  public YamlReader(int maxCodePoints) {
    this.maxCodePoints = maxCodePoints;
  }

  /**
   * Parses one YAML document.
   *
   * @param source the file, for diagnostics
   * @param yaml the YAML text (the whole file, or the front matter block of a page)
   * @param firstLine the 1-based file line where {@code yaml} starts
   * @return the root value, or empty when the text is empty or has errors (which are reported)
   */
  public Optional<YNode> read(SourceText source, String yaml, int firstLine, Diagnostics diagnostics) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(Math.max(1, maxCodePoints));
    options.setAllowRecursiveKeys(false);
    options.setTagInspector(tag -> false);
    options.setProcessComments(false);
    Yaml parser = new Yaml(new SafeConstructor(options));
    Node root;
    try {
      root = parser.compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      if (e.getContextMark() != null && endOfText(String.valueOf(e.getProblem()))) {
        // "Found end of stream" points past the text; the opening quote or bracket is more useful.
        mark = e.getContextMark();
      }
      int line = mark == null ? firstLine : firstLine + mark.getLine();
      int column = mark == null ? 1 : mark.getColumn() + 1;
      diagnostics.add(source.error(line, column, "invalid YAML: " + describe(e)));
      return Optional.empty();
    } catch (YAMLException e) {
      diagnostics.add(source.error(firstLine, 1, "invalid YAML: " + limitMessage(e.getMessage())));
      return Optional.empty();
    }
    if (root == null) {
      return Optional.empty();
    }
    Converter converter = new Converter(source, firstLine, diagnostics);
    YNode node = converter.convert(root, 0);
    return converter.failed ? Optional.empty() : Optional.of(node);
  }

  private static String describe(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    if (problem.contains("(TAB)") || problem.contains("'\\t'")) {
      return "a tab character here; YAML indents with spaces only";
    }
    if (problem.startsWith("Global tag is not allowed")) {
      return "the YAML tag '" + problem.substring(problem.indexOf(':') + 1).strip().replace(Tag.PREFIX, "!!")
          + "' is not allowed; write plain text, numbers, lists and maps";
    }
    if (endOfText(problem) && context.contains("quoted scalar")) {
      return "this quoted text is never closed; add the closing quote";
    }
    if (endOfText(problem) && context.contains("flow sequence")) {
      return "this list is never closed; add the closing ']'";
    }
    if (endOfText(problem) && context.contains("flow mapping")) {
      return "this map is never closed; add the closing '}'";
    }
    String text = context.isEmpty() ? problem : context + ": " + problem;
    return text.isBlank() ? "cannot be parsed" : text;
  }

  private static boolean endOfText(String problem) {
    return problem.contains("end of stream") || problem.contains("<stream end>");
  }

  private static String limitMessage(String message) {
    if (message == null) {
      return "cannot be parsed";
    }
    if (message.contains("aliases")) {
      return "too many aliases (at most " + MAX_ALIASES + "); alias expansion is limited to stop 'billion laughs' input";
    }
    if (message.contains("code points")) {
      return "the YAML is too large to read safely";
    }
    if (message.contains("Nesting Depth")) {
      return "values are nested too deeply (at most " + MAX_DEPTH + " levels)";
    }
    return message;
  }

  /** Node graph to YNode tree, checking tags, duplicate keys and the number of values. */
  private static final class Converter {
    private final SourceText source;
    private final int firstLine;
    private final Diagnostics diagnostics;
    private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
    private int values;
    private boolean failed;

    Converter(SourceText source, int firstLine, Diagnostics diagnostics) {
      this.source = source;
      this.firstLine = firstLine;
      this.diagnostics = diagnostics;
    }

    private YNode.Position position(Node node) {
      Mark mark = node.getStartMark();
      return mark == null ? new YNode.Position(firstLine, 1) : new YNode.Position(firstLine + mark.getLine(), mark.getColumn() + 1);
    }

    private void error(YNode.Position at, String message) {
      if (!failed || !message.startsWith("too many")) {
        diagnostics.add(source.error(at.line(), at.column(), message));
      }
      failed = true;
    }

    YNode convert(Node node, int depth) {
      YNode.Position at = position(node);
      if (++values > MAX_VALUES) {
        error(at, "too many values (more than " + MAX_VALUES + "); is an alias expanding without end?");
        return new YNode.YScalar("", "null", at);
      }
      if (depth > MAX_DEPTH || onPath.containsKey(node)) {
        error(at, "values are nested too deeply or refer to themselves");
        return new YNode.YScalar("", "null", at);
      }
      Tag tag = node.getTag();
      boolean standard = tag.getValue().startsWith(Tag.PREFIX);
      String type = standard ? tag.getValue().substring(Tag.PREFIX.length()) : tag.getValue();
      if (!standard || !PLAIN_TYPES.contains(type)) {
        error(at, "the YAML tag '" + tag.getValue().replace(Tag.PREFIX, "!!") + "' is not allowed; write plain text, numbers, lists and maps");
        return new YNode.YScalar("", "null", at);
      }
      onPath.put(node, Boolean.TRUE);
      try {
        if (node instanceof ScalarNode scalar) {
          return new YNode.YScalar(scalar.getValue(), type, at);
        }
        if (node instanceof SequenceNode sequence) {
          List<YNode> items = new ArrayList<>();
          for (Node item : sequence.getValue()) {
            items.add(convert(item, depth + 1));
          }
          return new YNode.YList(List.copyOf(items), at);
        }
        MappingNode mapping = (MappingNode) node;
        List<YNode.Entry> entries = new ArrayList<>();
        Map<String, YNode.Position> keys = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
          YNode.Position keyAt = position(tuple.getKeyNode());
          if (!(tuple.getKeyNode() instanceof ScalarNode keyNode) || keyNode.getTag().equals(Tag.MERGE)) {
            error(keyAt, "keys must be plain text");
            continue;
          }
          String key = keyNode.getValue();
          YNode.Position first = keys.putIfAbsent(key, keyAt);
          if (first != null) {
            error(keyAt, "duplicate key '" + key + "' (first given on line " + first.line() + ")");
            continue;
          }
          entries.add(new YNode.Entry(key, keyAt, convert(tuple.getValueNode(), depth + 1)));
        }
        return new YNode.YMap(List.copyOf(entries), at);
      } finally {
        onPath.remove(node);
      }
    }
  }
}
