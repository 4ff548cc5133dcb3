package org.practicalpartnerships.handbook.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> KEYS = List.of("title", "description", "order", "layout", "tags", "draft");

  @Test
  void picksTheClosestWord() {
    assertEquals(Optional.of("title"), Suggestions.closest("titel", KEYS));
    assertEquals(Optional.of("description"), Suggestions.closest("descripton", KEYS));
    assertEquals(Optional.of("layout"), Suggestions.closest("Layout", KEYS));
    assertEquals(Optional.of("page"), Suggestions.closest("pgae", List.of("page", "home")));
  }

  @Test
  void refusesWordsThatAreFarAway() {
    assertEquals(Optional.empty(), Suggestions.closest("author", KEYS));
    assertEquals(Optional.empty(), Suggestions.closest("x", List.of("abc")));
    assertEquals(Optional.empty(), Suggestions.closest("anything", List.of()));
  }

  @Test
  void longerWordsAllowMoreEdits() {
    assertEquals(Optional.of("co-operation.md"), Suggestions.closest("co-operaton.md", List.of("co-operation.md", "index.md")));
    assertEquals(Optional.empty(), Suggestions.closest("tgs", List.of("tags-and-more")));
  }

  @Test
  void didYouMeanIsAMessageSuffixOrNothing() {
    assertEquals("; did you mean 'title'?", Suggestions.didYouMean("titel", KEYS));
    assertEquals("", Suggestions.didYouMean("author", KEYS));
  }

  @Test
  void transpositionCostsOneEdit() {
    assertEquals(1, Suggestions.distance("tilte", "title"));
    assertEquals(3, Suggestions.distance("kitten", "sitting"));
  }

  @Test
  void aShortenedOrSingularFormSuggestsTheOneWordItStarts() {
    assertEquals(Optional.of("aliases"), Suggestions.closest("alias", List.of("term", "aliases", "definition", "see")));
    assertEquals(Optional.of("description"), Suggestions.closest("desc", KEYS));
    assertEquals(Optional.of("first_steps"), Suggestions.closest("first", List.of("outcome", "summary", "first_steps", "avoid", "links")));
    assertEquals(Optional.empty(), Suggestions.closest("sum", List.of("summary")), "three letters are too few to go on");
    assertEquals(Optional.empty(), Suggestions.closest("part", List.of("partner", "partnership")), "two words start so: no guess");
  }
}
