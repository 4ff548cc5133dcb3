package org.practicalpartnerships.handbook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void titleAndWayBackToTheRoot() {
    FrontMatter fm = new FrontMatter("Steps", "", OptionalInt.empty(), "page", List.of(), false);
    Page page = Page.written("guide/steps.md", "guide/steps.html", null, fm, "<p>x</p>", List.of(), Set.of(), List.of());
    assertEquals("Steps", page.title());
    assertEquals("../", page.rootPrefix());
  }

  @Test
  void listsAreCopiedSoThePageCannotChangeLater() {
    FrontMatter fm = new FrontMatter("T", "", OptionalInt.empty(), "page", List.of(), false);
    List<Heading> headings = new ArrayList<>(List.of(new Heading(2, "a", "A")));
    Page page = Page.written("a.md", "a.html", null, fm, "", headings, Set.of("a"), List.of());
    headings.add(new Heading(2, "b", "B"));
    assertEquals(1, page.headings().size());
    assertThrows(UnsupportedOperationException.class, () -> page.headings().add(new Heading(2, "c", "C")));
  }
}
