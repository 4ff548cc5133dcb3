package org.practicalpartnerships.handbook.glossary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds glossary terms in text: whole words only, case-insensitive, with any run of spaces and
 * hyphens between a term's words, and longer terms before shorter ones at the same place. It
 * matches what this regular expression would, but looks only at word starts whose first letter
 * begins some term:
 *
 * <pre>{@code (?<![\p{L}\p{N}])(?:word[\s\-‐]+word|word|...)(?![\p{L}\p{N}])}</pre>
 *
 * with the alternatives longest first, CASE_INSENSITIVE and UNICODE_CASE. A profile showed that
 * expression, tried at every position of every text, costing as much as rendering the Markdown.
 */
final class TermMatcher {
  /** A term as words, in the order the alternation would try it. */
  private record Candidate(String name, int[][] words) {}

  /** The key of candidates whose first word is empty. */
  private static final int SEPARATOR_FIRST = -1;

  /** Candidates by the folded first code point of their first word. */
  private final Map<Integer, List<Candidate>> byFirst = new HashMap<>();

  /** The same for Latin letters, looked up without boxing: the common case, at every word start. */
  private final List<?>[] latin = new List<?>[0x250];

  /** For each ASCII character, whether some term can start with it: most text is ASCII. */
  private final boolean[] asciiStarts = new boolean[128];

  /** @param names every term and alias */
  TermMatcher(Iterable<String> names) {
    List<String> sorted = new ArrayList<>();
    names.forEach(sorted::add);
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    for (String name : sorted) {
      List<int[]> words = new ArrayList<>();
      for (String word : name.strip().split("[\\s\\-‐]+")) {
        words.add(word.codePoints().map(TermMatcher::fold).toArray());
      }
      // A name that starts with a hyphen has an empty first word: it starts at a separator.
      int key = words.get(0).length == 0 ? SEPARATOR_FIRST : words.get(0)[0];
      byFirst.computeIfAbsent(key, k -> new ArrayList<>()).add(new Candidate(name, words.toArray(int[][]::new)));
    }
    byFirst.forEach((key, candidates) -> {
      if (key >= 0 && key < latin.length) {
        latin[key] = candidates;
      }
    });
    for (char c = 0; c < 128; c++) {
      asciiStarts[c] = candidates(c) != null;
    }
  }

  @SuppressWarnings("unchecked")
  private List<Candidate> candidates(int first) {
    if (first < Character.MIN_SUPPLEMENTARY_CODE_POINT && isSeparator((char) first)) {
      return byFirst.get(SEPARATOR_FIRST);
    }
    int key = fold(first);
    return key < latin.length ? (List<Candidate>) latin[key] : byFirst.get(key);
  }

  /** A match: where it starts and ends in the text. */
  record Match(int start, int end) {}

  /**
   * The first match at or after {@code from} in text held as a char array, or null. Callers that
   * look for every match in one text convert it once; reading an array is what C1, which compiles
   * cold builds, makes fastest (issue 20: with {@code String.charAt} this loop was 4.5% of a cold
   * build at 10,000 pages).
   */
  Match find(char[] text, int from) {
    // One pass: whether the previous code point was a letter or number is carried along, so the
    // (costly) Unicode category is looked up once per code point, and candidates only at word starts.
    boolean afterWord = from > 0 && isLetterOrNumber(Character.codePointBefore(text, from));
    for (int p = from; p < text.length; ) {
      char ch = text[p];
      if (ch < 128) {
        // The same steps as below, for the common case, without a call per character.
        if (!afterWord && asciiStarts[ch]) {
          for (Candidate candidate : candidates(ch)) {
            int end = matchAt(candidate, text, p);
            if (end >= 0) {
              return new Match(p, end);
            }
          }
        }
        afterWord = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
        p++;
        continue;
      }
      int cp = Character.codePointAt(text, p);
      if (!afterWord) {
        List<Candidate> candidates = candidates(cp);
        if (candidates != null) {
          for (Candidate candidate : candidates) {
            int end = matchAt(candidate, text, p);
            if (end >= 0) {
              return new Match(p, end);
            }
          }
        }
      }
      afterWord = isLetterOrNumber(cp);
      p += Character.charCount(cp);
    }
    return null;
  }

  /** The end of the candidate matched at {@code p}, or -1. */
  private static int matchAt(Candidate candidate, char[] text, int p) {
    int at = p;
    for (int w = 0; w < candidate.words().length; w++) {
      if (w > 0) {
        int separators = at;
        while (at < text.length && isSeparator(text[at])) {
          at++;
        }
        if (at == separators) {
          return -1;
        }
      }
      for (int c : candidate.words()[w]) {
        if (at >= text.length) {
          return -1;
        }
        int cp = Character.codePointAt(text, at);
        if (fold(cp) != c) {
          return -1;
        }
        at += Character.charCount(cp);
      }
    }
    return at < text.length && isLetterOrNumber(Character.codePointAt(text, at)) ? -1 : at;
  }

  /** The regular expression's {@code [\s\-‐]}: ASCII white space, hyphen-minus, hyphen. */
  static boolean isSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '-' || c == '‐';
  }

  /** {@code [\p{L}\p{N}]}. */
  private static boolean isLetterOrNumber(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  /** Case folding as UNICODE_CASE compares letters. */
  private static int fold(int cp) {
    if (cp < 128) {
      return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
    }
    return Character.toLowerCase(Character.toUpperCase(cp));
  }
}
