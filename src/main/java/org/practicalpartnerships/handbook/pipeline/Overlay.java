package org.practicalpartnerships.handbook.pipeline;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An unmodifiable map that is another map with some values replaced, made in time proportional to
 * the replacements. {@code serve}'s update of one page changes one entry in maps that hold every
 * page; at 10,000 pages, copying those maps cost more than redoing the page.
 *
 * <p>The map underneath must not change afterwards: overlays are made over a build's maps, which
 * never change once made. Overlays do not stack: an overlay of an overlay holds the replacements of
 * both over the same map. Once the replacements pass an eighth of the map, or a key is new, the
 * result is a plain copy, so lookups stay two at most and a long session does not pile them up.
 */
public final class Overlay<K, V> extends AbstractMap<K, V> {
  private final Map<K, V> base;
  private final Map<K, V> replaced;

  private Overlay(Map<K, V> base, Map<K, V> replaced) {
    this.base = base;
    this.replaced = replaced;
  }

  /**
   * {@code map} with {@code replacements} put into it, without changing either.
   *
   * @param map a map that never changes afterwards; no null keys or values
   * @param replacements no null keys or values
   */
  public static <K, V> Map<K, V> of(Map<K, V> map, Map<K, V> replacements) {
    Map<K, V> base = map instanceof Overlay<K, V> overlay ? overlay.base : map;
    Map<K, V> all = map instanceof Overlay<K, V> overlay ? new HashMap<>(overlay.replaced) : new HashMap<>();
    boolean onlyReplaced = true;
    for (Map.Entry<K, V> entry : replacements.entrySet()) {
      all.put(Objects.requireNonNull(entry.getKey()), Objects.requireNonNull(entry.getValue()));
      onlyReplaced &= base.containsKey(entry.getKey());
    }
    if (!onlyReplaced || all.size() > base.size() / 8) {
      Map<K, V> copy = new HashMap<>(base);
      copy.putAll(all);
      return Map.copyOf(copy);
    }
    return new Overlay<>(base, all);
  }

  @Override
  public V get(Object key) {
    V value = replaced.get(key);
    return value != null ? value : base.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return base.containsKey(key);
  }

  @Override
  public int size() {
    return base.size();
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<K, V>> iterator() {
        Iterator<Map.Entry<K, V>> entries = base.entrySet().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return entries.hasNext();
          }

          @Override
          public Map.Entry<K, V> next() {
            Map.Entry<K, V> entry = entries.next();
            V value = replaced.get(entry.getKey());
            return new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), value != null ? value : entry.getValue());
          }
        };
      }

      @Override
      public int size() {
        return base.size();
      }
    };
  }
}
