package org.practicalpartnerships.handbook.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.Term;

/**
 * Issue 20: {@link AtoZOutput} splits each page's name into words once, where {@link AtoZBefore}
 * split it again for every glossary term. On random handbooks whose page names are terms, their
 * variants (plurals, hyphens, a leading "the", case) and other names, both make the same index.
 */
class AtoZDifferentialTest {
  private static final List<String> NAMES = List.of("Alliance", "alliances", "The alliance", "co-operation", "Cooperation", "co operation",
      "Whole-system working", "whole systems working", "Duty", "duties", "Box", "boxes", "Shared currency", "common measure", "ICS", "ICSs",
      "Trust", "the trusts", "Équipe", "1990 Act", "Governance", "Place-based partnership");

  @Test
  void theSameIndexAsBefore() {
    Random random = new Random(20);
    int shared = 0;
    for (int round = 0; round < 80; round++) {
      List<Page> pages = new ArrayList<>();
      for (int i = random.nextInt(12); i > 0; i--) {
        pages.add(AtoZOutputTest.page("p" + i + ".html", pick(random)));
      }
      List<Term> terms = new ArrayList<>();
      for (int i = random.nextInt(6); i > 0; i--) {
        String[] aliases = random.ints(random.nextInt(3), 0, NAMES.size()).mapToObj(NAMES::get).toArray(String[]::new);
        terms.add(AtoZOutputTest.term(pick(random), "t" + i, aliases));
      }
      String now = AtoZOutput.body(pages, terms, "glossary.html");
      assertEquals(AtoZBefore.body(pages, terms, "glossary.html"), now, "round " + round);
      shared += now.contains("; <a") ? 1 : 0;
    }
    assertTrue(shared > 0, "some rounds had a page and a term sharing an entry");
  }

  private static String pick(Random random) {
    return NAMES.get(random.nextInt(NAMES.size()));
  }
}
