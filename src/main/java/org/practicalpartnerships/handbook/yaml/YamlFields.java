package org.practicalpartnerships.handbook.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Position;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.diagnostics.Suggestions;

/**
 * Typed, strict reading of YAML maps: unknown keys (with "did you mean"), missing keys and values of
 * the wrong type all become diagnostics at the value's position. Every reader of YAML data in the
 * generator goes through here so the messages read the same everywhere.
 */
public final class YamlFields {
  private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[-+]?[0-9][0-9_]*");
  private final SourceText source;
  private final Diagnostics diagnostics;
  private boolean failed;
  private final java.util.Set<String> suggested = new java.util.HashSet<>();

  public YamlFields(SourceText source, Diagnostics diagnostics) {
    this.source = source;
    this.diagnostics = diagnostics;
  }

  /** True when any check through this reader reported an error. */
  public boolean failed() {
    return failed;
  }

  public void error(Position at, String message) {
    failed = true;
    diagnostics.add(source.error(at.line(), at.column(), message));
  }

  public void warning(Position at, String message) {
    diagnostics.add(source.warning(at.line(), at.column(), message));
  }

  /**
   * True (and this reader failed) when {@code node} could not be read: its problem is reported
   * already, so nothing more is said about it.
   */
  public boolean unreadable(YNode node) {
    if (node instanceof YNode.YUnreadable) {
      failed = true;
      return true;
    }
    return false;
  }

  /** The node as a map, or an error saying what was expected. */
  public Optional<YNode.YMap> map(YNode node, String what) {
    if (node instanceof YNode.YMap map) {
      return Optional.of(map);
    }
    if (!unreadable(node)) {
      error(node.position(), what + " must be a map of 'key: value' lines, not " + node.kind() + hint(node, "map"));
    }
    return Optional.empty();
  }

  /**
   * What to do when a value is not of the kind wanted, when its text shows a common slip: "- a"
   * written "-a", "key: value" written "key:value", or text with ': ' in it that YAML read as a
   * map.
   */
  static String hint(YNode node, String wanted) {
    if (node instanceof YNode.YScalar scalar && !scalar.isNull()) {
      String text = scalar.value();
      if (wanted.equals("list") && text.startsWith("-")) {
        return "; a list item needs a space after '-' (write '- " + text.substring(1).split(" -")[0].strip() + "')";
      }
      if (wanted.equals("map") && text.matches("(?s)[^\\s:]+:\\S.*")) {
        return "; put a space after the ':' of each 'key: value'";
      }
    }
    if (wanted.equals("text") && node instanceof YNode.YMap) {
      return "; if the text has ': ' in it, put the whole text in quotes";
    }
    if (wanted.equals("text") && node instanceof YNode.YList) {
      return "; if the text starts with '[' or '- ', put the whole text in quotes";
    }
    if (wanted.equals("map") && node instanceof YNode.YList) {
      return "; write 'key: value' lines without '- ' before them";
    }
    return "";
  }

  /** Reports every key of {@code map} not in {@code allowed}. */
  public void onlyKeys(YNode.YMap map, Collection<String> allowed, String what) {
    for (YNode.Entry entry : map.entries()) {
      if (!allowed.contains(entry.key())) {
        Suggestions.closest(entry.key(), allowed).ifPresent(suggested::add);
        error(
            entry.keyPosition(),
            "unknown " + what + " '" + entry.key() + "'" + Suggestions.didYouMean(entry.key(), allowed)
                + " (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
    }
  }

  /** A required, non-blank text value. */
  public Optional<String> requiredString(YNode.YMap map, String key, String what) {
    if (map.get(key).isEmpty()) {
      if (suggested.contains(key) || hasUnreadable(map)) {
        // The misspelt key was reported with a "did you mean" already, or it may be the part of
        // the map that could not be read.
        failed = true;
      } else {
        error(map.position(), what + " needs '" + key + "'");
      }
      return Optional.empty();
    }
    Optional<String> value = string(map, key);
    // "key:" with nothing after it is a null value: as empty as "key: ''", not a pass.
    boolean nothing = value.isEmpty() && map.get(key).get() instanceof YNode.YScalar;
    if (nothing || (value.isPresent() && value.get().isBlank())) {
      error(map.get(key).get().position(), "'" + key + "' must not be empty");
      return Optional.empty();
    }
    return value;
  }

  /** Optional text; numbers and dates are accepted as written, lists and maps are not. */
  public Optional<String> string(YNode.YMap map, String key) {
    return map.get(key).flatMap(node -> asString(node, key));
  }

  public Optional<String> asString(YNode node, String key) {
    if (node instanceof YNode.YScalar scalar && !scalar.isNull()) {
      return Optional.of(scalar.value());
    }
    if (node instanceof YNode.YScalar || unreadable(node)) {
      return Optional.empty();
    }
    error(node.position(), "'" + key + "' must be text, not " + node.kind() + hint(node, "text"));
    return Optional.empty();
  }

  /** True when a value in {@code map} could not be read: a key that seems missing may be that one. */
  public static boolean hasUnreadable(YNode.YMap map) {
    return map.entries().stream().anyMatch(e -> e.value() instanceof YNode.YUnreadable);
  }

  public Optional<Integer> integer(YNode.YMap map, String key) {
    Optional<YNode> node = map.get(key);
    if (node.isEmpty() || unreadable(node.get())) {
      return Optional.empty();
    }
    // Zero-padded numbers ("08", "010") are decimal, as people mean them, not YAML 1.1 octal
    // (which makes 010 eight and 08 text).
    boolean decimal = node.get() instanceof YNode.YScalar s && DECIMAL.matcher(s.value()).matches();
    if (node.get() instanceof YNode.YScalar scalar && (scalar.type().equals("int") || decimal)) {
      String digits = scalar.value().replace("_", "");
      try {
        return Optional.of(decimal ? Integer.parseInt(digits) : Integer.decode(digits));
      } catch (NumberFormatException e) {
        error(scalar.position(), decimal ? "'" + key + "' is too large" : "'" + key + "' must be a whole number such as 3, not '" + scalar.value() + "'");
        return Optional.empty();
      }
    }
    error(node.get().position(), "'" + key + "' must be a whole number, not " + node.get().kind());
    return Optional.empty();
  }

  /** A day, written YYYY-MM-DD (as YAML's own dates are), quoted or not. */
  public Optional<java.time.LocalDate> date(YNode.YMap map, String key) {
    Optional<YNode> node = map.get(key);
    if (node.isEmpty() || unreadable(node.get()) || node.get() instanceof YNode.YScalar s && s.isNull()) {
      return Optional.empty();
    }
    if (node.get() instanceof YNode.YScalar scalar && scalar.value().strip().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      try {
        return Optional.of(java.time.LocalDate.parse(scalar.value().strip()));
      } catch (java.time.format.DateTimeParseException e) {
        error(scalar.position(), "'" + key + "' is " + scalar.value().strip() + ", which is not a day of the calendar; check the month and the day");
        return Optional.empty();
      }
    }
    String written = node.get() instanceof YNode.YScalar scalar ? "'" + scalar.value() + "'" : node.get().kind();
    error(node.get().position(), "'" + key + "' must be a date written year-month-day, such as 2026-12-03, not " + written);
    return Optional.empty();
  }

  public Optional<Boolean> bool(YNode.YMap map, String key) {
    Optional<YNode> node = map.get(key);
    if (node.isEmpty() || unreadable(node.get())) {
      return Optional.empty();
    }
    if (node.get() instanceof YNode.YScalar scalar && scalar.type().equals("bool")) {
      return Optional.of(Boolean.parseBoolean(scalar.value().toLowerCase(java.util.Locale.ROOT)) || scalar.value().matches("(?i)yes|on|y"));
    }
    error(node.get().position(), "'" + key + "' must be true or false, not " + node.get().kind());
    return Optional.empty();
  }

  /** A list of text values; a single text value is refused with a hint, so intent stays clear. */
  public List<String> stringList(YNode.YMap map, String key) {
    Optional<YNode> node = map.get(key);
    if (node.isEmpty() || (node.get() instanceof YNode.YScalar s && s.isNull()) || unreadable(node.get())) {
      return List.of();
    }
    if (!(node.get() instanceof YNode.YList list)) {
      error(node.get().position(), "'" + key + "' must be a list, such as [one, two], not " + node.get().kind() + hint(node.get(), "list"));
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (YNode item : list.items()) {
      asString(item, key).ifPresent(values::add);
    }
    return List.copyOf(values);
  }
}
