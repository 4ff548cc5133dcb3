package org.practicalpartnerships.handbook.yaml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a YAML text, looked at the way an editor reads them: indentation, the key a line
 * starts, list items. What {@link YamlSyntax} and {@link YamlSetAside} need to tell a mistake's
 * kind and extent; all lines are 0-based, columns 1-based.
 */
final class YamlLines {
  /** A line that starts a key, after its indentation and any "- " of list items. */
  static final Pattern KEY_LINE = Pattern.compile("^( *)((?:- +)*)([^\\s#'\"\\[\\]{},&*!|>%@`:-][^:]*?|-[^\\s:][^:]*?) *:(?= |$)");
  /** A line that starts a list item. */
  static final Pattern ITEM_LINE = Pattern.compile("^( *)- +\\S");

  private final String[] lines;

  YamlLines(String yaml) {
    this.lines = yaml.split("\n", -1);
  }

  int count() {
    return lines.length;
  }

  boolean isItem(int line) {
    return ITEM_LINE.matcher(text(line)).find();
  }

  String text(int line) {
    return line >= 0 && line < lines.length ? lines[line] : "";
  }

  String charAt(int line, int column) {
    String text = text(line);
    return column - 1 < text.length() ? String.valueOf(text.charAt(column - 1)) : "quote";
  }

  int indent(int line) {
    String text = text(line);
    int i = 0;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  boolean content(int line) {
    String stripped = text(line).strip();
    return !stripped.isEmpty() && !stripped.startsWith("#");
  }

  int previousContent(int line) {
    for (int l = line - 1; l >= 0; l--) {
      if (content(l)) {
        return l;
      }
    }
    return -1;
  }

  /** The nearest line above {@code line} indented less than {@code indent}, or -1. */
  int above(int line, int indent) {
    for (int l = line - 1; l >= 0; l--) {
      if (content(l) && indent(l) < indent) {
        return l;
      }
    }
    return -1;
  }

  /** The nearest list item above, at the same indentation, before a line indented less. */
  int itemAbove(int line, int indent) {
    for (int l = line - 1; l >= 0; l--) {
      if (!content(l)) {
        continue;
      }
      if (indent(l) < indent) {
        return -1;
      }
      if (indent(l) == indent && ITEM_LINE.matcher(text(l)).find()) {
        return l;
      }
    }
    return -1;
  }

  /** The key a line starts, or "". */
  String key(int line) {
    Matcher m = KEY_LINE.matcher(text(line));
    return m.find() ? m.group(3) : "";
  }

  /** The text after a line's key, without a comment; "" when none. */
  String valueOf(int line) {
    Matcher m = KEY_LINE.matcher(text(line));
    if (!m.find()) {
      return "";
    }
    String value = text(line).substring(m.end()).strip();
    return value.startsWith("#") ? "" : value;
  }

  /** 1-based column of a line's key (after indentation and "- "), or of its text. */
  int keyColumn(int line) {
    Matcher m = KEY_LINE.matcher(text(line));
    return m.find() ? m.start(3) + 1 : indent(line) + 1;
  }

  int dashColumn(int line) {
    return indent(line) + 1;
  }
}
