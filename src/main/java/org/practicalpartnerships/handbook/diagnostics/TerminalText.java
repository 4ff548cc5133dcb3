package org.practicalpartnerships.handbook.diagnostics;

/**
 * Text from the content (a source line, a file name, a message quoting either) made safe to print
 * on a terminal: characters a terminal would act on instead of showing are written visibly, the
 * way C and JSON write them. ESC starts control sequences (an OSC sequence can retitle the
 * terminal, write to the clipboard or make a link that lies), C1 controls do the same in one
 * byte, a carriage return or backspace can hide what came before, and bidirectional overrides
 * reorder what is shown so that it differs from what is in the file ("Trojan Source").
 *
 * <pre>{@code
 * TerminalText.visible("a\u001b]0;pwned\u0007b")  // a\x1b]0;pwned\x07b
 * TerminalText.visible("x\u202eevil")            // x\u202eevil
 * }</pre>
 *
 * <p>Escaped: C0 controls but the tab ({@code \x00} to {@code \x1f}), DEL ({@code \x7f}), C1
 * controls ({@code \x80} to {@code \x9f}), the bidirectional controls (U+061C, U+200E, U+200F,
 * U+202A to U+202E, U+2066 to U+2069) and the line and paragraph separators (U+2028, U+2029), as
 * {@code \u202e}. Tabs stay, so a caret under a source line still lines up ({@link #caretLine}).
 */
public final class TerminalText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private TerminalText() {}

  /** True when a terminal would act on this character rather than show it. */
  static boolean unsafe(char c) {
    return c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f || c == '\u061c' || c == '\u200e' || c == '\u200f'
        || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069' || c == '\u2028' || c == '\u2029';
  }

  /** The text with every unsafe character written visibly. */
  public static String visible(String text) {
    int first = 0;
    while (first < text.length() && !unsafe(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (unsafe(c)) {
        escape(sb, c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** How many characters a character takes once made visible: 4 or 6 for an escape, else 1. */
  static int width(char c) {
    if (!unsafe(c)) {
      return 1;
    }
    return c <= 0xff ? 4 : 6;
  }

  private static void escape(StringBuilder sb, char c) {
    if (c <= 0xff) {
      sb.append("\\x").append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
    } else {
      sb.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
    }
  }

  /**
   * The line that puts a {@code ^} under the given column of the source line as {@link #visible}
   * shows it: a tab before the column stays a tab, an escaped character counts as the width of its
   * escape, anything else as one space; past the end of the line, spaces.
   *
   * @param column 1-based, in characters of the source line as it is in the file
   */
  public static String caretLine(String sourceLine, int column) {
    StringBuilder sb = new StringBuilder(column + 8);
    int stop = Math.min(column - 1, sourceLine.length());
    for (int i = 0; i < stop; i++) {
      char c = sourceLine.charAt(i);
      if (c == '\t') {
        sb.append('\t');
      } else {
        sb.append(" ".repeat(width(c)));
      }
    }
    for (int i = stop; i < column - 1; i++) {
      sb.append(' ');
    }
    return sb.append('^').toString();
  }
}
