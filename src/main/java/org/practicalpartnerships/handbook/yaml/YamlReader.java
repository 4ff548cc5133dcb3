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
  /** The most syntax errors reported for one text; past them, the rest is not read. */
  static final int MAX_SYNTAX_ERRORS = 20;
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
   * @param root the value; empty when the text is empty or could not be read at all. Present
   *     despite other problems, so a caller can go on checking the rest of the file in the same
   *     run: a key given twice keeps its first definition; a part with a syntax error, a type tag
   *     or a key that is not text is a {@link YNode.YUnreadable} (each problem is in {@code
   *     problems}); reading stops after {@value #MAX_SYNTAX_ERRORS} syntax errors
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
   * @return the root value, or empty when the text is empty or could not be read at all; a
   *     value despite errors (which are reported) has the parts that could not be read as {@link
   *     YNode.YUnreadable}, so the rest can still be checked
   */
  public Optional<YNode> read(SourceText source, String yaml, int firstLine, Diagnostics diagnostics) {
    Document document = parse(yaml, firstLine);
    diagnostics.addAll(document.diagnostics(source));
    return document.root();
  }

  /**
   * Parses one YAML document, returning its problems as values.
   *
   * @param yaml the YAML text (the whole file, or the front matter block of a page)
   * @param firstLine the 1-based file line where {@code yaml} starts
   */
  public Document parse(String yaml, int firstLine) {
    List<YamlProblem> problems = new ArrayList<>();
    String placeholder = "handbook-unreadable-" + java.util.UUID.randomUUID();
    String text = yaml;
    Node root = null;
    YamlSyntax.Translated last = null;
    int level = 0;
    for (int round = 0; ; round++) {
      try {
        root = compose(text);
        break;
      } catch (MarkedYAMLException e) {
        YamlSyntax syntax = new YamlSyntax(text, firstLine);
        YamlSyntax.Translated mistake = syntax.translate(e);
        // The same mistake again: setting aside its part was not enough, so a larger part goes.
        level = mistake.equals(last) ? level + 1 : 0;
        if (level == 0) {
          Position at = new Lines(text, firstLine).position(mistake.line(), mistake.column());
          problems.add(new YamlProblem(YamlProblem.Kind.SYNTAX, at, "invalid YAML: " + mistake.message(), "", null, List.of()));
        }
        last = mistake;
        // Set the mistake aside and read on, so the rest of the file is checked in the same run.
        String rest = problems.size() < MAX_SYNTAX_ERRORS && round < 3 * MAX_SYNTAX_ERRORS ? YamlSetAside.setAside(new YamlLines(text), mistake.line(), placeholder, level) : null;
        if (rest == null) {
          return new Document(Optional.empty(), problems);
        }
        text = rest;
      } catch (YAMLException e) {
        problems.add(new YamlProblem(YamlProblem.Kind.LIMIT, new Position(firstLine, 1), "invalid YAML: " + limitMessage(e.getMessage()), "", null, List.of()));
        return new Document(Optional.empty(), problems);
      }
    }
    if (root == null) {
      return new Document(Optional.empty(), problems);
    }
    Converter converter = new Converter(new Lines(text, firstLine), firstLine, placeholder);
    YNode node = converter.convert(root, 0);
    problems.addAll(converter.problems);
    boolean limited = converter.problems.stream().anyMatch(p -> p.kind() == YamlProblem.Kind.LIMIT);
    return new Document(limited ? Optional.empty() : Optional.of(node), problems);
  }

  private Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(Math.max(1, maxCodePoints));
    options.setAllowRecursiveKeys(false);
    options.setTagInspector(tag -> false);
    options.setProcessComments(false);
    return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
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
    private final int firstLine;
    private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
    private final List<YamlProblem> problems = new ArrayList<>();
    /** The keys (and list indices) from the root to the value being converted. */
    private final java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
    private final String placeholder;
    private int values;
    private boolean failed;

    private final Lines lines;

    Converter(Lines lines, int firstLine, String placeholder) {
      this.lines = lines;
      this.firstLine = firstLine;
      this.placeholder = placeholder;
    }

    private Position position(Node node) {
      Mark mark = node.getStartMark();
      return mark == null ? new Position(firstLine, 1) : lines.position(mark);
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
        error(YamlProblem.Kind.NOT_ALLOWED, at, "the YAML tag '" + tag.getValue().replace(Tag.PREFIX, "!!") + "' is not allowed; write plain text, numbers, lists and maps (put text that starts with '!' in quotes)");
        return new YNode.YUnreadable(at);
      }
      onPath.put(node, Boolean.TRUE);
      try {
        if (node instanceof ScalarNode scalar) {
          return scalar.getValue().equals(placeholder) ? new YNode.YUnreadable(at) : new YNode.YScalar(scalar.getValue(), type, at);
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
            error(YamlProblem.Kind.NOT_ALLOWED, keyAt, "keys must be plain text; put a key that starts with '[', '{' or '?' in quotes");
            continue;
          }
          String key = keyNode.getValue();
          Position first = keys.putIfAbsent(key, keyAt);
          if (first != null) {
            // The later definition is left out and reading goes on, so the rest is still checked.
            problems.add(new YamlProblem(YamlProblem.Kind.DUPLICATE_KEY, keyAt, "duplicate key '" + key + "' (first given on line " + first.line() + "); keep one of them", key, first, List.copyOf(path)));
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

  /**
   * Turns SnakeYAML's marks into the lines and columns an editor shows. SnakeYAML counts U+0085,
   * U+2028 and U+2029 as line breaks and counts columns in code points; editors (and {@link
   * SourceText}) break lines at line feeds only and count columns in UTF-16 characters, as Java
   * strings do. So a mark's character index, not its line, says where it is.
   */
  private static final class Lines {
    private final int firstLine;
    /** The text's line index, as diagnostics count lines (at line feeds only). */
    private final SourceText index;
    /** For each code point index, its character index; null when the two are the same. */
    private final int[] charIndex;

    Lines(String text, int firstLine) {
      this.firstLine = firstLine;
      this.index = new SourceText("", text);
      if (text.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
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
      return atOffset(charIndex == null ? index : charIndex[Math.min(index, charIndex.length - 1)]);
    }

    /**
     * The editor's position of SnakeYAML's 0-based {@code line} and 1-based code-point {@code
     * column}, counting lines as SnakeYAML does: broken at CR, U+0085, U+2028 and U+2029 too.
     */
    Position position(int line, int column) {
      String text = index.text();
      int offset = 0;
      for (int seen = 0; seen < line && offset < text.length(); offset++) {
        char c = text.charAt(offset);
        if (c == '\r' && offset + 1 < text.length() && text.charAt(offset + 1) == '\n') {
          continue; // CR LF is one break, counted at the LF
        }
        if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
          seen++;
        }
      }
      for (int i = 1; i < column && offset < text.length(); i++) {
        offset += Character.charCount(text.codePointAt(offset));
      }
      return atOffset(Math.min(offset, text.length()));
    }

    private Position atOffset(int offset) {
      return new Position(firstLine - 1 + index.lineOf(offset), index.columnOf(offset));
    }
  }}
