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

  private static final Pattern KEY_LINE = YamlLines.KEY_LINE;
  private static final Pattern ITEM_LINE = YamlLines.ITEM_LINE;
  private static final Pattern BLOCK_SCALAR = Pattern.compile(".*:\\s+[|>][-+0-9]*\\s*(#.*)?$");

  private final YamlLines lines;
  private final int firstLine;

  /**
   * @param yaml the YAML text as parsed
   * @param firstLine the file line where the text starts, for "on line N" in messages
   */
  YamlSyntax(String yaml, int firstLine) {
    this.lines = new YamlLines(yaml);
    this.firstLine = firstLine;
  }

  Translated translate(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    Mark problemMark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    Mark contextMark = e.getContextMark() != null ? e.getContextMark() : problemMark;
    int line = problemMark == null ? 0 : problemMark.getLine();
    int column = problemMark == null ? 1 : problemMark.getColumn() + 1;
    Raw raw = new Raw(problem, context, line, column, contextMark == null ? line : contextMark.getLine(), contextMark == null ? column : contextMark.getColumn() + 1);
    Translated translated = characters(raw);
    if (translated == null) {
      translated = structure(raw);
    }
    if (translated != null) {
      return translated;
    }
    String words = (context.isEmpty() ? problem : context + ": " + problem).strip();
    return new Translated(line, column, "this line cannot be read as YAML" + (words.isEmpty() ? "" : " (" + words + ")")
        + "; check its indentation, its quotes, and any ': ' or '#' in its text (text with those in it needs quotes)");
  }

  /** SnakeYAML's report: its words, where it noticed the problem, and where what it was reading began. */
  private record Raw(String problem, String context, int line, int column, int contextLine, int contextColumn) {}

  /** Mistakes in the characters of a value: tabs, quotes, escapes, and characters YAML gives a meaning. */
  private Translated characters(Raw r) {
    String problem = r.problem();
    String context = r.context();
    if (problem.contains("(TAB)") || problem.contains("'\\t'")) {
      return tab(r.line(), r.column());
    }
    if (problem.startsWith("Global tag is not allowed")) {
      String tag = problem.substring(problem.indexOf(':') + 1).strip().replace(Tag.PREFIX, "!!");
      return new Translated(r.line(), r.column(), "the YAML tag '" + tag + "' is not allowed; write plain text, numbers, lists and maps (put text that starts with '!' in quotes)");
    }
    if (context.contains("quoted scalar") && endOfText(problem)) {
      return new Translated(r.contextLine(), r.contextColumn(), "this quoted text is never closed; add the closing " + lines.charAt(r.contextLine(), r.contextColumn()) + " at its end");
    }
    if (context.contains("double-quoted scalar") && problem.contains("escape")) {
      int backslash = lines.text(r.line()).lastIndexOf('\\', Math.max(0, r.column() - 2));
      return new Translated(r.line(), backslash >= 0 ? backslash + 1 : r.column(),
          "in double quotes a backslash starts an escape such as \\n; write \\\\ for a backslash, or put the text in single quotes instead");
    }
    if (context.contains("an alias") || problem.contains("undefined alias")) {
      int at = context.contains("an alias") ? r.contextColumn() : r.column();
      int on = context.contains("an alias") ? r.contextLine() : r.line();
      return new Translated(on, at, "text that starts with '*' is read as a YAML alias; put the whole text in quotes: " + quotedFrom(on, at));
    }
    if (context.contains("a tag") || context.contains("an anchor")) {
      String c = context.contains("a tag") ? "!" : "&";
      return new Translated(r.contextLine(), r.contextColumn(), "text that starts with '" + c + "' is read as a YAML " + (c.equals("!") ? "tag" : "anchor")
          + "; put the whole text in quotes: " + quotedFrom(r.contextLine(), r.contextColumn()));
    }
    if (problem.contains("that cannot start any token")) {
      return cannotStart(r.line(), r.column());
    }
    if (context.contains("block scalar")) {
      return new Translated(r.line(), r.column(), "only '-', '+' or a number may follow '|' or '>' on its line; start the text on the next line, indented under the key");
    }
    if (problem.contains("special characters are not allowed")) {
      return new Translated(r.line(), r.column(), "an invisible control character here that YAML does not allow; delete it (retype the text around it)");
    }
    return null;
  }

  private Translated cannotStart(int line, int column) {
    String c = lines.charAt(line, column);
    if (c.equals("\t")) {
      return tab(line, column);
    }
    if (c.length() == 1 && (Character.isSpaceChar(c.charAt(0)) || Character.isISOControl(c.charAt(0)))) {
      return new Translated(line, column, "an invisible character here (such as a non-breaking space, U+" + String.format("%04X", (int) c.charAt(0))
          + ") that YAML does not allow; retype it as a plain space");
    }
    return new Translated(line, column, "text cannot start with '" + c + "' in YAML; put the whole text in quotes: " + quotedFrom(line, column));
  }

  /** Mistakes in the shape of the file: brackets, indentation, keys and list items out of place. */
  private Translated structure(Raw r) {
    String problem = r.problem();
    String context = r.context();
    if (context.contains("flow sequence") || context.contains("flow mapping")) {
      return flow(context.contains("flow sequence"), problem, r.line(), r.column(), r.contextLine(), r.contextColumn());
    }
    if (context.contains("flow node")) {
      return flowItem(problem, r.line(), r.column());
    }
    if (context.contains("single document") || problem.contains("another document")) {
      return new Translated(r.line(), 1, "a line of '---' starts a second document here, and this file holds one; remove the line");
    }
    if (problem.contains("<document start>")) {
      return afterTheRoot(problem, r.line(), r.column());
    }
    if (context.contains("block node") && problem.contains("expected the node content")) {
      return noValue(problem, r.line(), r.column(), r.contextLine());
    }
    if (problem.contains("mapping values are not allowed")) {
      return colon(r.line(), r.column());
    }
    if (problem.contains("sequence entries are not allowed")) {
      String key = lines.key(r.line());
      return new Translated(r.line(), r.column(), "a list cannot start on the same line as " + (key.isEmpty() ? "its key" : "'" + key + ":'")
          + "; put each item on a line of its own below it, indented and starting with '- ', or write [one, two] (if it is text, put it in quotes)");
    }
    if (context.contains("simple key") && problem.contains("could not find expected ':'")) {
      return noColon(r.contextLine());
    }
    if (problem.startsWith("expected <block end>")) {
      return blockEnd(problem, r.line(), r.column());
    }
    return null;
  }

  private Translated tab(int line, int column) {
    boolean indentation = lines.text(line).substring(0, Math.min(column - 1, lines.text(line).length())).isBlank();
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
      String text = lines.text(open[0]);
      boolean map = open[1] - 1 < text.length() && text.charAt(open[1] - 1) == '{';
      String what = map ? "map" : "list";
      String close = map ? "}" : "]";
      // A '#' after a space cut the line short, brackets and all: say so, since that is the fix.
      boolean comment = text.substring(Math.min(open[1], text.length())).contains(" #");
      return new Translated(open[0], open[1], "this " + what + " is never closed; add the closing '" + close + "' at its end"
          + (comment ? " (a '#' after a space starts a comment, so put text with '#' in it in quotes)" : " (if it is text that starts with '" + (map ? "{" : "[") + "', put the whole text in quotes)"));
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
    for (int l = Math.min(line, lines.count() - 1); l >= 0; l--) {
      String text = lines.text(l);
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
    while (first < lines.count() && !lines.content(first)) {
      first++;
    }
    if (first < line && lines.indent(first) > lines.indent(line)) {
      return new Translated(first, 1, "this first line is indented " + spaces(lines.indent(first)) + ", more than the lines below it; start it at the left edge, as they do");
    }
    if (problem.contains("']'") || problem.contains("'}'")) {
      return new Translated(line, column, "a '" + (problem.contains("']'") ? ']' : '}') + "' that closes nothing; remove it, or put the whole value in quotes");
    }
    if (first < line && lines.key(first).isEmpty() && !ITEM_LINE.matcher(lines.text(first)).find()) {
      int colon = lines.text(first).indexOf(':');
      if (colon > 0 && colon + 1 < lines.text(first).length() && lines.text(first).charAt(colon + 1) != ' ') {
        return new Translated(first, colon + 2, "put a space after ':': write 'key: value'");
      }
      return noColon(first);
    }
    if (column - 1 == lines.indent(line)) {
      return misaligned(line);
    }
    return new Translated(line, column, "more text here where the line should have ended; put the whole value in quotes, or start a new line for the next key");
  }

  /** A key or list item with no value where one must come ("- " alone, then a key not under it). */
  private Translated noValue(String problem, int line, int column, int dashLine) {
    if (problem.contains("'?'") && column - 1 == lines.indent(line)) {
      return new Translated(line, column, "'" + lines.key(line) + ":' should be indented under the '-' on line " + (firstLine + dashLine)
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
    String text = lines.text(line);
    Matcher key = KEY_LINE.matcher(text);
    int keyEnd = key.find() ? key.end() : -1;
    if (keyEnd >= 0 && text.indexOf(':', key.end(3)) == column - 1) {
      // The line's own key: it is indented under a line whose value it then seems to continue.
      int above = lines.above(line, lines.indent(line));
      if (above >= 0) {
        String parent = lines.key(above);
        boolean continues = parent.isEmpty() || !lines.valueOf(above).isEmpty();
        String where = parent.isEmpty() ? "line " + (firstLine + above) : "'" + parent + ":' on line " + (firstLine + above);
        return new Translated(line, key.start(3) + 1, "'" + key.group(3) + ":' is indented more than " + where + ", so YAML reads it as part of that value; "
            + (parent.isEmpty() ? "line it up with the key it belongs beside" : "line it up with '" + parent + ":' (" + spaces(lines.keyColumn(above) - 1) + " before it)")
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
      start = item.find() ? item.end() - 1 : lines.indent(line);
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
    String text = lines.text(line);
    int at = lines.indent(line) + 1;
    if (text.stripLeading().matches("-[^\\s-].*")) {
      String rest = text.stripLeading().substring(1);
      return new Translated(line, at, "a list item needs a space after '-': write '- " + rest + "'");
    }
    int above = lines.previousContent(line);
    if (above >= 0 && BLOCK_SCALAR.matcher(lines.text(above)).matches()) {
      return new Translated(line, at, "the text under '" + lines.text(above).strip() + "' must be indented more than '" + lines.key(above) + ":'; put spaces at the start of this line");
    }
    return new Translated(line, at, "this line is not 'key: value' and not a list item ('- ...'); if it continues the text above, indent it"
        + " (or put all of that text in quotes); if it is a key, put ': ' after it");
  }

  /** "expected <block end>, but found ...": something where the block above should have ended. */
  private Translated blockEnd(String problem, int line, int column) {
    String text = lines.text(line);
    char before = column >= 2 && column - 2 < text.length() ? text.charAt(column - 2) : ' ';
    if (problem.contains("'<scalar>'") && (before == '"' || before == '\'')) {
      return quoteEndedEarly(line, column - 1, before);
    }
    String head = text.substring(0, Math.min(text.length(), column - 1)).stripTrailing();
    if (problem.contains("'<scalar>'") && (head.endsWith("]") || head.endsWith("}"))) {
      Matcher key = KEY_LINE.matcher(text);
      int start = key.find() ? key.end() : lines.indent(line);
      String prefix = text.substring(0, start).stripTrailing();
      char open = head.endsWith("]") ? '[' : '{';
      return new Translated(line, start + 1 + (text.substring(start).length() - text.substring(start).stripLeading().length()),
          "this value starts with '" + open + "', so YAML reads a " + (open == '[' ? "list" : "map") + ", but text follows its '" + (open == '[' ? ']' : '}')
              + "'; put the whole value in quotes: " + prefix + (prefix.isEmpty() ? "" : " ") + quoted(text.substring(start).strip()));
    }
    boolean lineStart = column - 1 == lines.indent(line);
    if (problem.contains("'-'")) {
      return new Translated(line, column, "a list item ('- ') among 'key: value' lines; a list belongs under a key such as 'tags:', on the lines below it and indented");
    }
    if (problem.contains("'?'") && lineStart) {
      int item = lines.itemAbove(line, lines.indent(line));
      return new Translated(line, column, "'" + lines.key(line) + ":' is lined up with the list items above" + (item >= 0 ? " (the '-' on line " + (firstLine + item) + ")" : "")
          + " but is not one; start it with '- ' if it is an item of its own, or indent it under an item");
    }
    if (problem.contains("']'") || problem.contains("'}'")) {
      char c = problem.contains("']'") ? ']' : '}';
      return new Translated(line, column, "a '" + c + "' that closes nothing; remove it, or put the whole value in quotes");
    }
    if (lineStart && lines.key(line).isEmpty() && !ITEM_LINE.matcher(text).find()) {
      int above = lines.previousContent(line);
      return new Translated(line, column, "this line is indented less than the text above it, so it is not part of that text; indent it as much as line "
          + (firstLine + above) + " (" + spaces(lines.indent(above)) + ")");
    }
    if (lineStart) {
      return misaligned(line);
    }
    return new Translated(line, column, "more text here where the line should have ended; put the whole value in quotes, or start a new line for the next key");
  }

  /** A quoted value that ends before its line does: the quote at {@code quoteColumn} closed it. */
  private Translated quoteEndedEarly(int line, int quoteColumn, char quote) {
    String text = lines.text(line);
    int before = 0;
    for (int i = 0; i < quoteColumn - 1; i++) {
      if (text.charAt(i) == quote && (quote == '\'' || i == 0 || text.charAt(i - 1) != '\\')) {
        before++;
      }
    }
    if (before % 2 == 0) {
      // The text was opened on an earlier line and never closed on its own.
      for (int l = line - 1; l >= 0; l--) {
        int open = lines.text(l).lastIndexOf(quote);
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
    int n = lines.indent(line);
    boolean item = lines.text(line).stripLeading().startsWith("- ") || lines.text(line).strip().equals("-");
    int best = -1;
    int bestColumn = 0;
    for (int l = line - 1; l >= 0; l--) {
      if (!lines.content(l)) {
        continue;
      }
      int c = item ? (ITEM_LINE.matcher(lines.text(l)).find() ? lines.dashColumn(l) : -1) : (lines.key(l).isEmpty() ? -1 : lines.keyColumn(l));
      if (c > 0 && (best < 0 || Math.abs(c - 1 - n) < Math.abs(bestColumn - 1 - n))) {
        best = l;
        bestColumn = c;
      }
    }
    String what = item ? "this list item" : "'" + lines.key(line) + ":'";
    if (best < 0) {
      return new Translated(line, n + 1, what + " is indented " + spaces(n) + ", which lines it up with nothing above; check its indentation");
    }
    String with = item ? "the '-' on line " + (firstLine + best) : "'" + lines.key(best) + ":' on line " + (firstLine + best);
    return new Translated(line, n + 1, what + " is indented " + spaces(n) + ", which lines it up with nothing above; line it up with " + with + " ("
        + spaces(bestColumn - 1) + ")");
  }

  /** The line from {@code column} on in quotes, after what comes before it: the line as it should read. */
  private String quotedFrom(int line, int column) {
    String text = lines.text(line);
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
}
