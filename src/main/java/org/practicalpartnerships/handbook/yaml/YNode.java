package org.practicalpartnerships.handbook.yaml;

import java.util.List;
import java.util.Optional;
import org.practicalpartnerships.handbook.diagnostics.Position;

/**
 * A YAML value with the file position it came from, so every later check can point at the line.
 * Only plain data exists here: maps with string keys, lists and scalars.
 */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar, YNode.YUnreadable {

  /** 1-based line and column in the file (not in the YAML block). */
  Position position();

  /** A short noun for messages: "a map", "a list", "text". */
  String kind();

  record Entry(String key, Position keyPosition, YNode value) {}

  record YMap(List<Entry> entries, Position position) implements YNode {
    public Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    public Optional<YNode> get(String key) {
      return entry(key).map(Entry::value);
    }

    @Override
    public String kind() {
      return "a map";
    }
  }

  record YList(List<YNode> items, Position position) implements YNode {
    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * @param value the text as written (for null, "")
   * @param type the type YAML resolved: "str", "int", "float", "bool", "null" or "timestamp"
   */
  record YScalar(String value, String type, Position position) implements YNode {
    public boolean isNull() {
      return type.equals("null");
    }

    @Override
    public String kind() {
      return switch (type) {
        case "int" -> "a number";
        case "float" -> "a decimal number";
        case "bool" -> "true or false";
        case "null" -> "empty";
        case "timestamp" -> "a date";
        default -> "text";
      };
    }
  }

  /**
   * A value that could not be read (a syntax error in it, or a type tag), whose problem is
   * reported already: readers skip it without reporting anything more about it.
   */
  record YUnreadable(Position position) implements YNode {
    @Override
    public String kind() {
      return "a value with errors";
    }
  }
}
