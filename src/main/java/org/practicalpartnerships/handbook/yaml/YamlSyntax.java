package org.practicalpartnerships.handbook.yaml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's syntax errors in the words of an editor who has never read the YAML specification:
 * what is wrong, what to do about it, and where to do it. SnakeYAML often notices a mistake lines
 * after it was made ({@code start: [goals} is found out at the next key) and names it in parser
 * terms ("expected <block end>, but found '<block mapping start>'"); here each kind of mistake is
 * told apart by looking at the lines around it, and reported at the line and column where the
 * editor must act.
 *
 * <p>Every YAML file the build reads (front matter, {@code site.yml}, {@code glossary.yml}, {@code
 * decide.yml}) goes through {@link YamlReader}, and so through here.
 */
final class YamlSyntax {
  /**
   * A mistake, translated.
   *
   * @param line the 0-based line in the YAML text where the editor must act
   * @param column the 1-based column there
   * @param message what is wrong and what to do, without a prefix
   */
  record Translated(int line, int column, String message) {}

  /** A line that starts a key, after its indentation and any "- " of list items. */
  private static final Pattern KEY_LINE = Pattern.compile("^( *)((?:- +)*)([^\\s#'\"\\[\\]{},&*!|>%@`:-][^:]*?|-[^\\s:][^:]*?) *:(?= |$)");
  private static final Pattern ITEM_LINE = Pattern.compile("^( *)- +\\S");
  private static final Pattern BLOCK_SCALAR = Pattern.compile(".*:\\s+[|>][-+0-9]*\\s*(#.*)?$");

  private final String[] lines;
  private final int firstLine;

  /**
   * @param yaml the YAML text as parsed
   * @param firstLine the file line where the text starts, for "on line N" in messages
   */
  YamlSyntax(String yaml, int firstLine) {
    this.lines = yaml.split("\n", -1);
    this.firstLine = firstLine;
  }

  Translated translate(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    Mark problemMark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    Mark contextMark = e.getContextMark() != null ? e.getContextMark() : problemMark;
    int line = problemMark == null ? 0 : problemMark.getLine();
    int column = problemMark == null ? 1 : problemMark.getColumn() + 1;
    int contextLine = contextMark == null ? line : contextMark.getLine();
    int contextColumn = contextMark == null ? column : contextMark.getColumn() + 1;
    if (problem.contains("(TAB)") || problem.contains("'\\t'")) {
      return tab(line, column);
    }
    if (problem.startsWith("Global tag is not allowed")) {
      String tag = problem.substring(problem.indexOf(':') + 1).strip().replace(Tag.PREFIX, "!!");
      return new Translated(line, column, "the YAML tag '" + tag + "' is not allowed; write plain text, numbers, lists and maps (put text that starts with '!' in quotes)");
    }
    if (context.contains("quoted scalar") && endOfText(problem)) {
      return new Translated(contextLine, contextColumn, "this quoted text is never closed; add the closing " + charAt(contextLine, contextColumn) + " at its end");
    }
    if (context.contains("double-quoted scalar") && problem.contains("escape")) {
      int backslash = text(line).lastIndexOf('\\', Math.max(0, column - 2));
      return new Translated(line, backslash >= 0 ? backslash + 1 : column,
          "in double quotes a backslash starts an escape such as \\n; write \\\\ for a backslash, or put the text in single quotes instead");
    }
    if (context.contains("flow sequence") || context.contains("flow mapping")) {
      return flow(context.contains("flow sequence"), problem, line, column, contextLine, contextColumn);
    }
    if (context.contains("flow node")) {
      return flowItem(problem, line, column);
    }
    if (problem.contains("<document start>")) {
      return afterTheRoot(problem, line, column);
    }
    if (context.contains("block node") && problem.contains("expected the node content")) {
      return noValue(problem, line, column, contextLine);
    }
    if (problem.contains("mapping values are not allowed")) {
      return colon(line, column);
    }
    if (problem.contains("sequence entries are not allowed")) {
      String key = key(line);
      return new Translated(line, column, "a list cannot start on the same line as " + (key.isEmpty() ? "its key" : "'" + key + ":'")
          + "; put each item on a line of its own below it, indented and starting with '- ', or write [one, two] (if it is text, put it in quotes)");
    }
    if (context.contains("simple key") && problem.contains("could not find expected ':'")) {
      return noColon(contextLine);
    }
    if (problem.startsWith("expected <block end>")) {
      return blockEnd(problem, line, column);
    }
    if (context.contains("an alias") || problem.contains("undefined alias")) {
      int at = context.contains("an alias") ? contextColumn : column;
      int on = context.contains("an alias") ? contextLine : line;
      return new Translated(on, at, "text that starts with '*' is read as a YAML alias; put the whole text in quotes: " + quotedFrom(on, at));
    }
    if (context.contains("a tag")) {
      return new Translated(contextLine, contextColumn, "text that starts with '!' is read as a YAML tag; put the whole text in quotes: " + quotedFrom(contextLine, contextColumn));
    }
    if (context.contains("an anchor")) {
      return new Translated(contextLine, contextColumn, "text that starts with '&' is read as a YAML anchor; put the whole text in quotes: " + quotedFrom(contextLine, contextColumn));
    }
    if (problem.contains("that cannot start any token")) {
      String c = charAt(line, column);
      if (c.equals("\t")) {
        return tab(line, column);
      }
      if (c.length() == 1 && (Character.isSpaceChar(c.charAt(0)) || Character.isISOControl(c.charAt(0)))) {
        return new Translated(line, column, "an invisible character here (such as a non-breaking space, U+" + String.format("%04X", (int) c.charAt(0))
            + ") that YAML does not allow; retype it as a plain space");
      }
      return new Translated(line, column, "text cannot start with '" + c + "' in YAML; put the whole text in quotes: " + quotedFrom(line, column));
    }
    if (context.contains("block scalar")) {
      return new Translated(line, column, "only '-', '+' or a number may follow '|' or '>' on its line; start the text on the next line, indented under the key");
    }
    if (context.contains("single document") || problem.contains("another document")) {
      return new Translated(line, 1, "a line of '---' starts a second document here, and this file holds one; remove the line");
    }
    if (problem.contains("special characters are not allowed")) {
      return new Translated(line, column, "an invisible control character here that YAML does not allow; delete it (retype the text around it)");
    }
    String raw = (context.isEmpty() ? problem : context + ": " + problem).strip();
    return new Translated(line, column, "this line cannot be read as YAML" + (raw.isEmpty() ? "" : " (" + raw + ")")
        + "; check its indentation, its quotes, and any ': ' or '#' in its text (text with those in it needs quotes)");
  }

  private Translated tab(int line, int column) {
    boolean indentation = text(line).substring(0, Math.min(column - 1, text(line).length())).isBlank();
    return new Translated(line, column, indentation
        ? "this line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces"
        : "a tab here; YAML separates with spaces only, so replace the tab with a space");
  }

  /** A list or map written in brackets whose closing bracket is missing or misplaced. */
  private Translated flow(boolean list, String problem, int line, int column, int openLine, int openColumn) {
    String open = list ? "[" : "{";
    String close = list ? "]" : "}";
    String what = list ? "list" : "map";
    if (endOfText(problem) || line != openLine) {
      return new Translated(openLine, openColumn, "this " + what + " is never closed; add the closing '" + close + "' at its end (if it is text that starts with '"
          + open + "', put the whole text in quotes)");
    }
    return new Translated(line, column, "in a " + what + " written " + (list ? "[one, two]" : "{key: value, key: value}") + ", a ',' or '" + close
        + "' must come here; separate the " + (list ? "items" : "entries") + " with ', ', and put any that has quotes, brackets or ': ' in it in quotes");
  }

  /** An item inside brackets that cannot be read. */
  private Translated flowItem(String problem, int line, int column) {
    if (endOfText(problem)) {
      int[] open = lastOpenBracket(line, column);
      return new Translated(open[0], open[1], "this list is never closed; add the closing ']' at its end (a '#' after a space starts a comment, so put text with '#' in it in quotes)");
    }
    if (problem.contains("found ','")) {
      return new Translated(line, column, "an empty item: in a list written [one, two] put something between the commas, or remove the extra ','");
    }
    if (problem.contains("found '-'")) {
      return new Translated(line, column, "items inside [...] have no '- ': write [one, two], or put an item that starts with '-' in quotes");
    }
    return new Translated(line, column, "an item inside brackets cannot start with this character; put the item in quotes");
  }

  /** Where the last '[' or '{' before a position is, as {line, column}: the list a '#' cut short. */
  private int[] lastOpenBracket(int line, int column) {
    for (int l = Math.min(line, lines.length - 1); l >= 0; l--) {
      String text = text(l);
      int end = l == line ? Math.min(text.length(), Math.max(0, column - 1)) : text.length();
      int at = Math.max(text.lastIndexOf('[', end), text.lastIndexOf('{', end));
      if (at >= 0) {
        return new int[] {l, at + 1};
      }
    }
    return new int[] {line, column};
  }

  /** More lines where the file's value should have ended: the first line sets the indentation. */
  private Translated afterTheRoot(String problem, int line, int column) {
    int first = 0;
    while (first < lines.length && !content(first)) {
      first++;
    }
    if (first < line && indent(first) > indent(line)) {
      return new Translated(first, 1, "this first line is indented " + spaces(indent(first)) + ", more than the lines below it; start it at the left edge, as they do");
    }
    if (problem.contains("']'") || problem.contains("'}'")) {
      return new Translated(line, column, "a '" + (problem.contains("']'") ? ']' : '}') + "' that closes nothing; remove it, or put the whole value in quotes");
    }
    if (first < line && key(first).isEmpty() && !ITEM_LINE.matcher(text(first)).find()) {
      int colon = text(first).indexOf(':');
      if (colon > 0 && colon + 1 < text(first).length() && text(first).charAt(colon + 1) != ' ') {
        return new Translated(first, colon + 2, "put a space after ':': write 'key: value'");
      }
      return noColon(first);
    }
    if (column - 1 == indent(line)) {
      return misaligned(line);
    }
    return new Translated(line, column, "more text here where the line should have ended; put the whole value in quotes, or start a new line for the next key");
  }

  /** A key or list item with no value where one must come ("- " alone, then a key not under it). */
  private Translated noValue(String problem, int line, int column, int dashLine) {
    if (problem.contains("'?'") && column - 1 == indent(line)) {
      return new Translated(line, column, "'" + key(line) + ":' should be indented under the '-' on line " + (firstLine + dashLine)
          + " (2 spaces more), or written on that line after '- '");
    }
    if (problem.contains("']'") || problem.contains("'}'")) {
      return new Translated(line, column, "a '" + (problem.contains("']'") ? ']' : '}') + "' that closes nothing; remove it, or put the whole value in quotes");
    }
    if (problem.contains("'-'")) {
      return new Translated(line, column, "a list item ('- ') where a value should come; put the list on the lines below its key, indented");
    }
    return new Translated(line, column, "a value must come here; write it after the ': ' or '- ', or put text that starts with this character in quotes");
  }

  /** "mapping values are not allowed here": a ': ' inside a value, or a key indented too far. */
  private Translated colon(int line, int column) {
    String text = text(line);
    Matcher key = KEY_LINE.matcher(text);
    int keyEnd = key.find() ? key.end() : -1;
    if (keyEnd >= 0 && text.indexOf(':', key.end(3)) == column - 1) {
      // The line's own key: it is indented under a line whose value it then seems to continue.
      int above = above(line, indent(line));
      if (above >= 0) {
        String parent = key(above);
        boolean continues = parent.isEmpty() || !valueOf(above).isEmpty();
        String where = parent.isEmpty() ? "line " + (firstLine + above) : "'" + parent + ":' on line " + (firstLine + above);
        return new Translated(line, key.start(3) + 1, "'" + key.group(3) + ":' is indented more than " + where + ", so YAML reads it as part of that value; "
            + (parent.isEmpty() ? "line it up with the key it belongs beside" : "line it up with '" + parent + ":' (" + spaces(keyColumn(above) - 1) + " before it)")
            + (continues ? ", or, if it continues the text above, put all of that text in quotes" : ""));
      }
    }
    // A ': ' inside a value: quoting the value is the fix.
    // An item whose "key" is several words is a sentence: the whole item is the text.
    boolean isItem = keyEnd < 0 ? text.stripLeading().startsWith("-") : !key.group(2).isEmpty() && key.group(3).contains(" ");
    int start;
    if (keyEnd >= 0 && !isItem) {
      start = keyEnd;
    } else {
      Matcher item = ITEM_LINE.matcher(text);
      start = item.find() ? item.end() - 1 : indent(line);
    }
    while (start < text.length() && text.charAt(start) == ' ') {
      start++;
    }
    String prefix = text.substring(0, start).strip();
    String value = text.substring(start).strip();
    return new Translated(line, start + 1, "this " + (isItem ? "item" : "value") + " has ': ' in it, which YAML reads as the start of another key; put the whole "
        + (isItem ? "item" : "value") + " in quotes: " + prefix + (prefix.isEmpty() ? "" : " ") + quoted(value));
  }

  /** "could not find expected ':'": a line that is neither a key nor a list item. */
  private Translated noColon(int line) {
    String text = text(line);
    int at = indent(line) + 1;
    if (text.stripLeading().matches("-[^\\s-].*")) {
      String rest = text.stripLeading().substring(1);
      return new Translated(line, at, "a list item needs a space after '-': write '- " + rest + "'");
    }
    int above = previousContent(line);
    if (above >= 0 && BLOCK_SCALAR.matcher(text(above)).matches()) {
      return new Translated(line, at, "the text under '" + text(above).strip() + "' must be indented more than '" + key(above) + ":'; put spaces at the start of this line");
    }
    return new Translated(line, at, "this line is not 'key: value' and not a list item ('- ...'); if it continues the text above, indent it"
        + " (or put all of that text in quotes); if it is a key, put ': ' after it");
  }

  /** "expected <block end>, but found ...": something where the block above should have ended. */
  private Translated blockEnd(String problem, int line, int column) {
    String text = text(line);
    char before = column >= 2 && column - 2 < text.length() ? text.charAt(column - 2) : ' ';
    if (problem.contains("'<scalar>'") && (before == '"' || before == '\'')) {
      return quoteEndedEarly(line, column - 1, before);
    }
    String head = text.substring(0, Math.min(text.length(), column - 1)).stripTrailing();
    if (problem.contains("'<scalar>'") && (head.endsWith("]") || head.endsWith("}"))) {
      Matcher key = KEY_LINE.matcher(text);
      int start = key.find() ? key.end() : indent(line);
      String prefix = text.substring(0, start).stripTrailing();
      char open = head.endsWith("]") ? '[' : '{';
      return new Translated(line, start + 1 + (text.substring(start).length() - text.substring(start).stripLeading().length()),
          "this value starts with '" + open + "', so YAML reads a " + (open == '[' ? "list" : "map") + ", but text follows its '" + (open == '[' ? ']' : '}')
              + "'; put the whole value in quotes: " + prefix + (prefix.isEmpty() ? "" : " ") + quoted(text.substring(start).strip()));
    }
    boolean lineStart = column - 1 == indent(line);
    if (problem.contains("'-'")) {
      return new Translated(line, column, "a list item ('- ') among 'key: value' lines; a list belongs under a key such as 'tags:', on the lines below it and indented");
    }
    if (problem.contains("'?'") && lineStart) {
      int item = itemAbove(line, indent(line));
      return new Translated(line, column, "'" + key(line) + ":' is lined up with the list items above" + (item >= 0 ? " (the '-' on line " + (firstLine + item) + ")" : "")
          + " but is not one; start it with '- ' if it is an item of its own, or indent it under an item");
    }
    if (problem.contains("']'") || problem.contains("'}'")) {
      char c = problem.contains("']'") ? ']' : '}';
      return new Translated(line, column, "a '" + c + "' that closes nothing; remove it, or put the whole value in quotes");
    }
    if (lineStart && key(line).isEmpty() && !ITEM_LINE.matcher(text).find()) {
      int above = previousContent(line);
      return new Translated(line, column, "this line is indented less than the text above it, so it is not part of that text; indent it as much as line "
          + (firstLine + above) + " (" + spaces(indent(above)) + ")");
    }
    if (lineStart) {
      return misaligned(line);
    }
    return new Translated(line, column, "more text here where the line should have ended; put the whole value in quotes, or start a new line for the next key");
  }

  /** A quoted value that ends before its line does: the quote at {@code quoteColumn} closed it. */
  private Translated quoteEndedEarly(int line, int quoteColumn, char quote) {
    String text = text(line);
    int before = 0;
    for (int i = 0; i < quoteColumn - 1; i++) {
      if (text.charAt(i) == quote && (quote == '\'' || i == 0 || text.charAt(i - 1) != '\\')) {
        before++;
      }
    }
    if (before % 2 == 0) {
      // The text was opened on an earlier line and never closed on its own.
      for (int l = line - 1; l >= 0; l--) {
        int open = text(l).lastIndexOf(quote);
        if (open >= 0) {
          return new Translated(l, open + 1, "this quoted text is not closed on its line, so it runs on to line " + (firstLine + line)
              + "; add the closing " + quote + " at the end of this line");
        }
      }
    }
    return new Translated(line, quoteColumn, quote == '\''
        ? "the text in single quotes ends at this ', and more text follows; inside '...' write an apostrophe twice (''), or put the whole text in double quotes instead"
        : "the text in double quotes ends at this \", and more text follows; inside \"...\" write a quote as \\\", or put the whole text in single quotes instead");
  }

  /** A key or list item whose indentation matches nothing above it. */
  private Translated misaligned(int line) {
    int n = indent(line);
    boolean item = text(line).stripLeading().startsWith("- ") || text(line).strip().equals("-");
    int best = -1;
    int bestColumn = 0;
    for (int l = line - 1; l >= 0; l--) {
      if (!content(l)) {
        continue;
      }
      int c = item ? (ITEM_LINE.matcher(text(l)).find() ? dashColumn(l) : -1) : (key(l).isEmpty() ? -1 : keyColumn(l));
      if (c > 0 && (best < 0 || Math.abs(c - 1 - n) < Math.abs(bestColumn - 1 - n))) {
        best = l;
        bestColumn = c;
      }
    }
    String what = item ? "this list item" : "'" + key(line) + ":'";
    if (best < 0) {
      return new Translated(line, n + 1, what + " is indented " + spaces(n) + ", which lines it up with nothing above; check its indentation");
    }
    String with = item ? "the '-' on line " + (firstLine + best) : "'" + key(best) + ":' on line " + (firstLine + best);
    return new Translated(line, n + 1, what + " is indented " + spaces(n) + ", which lines it up with nothing above; line it up with " + with + " ("
        + spaces(bestColumn - 1) + ")");
  }

  // ---- looking at lines

  private String text(int line) {
    return line >= 0 && line < lines.length ? lines[line] : "";
  }

  private String charAt(int line, int column) {
    String text = text(line);
    return column - 1 < text.length() ? String.valueOf(text.charAt(column - 1)) : "quote";
  }

  private int indent(int line) {
    String text = text(line);
    int i = 0;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private boolean content(int line) {
    String stripped = text(line).strip();
    return !stripped.isEmpty() && !stripped.startsWith("#");
  }

  private int previousContent(int line) {
    for (int l = line - 1; l >= 0; l--) {
      if (content(l)) {
        return l;
      }
    }
    return -1;
  }

  /** The nearest line above {@code line} indented less than {@code indent}, or -1. */
  private int above(int line, int indent) {
    for (int l = line - 1; l >= 0; l--) {
      if (content(l) && indent(l) < indent) {
        return l;
      }
    }
    return -1;
  }

  /** The nearest list item above, at the same indentation, before a line indented less. */
  private int itemAbove(int line, int indent) {
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
  private String key(int line) {
    Matcher m = KEY_LINE.matcher(text(line));
    return m.find() ? m.group(3) : "";
  }

  /** The text after a line's key, without a comment; "" when none. */
  private String valueOf(int line) {
    Matcher m = KEY_LINE.matcher(text(line));
    if (!m.find()) {
      return "";
    }
    String value = text(line).substring(m.end()).strip();
    return value.startsWith("#") ? "" : value;
  }

  /** 1-based column of a line's key (after indentation and "- "), or of its text. */
  private int keyColumn(int line) {
    Matcher m = KEY_LINE.matcher(text(line));
    return m.find() ? m.start(3) + 1 : indent(line) + 1;
  }

  private int dashColumn(int line) {
    return indent(line) + 1;
  }

  /** The line from {@code column} on in quotes, after what comes before it: the line as it should read. */
  private String quotedFrom(int line, int column) {
    String text = text(line);
    int at = Math.max(0, Math.min(column - 1, text.length()));
    String prefix = text.substring(0, at).strip();
    return prefix + (prefix.isEmpty() ? "" : " ") + quoted(text.substring(at).strip());
  }

  private static String spaces(int n) {
    return n == 0 ? "no spaces" : n == 1 ? "1 space" : n + " spaces";
  }

  /** The text in double quotes, escaped so YAML reads it back as it is. */
  static String quoted(String text) {
    if (text.startsWith("\"") && text.endsWith("\"") && text.length() > 1 || text.startsWith("'") && text.endsWith("'") && text.length() > 1) {
      text = text.substring(1, text.length() - 1);
    }
    if (text.contains("\"") && !text.contains("'")) {
      return "'" + text + "'";
    }
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static boolean endOfText(String problem) {
    return problem.contains("end of stream") || problem.contains("<stream end>");
  }

  // ---- setting a mistake aside, to read on

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
  String setAside(int line, String placeholder, int level) {
    if (line < 0 || line >= lines.length || level > 3) {
      return null;
    }
    int start = switch (level) {
      case 0 -> innermost(line);
      case 1 -> blockStart(line, true);
      default -> blockStart(line, false);
    };
    String result = replace(start, level < 3 ? placeholder : null);
    return result != null ? result : setAside(line, placeholder, level + 1);
  }

  /** The key or list item the line belongs to: itself when it starts one, else the nearest above it. */
  private int innermost(int line) {
    int l = line;
    while (l > 0 && !content(l)) {
      l--;
    }
    if (!key(l).isEmpty() || ITEM_LINE.matcher(text(l)).find()) {
      return l;
    }
    int above = above(l, indent(l));
    return above >= 0 ? above : l;
  }

  private int blockStart(int line, boolean deep) {
    int l = line;
    while (l >= 0 && !content(l)) {
      l--;
    }
    if (l < 0) {
      return line;
    }
    // The chain of lines above, each indented less than the last: the keys the line sits under.
    java.util.List<Integer> chain = new java.util.ArrayList<>(java.util.List.of(l));
    int indent = indent(l);
    for (int k = l - 1; k >= 0 && indent > 0; k--) {
      if (content(k) && indent(k) < indent) {
        chain.add(k);
        indent = indent(k);
      }
    }
    int top = chain.get(chain.size() - 1);
    boolean container = !key(top).isEmpty() && valueOf(top).isEmpty() && !ITEM_LINE.matcher(text(top)).find();
    if (deep && container && chain.size() >= 2) {
      return chain.get(chain.size() - 2);
    }
    return top;
  }

  private String replace(int start, String placeholder) {
    int indent = indent(start);
    boolean container = !key(start).isEmpty() && valueOf(start).isEmpty();
    int end = start;
    for (int l = start + 1; l < lines.length; l++) {
      if (!content(l) || indent(l) > indent || (container && indent(l) == indent && text(l).stripLeading().startsWith("-"))) {
        end = l;
      } else {
        break;
      }
    }
    while (end > start && !content(end)) {
      end--;
    }
    String first;
    Matcher item = ITEM_LINE.matcher(text(start));
    Matcher key = KEY_LINE.matcher(text(start));
    if (placeholder == null) {
      first = "";
    } else if (item.find()) {
      first = " ".repeat(indent) + "- " + placeholder;
    } else if (key.find()) {
      first = text(start).substring(0, key.end()) + " " + placeholder;
    } else {
      first = "";
    }
    boolean changed = !text(start).equals(first);
    for (int l = start + 1; l <= end; l++) {
      changed |= !text(l).isEmpty();
    }
    if (!changed) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int l = 0; l < lines.length; l++) {
      if (l > 0) {
        sb.append('\n');
      }
      sb.append(l == start ? first : l > start && l <= end ? "" : lines[l]);
    }
    return sb.toString();
  }
}
