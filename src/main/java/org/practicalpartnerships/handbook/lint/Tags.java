package org.practicalpartnerships.handbook.lint;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Position;
import org.practicalpartnerships.handbook.diagnostics.Suggestions;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SitePaths;

/**
 * Tags that do not group pages: near duplicates (one word spelt two ways or mistyped, so its pages
 * are split over two tag pages) and tags only one page has. Each warning is at the page's {@code tags:}
 * line, where the editor changes it.
 */
final class Tags {
  private Tags() {}

  static List<Diagnostic> warnings(List<Page> written) {
    List<Diagnostic> warnings = new ArrayList<>();
    for (Map<String, List<Page>> spellings : mergeTypos(byWord(written))) {
      if (spellings.size() > 1) {
        // The spelling most pages use stays; the others are warned about (ties: the first A to Z).
        String kept = spellings.entrySet().stream()
            .max(Comparator.comparingInt((Map.Entry<String, List<Page>> e) -> e.getValue().size()).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
            .orElseThrow().getKey();
        int count = spellings.get(kept).size();
        spellings.forEach((tag, pages) -> {
          if (!tag.equals(kept)) {
            for (Page page : pages) {
              String noun = count == 1 ? " page" : " pages";
              warnings.add(page.source().warning(at(page, tag), SitePaths.slug(tag).equals(SitePaths.slug(kept))
                  ? "the tag '" + tag + "' is spelt '" + kept + "' on " + count + noun + "; use one spelling, so the tag reads the same on every page"
                  : "the tag '" + tag + "' is nearly the same as '" + kept + "' (on " + count + noun + "), so their pages are split over two tag pages; use one spelling"));
            }
          }
        });
      } else {
        spellings.forEach((tag, pages) -> {
          if (pages.size() == 1) {
            warnings.add(pages.get(0).source().warning(at(pages.get(0), tag),
                "the tag '" + tag + "' is on this page only, and a tag is for grouping pages; give it to the other pages it fits, or remove it"));
          }
        });
      }
    }
    return warnings;
  }

  /** Every spelling of a tag, with its pages, grouped by the word they spell. */
  static Map<String, Map<String, List<Page>>> byWord(List<Page> written) {
    Map<String, Map<String, List<Page>>> byWord = new TreeMap<>();
    // Each spelling's word found once: a handbook has a few dozen tags over thousands of pages.
    Map<String, String> words = new java.util.HashMap<>();
    for (Page page : written) {
      for (String tag : page.frontMatter().tags()) {
        if (!SitePaths.hasOwnSlug(tag)) {
          continue; // an error of its own (TagsOutput): no address for its page
        }
        byWord.computeIfAbsent(words.computeIfAbsent(tag, Tags::word), w -> new TreeMap<>()).computeIfAbsent(tag, t -> new ArrayList<>()).add(page);
      }
    }
    return byWord;
  }

  /**
   * The groups of spellings, with words one slip apart joined ({@code goverance} and {@code
   * governance}): a letter left out, added, changed or two swapped, in words of five letters or
   * more; two slips in words of ten or more. One of the two must be on a single page, as a slip
   * usually is: two words each on several pages ({@code police}, {@code policy}) are meant.
   */
  static List<Map<String, List<Page>>> mergeTypos(Map<String, Map<String, List<Page>>> byWord) {
    List<String> words = new ArrayList<>(byWord.keySet());
    // Counted once a word, not at each of the word-by-word comparisons (at 10,000 pages that
    // recount was 90% of serve's redoing of a page).
    int[] pages = words.stream().mapToInt(word -> pages(byWord.get(word))).toArray();
    int[] group = new int[words.size()];
    for (int i = 0; i < words.size(); i++) {
      group[i] = i;
      for (int j = 0; j < i; j++) {
        boolean rare = pages[i] == 1 || pages[j] == 1;
        if (rare && slipApart(words.get(i), words.get(j))) {
          int from = group[i];
          int to = group[j];
          for (int k = 0; k <= i; k++) {
            if (group[k] == from) {
              group[k] = to;
            }
          }
        }
      }
    }
    Map<Integer, Map<String, List<Page>>> merged = new TreeMap<>();
    for (int i = 0; i < words.size(); i++) {
      merged.computeIfAbsent(group[i], g -> new TreeMap<>()).putAll(byWord.get(words.get(i)));
    }
    return new ArrayList<>(merged.values());
  }

  /** The pages that have one of these spellings, each once; told apart by address, not by hashing the whole page. */
  private static int pages(Map<String, List<Page>> spellings) {
    return (int) spellings.values().stream().flatMap(List::stream).map(Page::outputPath).distinct().count();
  }

  static boolean slipApart(String a, String b) {
    int shorter = Math.min(a.length(), b.length());
    if (shorter < 5) {
      return false;
    }
    return Suggestions.distance(a, b) <= (shorter >= 10 ? 2 : 1);
  }

  // Compiled once, not at every call as String.replaceAll and matches do.
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern ES_PLURAL = Pattern.compile(".*(ss|x|ch|sh)es");

  /**
   * The word a tag spells, case, accents, hyphens, spaces and a plural ending aside: {@code
   * Whole-Systems}, {@code whole systems} and {@code whole-system} are one word.
   */
  static String word(String tag) {
    String plain = NOT_LETTERS.matcher(MARKS.matcher(Normalizer.normalize(tag, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT)).replaceAll("");
    if (plain.endsWith("ies") && plain.length() > 4) {
      return plain.substring(0, plain.length() - 3) + "y";
    }
    if (ES_PLURAL.matcher(plain).matches()) {
      return plain.substring(0, plain.length() - 2);
    }
    if (plain.endsWith("s") && !plain.endsWith("ss") && plain.length() > 3) {
      return plain.substring(0, plain.length() - 1);
    }
    return plain;
  }

  /** The tag as written in the page's front matter, or its {@code tags:} line. */
  private static Position at(Page page, String tag) {
    FrontMatter fm = page.frontMatter();
    return fm.position(FrontMatter.itemKey("tags", tag)).map(FrontMatter.KeyPosition::value)
        .or(() -> fm.position("tags").map(FrontMatter.KeyPosition::key)).orElse(new Position(1, 1));
  }
}
