package org.practicalpartnerships.handbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PageTextTest {
  @Test
  void collapseIsTheRegularExpressionItReplaced() {
    String alphabet = "ab \t\n\r\f\u000b\u00a0\u2003\u2028\u2029\u001c\u00e9\u2019.";
    Random random = new Random(3);
    for (int round = 0; round < 5000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String expected = text.toString().replaceAll("[\\s\\p{Z}]+", " ").strip();
      assertEquals(expected, PageText.collapse(text), text.toString());
    }
  }
}
