package org.practicalpartnerships.handbook.diagnostics;

/**
 * The part of a source line a diagnostic shows: the whole line when it is short, else a window of
 * {@link #WIDTH} characters around the column, with "…" where it was cut. A paragraph written as
 * one line can be hundreds of kilobytes; showing it whole under each of thousands of diagnostics
 * would print (and keep in memory) gigabytes, so every diagnostic costs the same however long its
 * line is.
 *
 * @param text what is shown
 * @param column the 1-based column of the caret within {@code text}, 0 for no caret
 */
public record Excerpt(String text, int column) {
  /** The most characters of a line shown, besides the "…" marks. */
  public static final int WIDTH = 160;

  /** How many characters are shown before the column, when the line is cut. */
  static final int BEFORE = 60;

  static final String CUT = "\u2026";

  /** The excerpt of a whole line. */
  public static Excerpt of(String line, int column) {
    return of(line, 0, line == null ? 0 : line.length(), column);
  }

  /**
   * The excerpt of the line that runs from {@code start} to {@code end} in {@code text}, copying
   * only what is shown.
   *
   * @param column the 1-based column in the line, 0 when there is none
   */
  public static Excerpt of(String text, int start, int end, int column) {
    if (text == null) {
      return new Excerpt("", 0);
    }
    int length = end - start;
    if (length <= WIDTH) {
      return new Excerpt(text.substring(start, end), column);
    }
    int from = column <= 0 ? 0 : Math.max(0, Math.min(column - 1 - BEFORE, length - WIDTH));
    int to = from + WIDTH;
    // Never cut a character in two.
    if (from > 0 && Character.isLowSurrogate(text.charAt(start + from))) {
      from++;
    }
    if (to < length && Character.isHighSurrogate(text.charAt(start + to - 1))) {
      to--;
    }
    StringBuilder shown = new StringBuilder(WIDTH + 2);
    if (from > 0) {
      shown.append(CUT);
    }
    shown.append(text, start + from, start + to);
    if (to < length) {
      shown.append(CUT);
    }
    int caret = column <= 0 ? 0 : column - from + (from > 0 ? CUT.length() : 0);
    return new Excerpt(shown.toString(), caret);
  }
}
