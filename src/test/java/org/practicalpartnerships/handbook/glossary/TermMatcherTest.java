package org.practicalpartnerships.handbook.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The term matcher finds exactly what the regular expression it replaced finds. */
class TermMatcherTest {
  private static final List<String> NAMES = List.of(
      "trust", "whole-system working", "whole systems working", "partnership", "partnership fatigue",
      "co-operation", "co operation", "Éclair", "naïve trust", "S106", "a", "-dash first", "x2", "kelvin", "Ɫatin", "\u017Fection");

  /** The expression TermLinker used before: the reference these tests compare with. */
  private static Pattern reference(List<String> names) {
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    List<String> alternatives = new ArrayList<>();
    for (String name : sorted) {
      List<String> words = new ArrayList<>();
      for (String word : name.strip().split("[\\s\\-‐]+")) {
        words.add(Pattern.quote(word));
      }
      alternatives.add(String.join("[\\s\\-‐]+", words));
    }
    return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static List<String> expected(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.start() + "-" + m.end());
    }
    return found;
  }

  private static List<String> actual(TermMatcher matcher, String text) {
    List<String> found = new ArrayList<>();
    char[] chars = text.toCharArray();
    for (TermMatcher.Match m = matcher.find(chars, 0); m != null; m = matcher.find(chars, m.end())) {
      found.add(m.start() + "-" + m.end());
    }
    return found;
  }

  @Test
  void handPickedCases() {
    Pattern pattern = reference(NAMES);
    TermMatcher matcher = new TermMatcher(NAMES);
    for (String text : List.of(
        "Trust grows. TRUST matters; distrust and trustees do not count.",
        "whole-system working, whole system  working, whole\nsystem\tworking, whole--system‐working",
        "Partnership fatigue beats partnership; partnerships are not partnership.",
        "CO-OPERATION, co operation and cooperation",
        "éclair, ÉCLAIR, Éclairs; naïve trust, NAÏVE  TRUST",
        "s106 and S1067 and xS106; x2 and x22; a, b a c, ab",
        "a -dash first and --dash first, -dash firsts",
        "")) {
      assertEquals(expected(pattern, text), actual(matcher, text), text);
    }
  }

  @Test
  void randomTextFromTheTermsOwnLetters() {
    Pattern pattern = reference(NAMES);
    TermMatcher matcher = new TermMatcher(NAMES);
    // Letters that fold across ASCII and beyond (KELVIN SIGN to k, long s to s, \u2C62 to \u026B),
    // so the ASCII fast path and the general one must agree.
    String alphabet = "trusTwholeSystemWorkingpartnershipfatigueco-operation ÉclairnaïveS1062x\n\t‐.,-\u212Aelvin\u017Fs\u2C62\u026Batin";
    Random random = new Random(7);
    for (int round = 0; round < 3000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        if (random.nextInt(6) == 0) {
          text.append(NAMES.get(random.nextInt(NAMES.size())));
        } else {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      assertEquals(expected(pattern, text.toString()), actual(matcher, text.toString()), text.toString());
    }
  }
}
