package org.practicalpartnerships.handbook.yaml;

import java.util.regex.Matcher;

/** Sets aside the part of a YAML text that holds a mistake, so the rest can still be read. */
final class YamlSetAside {
  private YamlSetAside() {}

  /**
   * The text with the part that holds the mistake at {@code line} set aside, so the rest can still
   * be read and checked: first the key or list item the line belongs to, then, when that is not
   * enough, the part that can stand for a value on its own (an entry of a list at the top, a key
   * at the top, or one entry under a top-level key that holds only entries, such as a node under
   * {@code nodes:}), then the top-level part. A key keeps its name and gets {@code placeholder} as its
   * value, a list entry becomes {@code placeholder}, anything else becomes blank lines; line
   * numbers stay as they were.
   *
   * @param level 0 for the key or list item the line belongs to, 1 for the part described above,
   *     2 for the whole top-level part the line is in, 3 for that part as blank lines: when
   *     setting a mistake aside at one level does not remove it, the next is tried
   * @return the new text, or null when nothing more can be set aside
   */
  static String setAside(YamlLines lines, int line, String placeholder, int level) {
    if (line < 0 || line >= lines.count() || level > 3) {
      return null;
    }
    int start = switch (level) {
      case 0 -> innermost(lines, line);
      case 1 -> blockStart(lines, line, true);
      default -> blockStart(lines, line, false);
    };
    String result = replace(lines, start, level < 3 ? placeholder : null);
    return result != null ? result : setAside(lines, line, placeholder, level + 1);
  }

  /** The key or list item the line belongs to: itself when it starts one, else the nearest above it. */
  private static int innermost(YamlLines lines, int line) {
    int l = line;
    while (l > 0 && !lines.content(l)) {
      l--;
    }
    if (!lines.key(l).isEmpty() || YamlLines.ITEM_LINE.matcher(lines.text(l)).find()) {
      return l;
    }
    int above = lines.above(l, lines.indent(l));
    return above >= 0 ? above : l;
  }

  private static int blockStart(YamlLines lines, int line, boolean deep) {
    int l = line;
    while (l >= 0 && !lines.content(l)) {
      l--;
    }
    if (l < 0) {
      return line;
    }
    // The chain of lines above, each indented less than the last: the keys the line sits under.
    java.util.List<Integer> chain = new java.util.ArrayList<>(java.util.List.of(l));
    int indent = lines.indent(l);
    for (int k = l - 1; k >= 0 && indent > 0; k--) {
      if (lines.content(k) && lines.indent(k) < indent) {
        chain.add(k);
        indent = lines.indent(k);
      }
    }
    int top = chain.get(chain.size() - 1);
    boolean container = !lines.key(top).isEmpty() && lines.valueOf(top).isEmpty() && !YamlLines.ITEM_LINE.matcher(lines.text(top)).find();
    if (deep && container && chain.size() >= 2) {
      return chain.get(chain.size() - 2);
    }
    return top;
  }

  private static String replace(YamlLines lines, int start, String placeholder) {
    int indent = lines.indent(start);
    boolean container = !lines.key(start).isEmpty() && lines.valueOf(start).isEmpty();
    int end = start;
    for (int l = start + 1; l < lines.count(); l++) {
      if (!lines.content(l) || lines.indent(l) > indent || (container && lines.indent(l) == indent && lines.text(l).stripLeading().startsWith("-"))) {
        end = l;
      } else {
        break;
      }
    }
    while (end > start && !lines.content(end)) {
      end--;
    }
    String first;
    Matcher item = YamlLines.ITEM_LINE.matcher(lines.text(start));
    Matcher key = YamlLines.KEY_LINE.matcher(lines.text(start));
    if (placeholder == null) {
      first = "";
    } else if (item.find()) {
      first = " ".repeat(indent) + "- " + placeholder;
    } else if (key.find()) {
      first = lines.text(start).substring(0, key.end()) + " " + placeholder;
    } else {
      first = "";
    }
    boolean changed = !lines.text(start).equals(first);
    for (int l = start + 1; l <= end; l++) {
      changed |= !lines.text(l).isEmpty();
    }
    if (!changed) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int l = 0; l < lines.count(); l++) {
      if (l > 0) {
        sb.append('\n');
      }
      sb.append(l == start ? first : l > start && l <= end ? "" : lines.text(l));
    }
    return sb.toString();
  }
}
