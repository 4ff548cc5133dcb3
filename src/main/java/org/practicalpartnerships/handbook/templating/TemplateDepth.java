package org.practicalpartnerships.handbook.templating;

import java.util.Set;

/**
 * How deeply a template nests, found without FreeMarker: its parser and renderer recurse once or
 * more per level, so a template nested thousands deep would overflow the stack. A template that
 * nests past {@link #MAX_DEPTH} is refused at the line and column where it does, before FreeMarker
 * reads it.
 *
 * <p>A level is a block directive ({@code <#if>}, {@code <#list>}, ...), a macro call with a body
 * ({@code <@m>...</@m>}), or a bracket ({@code (}, {@code [}, <code>{</code>) in an expression
 * (inside <code>${...}</code> or a directive's parameters). Comments, strings and {@code
 * <#noparse>} are skipped. The count is lexical, so it may err by a level or two; the limit sits
 * far below what overflows (about 1,000 levels with a thread's usual 1 MB stack) and far above
 * what a real template needs.
 */
final class TemplateDepth {
  /** The deepest nesting a template may have. */
  static final int MAX_DEPTH = 100;

  /** Directives with a closing tag. */
  private static final Set<String> BLOCKS = Set.of("if", "list", "items", "macro", "function", "attempt", "compress", "escape", "noescape",
      "autoesc", "noautoesc", "outputformat", "switch", "foreach", "transform");

  /**
   * How deep the template nests, and the (1-based) line and column where it first gets that deep;
   * past {@link #MAX_DEPTH}, where it first passes the limit.
   */
  record Deepest(int depth, int line, int column) {}

  private final String text;
  private int i;
  private int line = 1;
  private int lineStart;
  private int depth;
  private Deepest deepest = new Deepest(0, 1, 1);

  private TemplateDepth(String text) {
    this.text = text;
  }

  /** The deepest point of this template's nesting. */
  static Deepest of(String text) {
    TemplateDepth scan = new TemplateDepth(text);
    scan.scan();
    return scan.deepest;
  }

  private void scan() {
    while (i < text.length()) {
      if (text.startsWith("<#--", i)) {
        skipPast("-->");
      } else if (text.startsWith("<#noparse", i)) {
        skipPast("</#noparse>");
      } else if (text.startsWith("</#", i) || text.startsWith("</@", i)) {
        closeBlock();
      } else if (text.startsWith("<#", i)) {
        directive();
      } else if (text.startsWith("<@", i)) {
        macroCall();
      } else if (text.startsWith("${", i) || text.startsWith("#{", i)) {
        advance(2);
        expression('}');
      } else {
        advance(1);
      }
    }
  }

  private void directive() {
    int atLine = line;
    int atColumn = column();
    advance(2);
    int start = i;
    while (i < text.length() && Character.isLetter(text.charAt(i))) {
      advance(1);
    }
    boolean block = BLOCKS.contains(text.substring(start, i));
    if (block) {
      enter(atLine, atColumn);
    }
    if (expression('>') && block) {
      // "<#if x/>" is not a block; FreeMarker refuses it anyway.
      depth--;
    }
  }

  private void macroCall() {
    enter(line, column());
    advance(2);
    if (expression('>')) {
      depth--;
    }
  }

  private void closeBlock() {
    if (depth > 0) {
      depth--;
    }
    skipPast(">");
  }

  /**
   * Scans an expression up to its closing character at bracket level 0, counting brackets.
   *
   * @return true when a tag ended with {@code />}
   */
  private boolean expression(char end) {
    int brackets = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        string(c);
        continue;
      }
      if (brackets == 0 && c == end) {
        boolean selfClosing = end == '>' && i > 0 && text.charAt(i - 1) == '/';
        advance(1);
        return selfClosing;
      }
      if (c == '(' || c == '[' || c == '{') {
        brackets++;
        enter(line, column());
      } else if ((c == ')' || c == ']' || c == '}') && brackets > 0) {
        brackets--;
        depth--;
      }
      advance(1);
    }
    depth -= brackets;
    return false;
  }

  private void string(char quote) {
    advance(1);
    while (i < text.length() && text.charAt(i) != quote) {
      advance(text.charAt(i) == '\\' ? 2 : 1);
    }
    advance(1);
  }

  /** One level deeper, at this line and column; past the limit, the place it was first passed is kept. */
  private void enter(int atLine, int atColumn) {
    depth++;
    if (depth > deepest.depth()) {
      deepest = deepest.depth() > MAX_DEPTH ? new Deepest(depth, deepest.line(), deepest.column()) : new Deepest(depth, atLine, atColumn);
    }
  }

  private int column() {
    return i - lineStart + 1;
  }

  private void skipPast(String end) {
    int at = text.indexOf(end, i);
    advance(at < 0 ? text.length() - i : at - i + end.length());
  }

  private void advance(int n) {
    int stop = Math.min(text.length(), i + n);
    for (; i < stop; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
  }
}
