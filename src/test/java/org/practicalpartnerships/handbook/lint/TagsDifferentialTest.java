package org.practicalpartnerships.handbook.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.model.Page;

/**
 * Issue 20: {@link Tags#mergeTypos} counts each word's pages once; {@link TagsBefore} recounted
 * them at every comparison. On random handbooks, with tags spelt several ways, mistyped, shared and
 * alone, the two group the spellings the same, in the same order.
 */
class TagsDifferentialTest {
  private static final List<String> WORDS = List.of("governance", "goverance", "governnace", "finance", "finances", "policy", "police",
      "data sharing", "data-sharing", "Data Sharing", "workforce", "work force", "commissioning", "comissioning", "trust", "budgets");

  @Test
  void theSameSpellingGroupsAsBefore() {
    Random random = new Random(20);
    int warned = 0;
    for (int round = 0; round < 60; round++) {
      List<Page> pages = new ArrayList<>();
      int count = 1 + random.nextInt(25);
      for (int i = 0; i < count; i++) {
        List<String> tags = new ArrayList<>();
        for (int t = random.nextInt(4); t > 0; t--) {
          String tag = WORDS.get(random.nextInt(WORDS.size()));
          if (!tags.contains(tag)) {
            tags.add(tag);
          }
        }
        pages.add(SiteWarningsTest.tagged("p" + round + "-" + i + ".md", "[" + String.join(", ", tags) + "]"));
      }
      Map<String, Map<String, List<Page>>> byWord = Tags.byWord(pages);
      List<Map<String, List<Page>>> now = Tags.mergeTypos(byWord);
      assertEquals(TagsBefore.mergeTypos(byWord), now, "round " + round);
      warned += Tags.warnings(pages).size();
    }
    assertFalse(warned == 0, "the random handbooks gave warnings to compare");
  }
}
