package org.practicalpartnerships.handbook.json;

/**
 * Writes JSON strings, escaped so the result is also safe inside an HTML {@code <script>} or a
 * JavaScript file, and on a terminal: quotes, backslashes, control characters (C0, DEL and C1),
 * {@code < > &}, U+2028/U+2029, the bidirectional controls (U+061C, U+200E, U+200F, U+202A to
 * U+202E, U+2066 to U+2069) and unpaired surrogates become escapes. Shared by the search index and
 * the diagnostics report ({@code check --format json}), which editors' tools may print.
 */
public final class JsonStrings {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonStrings() {}

  /** Appends {@code s} to {@code out} as a quoted JSON string. */
  public static void append(StringBuilder out, String s) {
    out.append('"');
    // Runs of characters that need no escape (nearly all of them) are copied whole.
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
          || (c >= 0xa0 && c < 0x2028 || c > 0x2029 && c < 0xd800 || c > 0xdfff) && !bidi(c)) {
        continue;
      }
      out.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          boolean unpaired = Character.isHighSurrogate(c) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
              : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029' || bidi(c) || unpaired) {
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append(s, run, s.length());
    out.append('"');
  }

  /** The characters that reorder how text is shown (Unicode's bidirectional controls). */
  private static boolean bidi(char c) {
    return c == '\u061c' || c == '\u200e' || c == '\u200f' || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
  }
}
