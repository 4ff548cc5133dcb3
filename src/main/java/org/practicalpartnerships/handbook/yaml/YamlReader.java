package org.practicalpartnerships.handbook.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Position;
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
   * What reading a YAML text gave: its value, and every problem found, as values the caller can
   * tell apart ({@link YamlProblem#kind()}) rather than as message text.
   *
   * @param root the value; empty when the text is empty or could not be parsed. Present despite
   *     problems of kind {@link YamlProblem.Kind#DUPLICATE_KEY}: the later definition is left out,
   *     so a caller can go on checking the rest of the file in the same run
   */
  public record Document(Optional<YNode> root, List<YamlProblem> problems) {
    public Document {
      problems = List.copyOf(problems);
    }

    /** The problems as diagnostics in {@code source}. */
    public List<Diagnostic> diagnostics(SourceText source) {
      return problems.stream().map(p -> p.diagnostic(source)).toList();
    }
  }

  /**
   * Parses one YAML document and adds its problems to {@code diagnostics}.
   *
   * @param source the file, for diagnostics
   * @param yaml the YAML text (the whole file, or the front matter block of a page)
   * @param firstLine the 1-based file line where {@code yaml} starts
   * @return the root value, or empty when the text is empty or has errors (which are reported)
   */
  public Optional<YNode> read(SourceText source, String yaml, int firstLine, Diagnostics diagnostics) {
    Document document = parse(yaml, firstLine);
    diagnostics.addAll(document.diagnostics(source));
    return document.problems().isEmpty() ? document.root() : Optional.empty();
  }

  /**
   * Parses one YAML document, returning its problems as values.
   *
   * @param yaml the YAML text (the whole file, or the front matter block of a page)
   * @param firstLine the 1-based file line where {@code yaml} starts
   */
  public Document parse(String yaml, int firstLine) {
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
      boolean atEnd = mark != null && mark.getIndex() >= yaml.codePointCount(0, yaml.length());
      if (e.getContextMark() != null && (atEnd || endOfText(String.valueOf(e.getProblem())))) {
        // "Found end of stream" points past the text; the opening quote or bracket, or the key
        // being read, is more useful.
        mark = e.getContextMark();
      }
      Position at = mark == null ? new Position(firstLine, 1) : new Lines(yaml, firstLine).position(mark);
      return failed(YamlProblem.Kind.SYNTAX, at, "invalid YAML: " + describe(e));
    } catch (YAMLException e) {
      return failed(YamlProblem.Kind.LIMIT, new Position(firstLine, 1), "invalid YAML: " + limitMessage(e.getMessage()));
    }
    if (root == null) {
      return new Document(Optional.empty(), List.of());
    }
    Converter converter = new Converter(new Lines(yaml, firstLine));
    YNode node = converter.convert(root, 0);
    boolean onlyDuplicates = converter.problems.stream().allMatch(p -> p.kind() == YamlProblem.Kind.DUPLICATE_KEY);
    return new Document(onlyDuplicates ? Optional.of(node) : Optional.empty(), converter.problems);
  }

  private static Document failed(YamlProblem.Kind kind, Position at, String message) {
    return new Document(Optional.empty(), List.of(new YamlProblem(kind, at, message, "", null, List.of())));
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

  /**
   * Turns SnakeYAML's marks into the lines and columns an editor shows. SnakeYAML counts U+0085,
   * U+2028 and U+2029 as line breaks and counts columns in code points; editors (and {@link
   * SourceText}) break lines at line feeds only and count columns in UTF-16 characters, as Java
   * strings do. So a mark's character index, not its line, says where it is.
   */
  private static final class Lines {
    private final int firstLine;
    /** Offsets of the line feeds in the text. */
    private final int[] feeds;
    /** For each code point index, its character index; null when the two are the same. */
    private final int[] charIndex;

    Lines(String text, int firstLine) {
      this.firstLine = firstLine;
      int count = 0;
      boolean surrogates = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n') {
          count++;
        } else if (Character.isSurrogate(c)) {
          surrogates = true;
        }
      }
      feeds = new int[count];
      for (int i = 0, n = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          feeds[n++] = i;
        }
      }
      if (surrogates) {
        charIndex = new int[text.codePointCount(0, text.length()) + 1];
        for (int i = 0, cp = 0; i < text.length(); cp++) {
          charIndex[cp] = i;
          i += Character.charCount(text.codePointAt(i));
        }
        charIndex[charIndex.length - 1] = text.length();
      } else {
        charIndex = null;
      }
    }

    Position position(Mark mark) {
      int index = Math.max(0, mark.getIndex());
      int offset = charIndex == null ? index : charIndex[Math.min(index, charIndex.length - 1)];
      int feedsBefore = java.util.Arrays.binarySearch(feeds, offset);
      feedsBefore = feedsBefore >= 0 ? feedsBefore : -feedsBefore - 1;
      int lineStart = feedsBefore == 0 ? 0 : feeds[feedsBefore - 1] + 1;
      return new Position(firstLine + feedsBefore, offset - lineStart + 1);
    }
  }

  /** Node graph to YNode tree, checking tags, duplicate keys and the number of values. */
  private static final class Converter {
    private final Lines lines;
    private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
    private final List<YamlProblem> problems = new ArrayList<>();
    /** The keys (and list indices) from the root to the value being converted. */
    private final java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
    private int values;
    private boolean failed;

    Converter(Lines lines) {
      this.lines = lines;
    }

    private Position position(Node node) {
      Mark mark = node.getStartMark();
      return mark == null ? new Position(lines.firstLine, 1) : lines.position(mark);
    }

    private void error(YamlProblem.Kind kind, Position at, String message) {
      if (!failed || kind != YamlProblem.Kind.LIMIT) {
        problems.add(new YamlProblem(kind, at, message, "", null, List.of()));
      }
      failed = true;
    }

    YNode convert(Node node, int depth) {
      Position at = position(node);
      if (++values > MAX_VALUES) {
        error(YamlProblem.Kind.LIMIT, at, "too many values (more than " + MAX_VALUES + "); is an alias expanding without end?");
        return new YNode.YScalar("", "null", at);
      }
      if (depth > MAX_DEPTH || onPath.containsKey(node)) {
        error(YamlProblem.Kind.LIMIT, at, "values are nested too deeply or refer to themselves");
        return new YNode.YScalar("", "null", at);
      }
      Tag tag = node.getTag();
      boolean standard = tag.getValue().startsWith(Tag.PREFIX);
      String type = standard ? tag.getValue().substring(Tag.PREFIX.length()) : tag.getValue();
      if (!standard || !PLAIN_TYPES.contains(type)) {
        error(YamlProblem.Kind.NOT_ALLOWED, at, "the YAML tag '" + tag.getValue().replace(Tag.PREFIX, "!!") + "' is not allowed; write plain text, numbers, lists and maps");
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
            path.addLast(String.valueOf(items.size()));
            items.add(convert(item, depth + 1));
            path.removeLast();
          }
          return new YNode.YList(List.copyOf(items), at);
        }
        MappingNode mapping = (MappingNode) node;
        List<YNode.Entry> entries = new ArrayList<>();
        Map<String, Position> keys = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
          Position keyAt = position(tuple.getKeyNode());
          if (!(tuple.getKeyNode() instanceof ScalarNode keyNode) || keyNode.getTag().equals(Tag.MERGE)) {
            error(YamlProblem.Kind.NOT_ALLOWED, keyAt, "keys must be plain text");
            continue;
          }
          String key = keyNode.getValue();
          Position first = keys.putIfAbsent(key, keyAt);
          if (first != null) {
            // The later definition is left out and reading goes on, so the rest is still checked.
            problems.add(new YamlProblem(YamlProblem.Kind.DUPLICATE_KEY, keyAt, "duplicate key '" + key + "' (first given on line " + first.line() + ")", key, first, List.copyOf(path)));
            continue;
          }
          path.addLast(key);
          entries.add(new YNode.Entry(key, keyAt, convert(tuple.getValueNode(), depth + 1)));
          path.removeLast();
        }
        return new YNode.YMap(List.copyOf(entries), at);
      } finally {
        onPath.remove(node);
      }
    }
  }
}
