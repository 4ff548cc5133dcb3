package org.practicalpartnerships.handbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link Overlay} against the copy it replaces ({@code new HashMap<>(map)} then {@code put}), over
 * random chains of updates: the same entries by every way of reading a map, whether the result is
 * an overlay or a copy, and the map underneath never changed.
 */
class OverlayTest {
  @Test
  void readsAsTheCopyWithThePutsDoesThroughAnyChainOfUpdates() {
    Random random = new Random(20261204);
    for (int round = 0; round < 200; round++) {
      int size = random.nextInt(300);
      Map<String, Integer> base = new HashMap<>();
      for (int i = 0; i < size; i++) {
        base.put("page-" + i, i);
      }
      Map<String, Integer> frozen = Map.copyOf(base);
      Map<String, Integer> expected = new HashMap<>(base);
      Map<String, Integer> overlaid = base;
      for (int update = 0; update < 30; update++) {
        Map<String, Integer> puts = new HashMap<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          // Mostly pages that exist; now and then a new one, which makes a copy.
          String key = random.nextInt(20) == 0 || size == 0 ? "new-" + random.nextInt(50) : "page-" + random.nextInt(size);
          puts.put(key, random.nextInt());
        }
        expected.putAll(puts);
        overlaid = Overlay.of(overlaid, puts);
        assertSame(expected, overlaid);
      }
      assertEquals(frozen, base, "the map underneath is never changed");
    }
  }

  private static void assertSame(Map<String, Integer> expected, Map<String, Integer> actual) {
    assertEquals(expected.size(), actual.size());
    assertEquals(expected, actual);
    assertEquals(actual, expected);
    assertEquals(expected.hashCode(), actual.hashCode());
    assertEquals(new TreeMap<>(expected), new TreeMap<>(actual), "iteration gives every entry once, with its new value");
    assertEquals(expected.keySet(), actual.keySet());
    for (String key : expected.keySet()) {
      assertEquals(expected.get(key), actual.get(key), key);
      assertTrue(actual.containsKey(key), key);
    }
    for (String missing : List.of("page--1", "new-x", "")) {
      assertNull(actual.get(missing));
      assertFalse(actual.containsKey(missing));
      assertEquals(7, actual.getOrDefault(missing, 7));
    }
  }

  @Test
  void aFewReplacementsAreAnOverlayAndManyOrANewKeyAPlainCopy() {
    Map<String, Integer> base = new HashMap<>();
    for (int i = 0; i < 80; i++) {
      base.put("p" + i, i);
    }
    Map<String, Integer> one = Overlay.of(base, Map.of("p1", -1));
    assertInstanceOf(Overlay.class, one);
    Map<String, Integer> two = Overlay.of(one, Map.of("p2", -2));
    assertInstanceOf(Overlay.class, two);
    assertEquals(-1, two.get("p1"));
    assertEquals(-1, one.get("p1"));
    assertEquals(2, one.get("p2"), "an earlier overlay is not changed by a later one");
    assertFalse(Overlay.of(two, Map.of("new", 0)) instanceof Overlay, "a new key makes a copy");
    Map<String, Integer> many = new HashMap<>();
    for (int i = 0; i < 11; i++) {
      many.put("p" + i, -i);
    }
    assertFalse(Overlay.of(base, many) instanceof Overlay, "more than an eighth of the map replaced makes a copy");
    assertThrows(UnsupportedOperationException.class, () -> one.put("p3", 3));
    assertThrows(UnsupportedOperationException.class, () -> one.remove("p3"));
    assertThrows(UnsupportedOperationException.class, () -> one.entrySet().iterator().next().setValue(5));
    assertThrows(NullPointerException.class, () -> Overlay.of(base, java.util.Collections.singletonMap("p4", null)));
  }
}
