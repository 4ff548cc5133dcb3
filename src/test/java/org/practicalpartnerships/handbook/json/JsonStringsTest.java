package org.practicalpartnerships.handbook.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonStringsTest {
  static String quoted(String s) {
    StringBuilder out = new StringBuilder();
    JsonStrings.append(out, s);
    return out.toString();
  }

  /** The rule, one character at a time: what the fast version must equal. */
  static String reference(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean unpaired = Character.isHighSurrogate(c) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
          : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> out.append(c < 0x20 || c == '<' || c == '>' || c == '&' || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || unpaired
            || c == 0x061c || c == 0x200e || c == 0x200f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
            ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }

  @Test
  void escapesWhatCouldEndAScriptOrAStringAndNothingElse() {
    assertEquals("\"a \\u003c/script\\u003e \\u0026 \\\"q\\\" \\\\ \\n\"", quoted("a </script> & \"q\" \\ \n"));
    assertEquals("\"caf\u00e9 \u2019 \ud83d\ude00 \\ud83d\"", quoted("caf\u00e9 \u2019 \ud83d\ude00 \ud83d"));
  }

  @Test
  void randomTextMatchesTheRule() {
    String alphabet = "ab \"\\\n\r\t\b\f\u0001\u001f<>&\u007f\u0080\u009b\u009f\u00a0\u00e9\u2019\u2028\u2029\u202a\u202e\u202f\u2066\u2069\u206a\u200e\u200f\u061c\ud83d\ude00\uffff";
    Random random = new Random(11);
    for (int round = 0; round < 5000; round++) {
      StringBuilder s = new StringBuilder();
      for (int i = random.nextInt(20); i > 0; i--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertEquals(reference(s.toString()), quoted(s.toString()), s.toString());
    }
  }
}
