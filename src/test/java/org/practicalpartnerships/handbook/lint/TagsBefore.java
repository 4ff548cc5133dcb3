package org.practicalpartnerships.handbook.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.practicalpartnerships.handbook.model.Page;

/**
 * Issue 20's differential reference: {@link Tags#mergeTypos} as it was before it counted each
 * word's pages once instead of at every comparison (hashing every page's whole record each time).
 * Kept unchanged so {@code TagsDifferentialTest} can check the two agree.
 */
final class TagsBefore {
  private TagsBefore() {}

  static List<Map<String, List<Page>>> mergeTypos(Map<String, Map<String, List<Page>>> byWord) {
    List<String> words = new ArrayList<>(byWord.keySet());
    int[] group = new int[words.size()];
    for (int i = 0; i < words.size(); i++) {
      group[i] = i;
      for (int j = 0; j < i; j++) {
        boolean rare = pages(byWord.get(words.get(i))) == 1 || pages(byWord.get(words.get(j))) == 1;
        if (rare && Tags.slipApart(words.get(i), words.get(j))) {
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

  private static int pages(Map<String, List<Page>> spellings) {
    return (int) spellings.values().stream().flatMap(List::stream).distinct().count();
  }
}
