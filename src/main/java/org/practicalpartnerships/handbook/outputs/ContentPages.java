package org.practicalpartnerships.handbook.outputs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.practicalpartnerships.handbook.links.LinkSet;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageRef;

/**
 * What an output made from a data file in the content folder.
 *
 * @param pages its pages, post-processed
 * @param links the links written in the data file, to check with the pages'
 * @param outcomes for pages that are a decision's outcome, by site path, the outcome's id (for
 *     {@code <main data-outcome>})
 * @param pointers for handbook pages, by site path, the made pages that recommend them (the
 *     "Reached from the decision tree" box)
 * @param broken the addresses the output would have made but could not, because its data file has
 *     errors (which it reported): links to them are not reported as missing as well. A site path
 *     ({@code glossary.html}), a folder ending in {@code /} for every address under it ({@code
 *     decide/}), or a path with a fragment for one anchor ({@code glossary.html#trust})
 */
public record ContentPages(List<Page> pages, List<LinkSet> links, Map<String, String> outcomes, Map<String, List<PageRef>> pointers, Set<String> broken) {
  public static final ContentPages NONE = new ContentPages(List.of(), List.of(), Map.of(), Map.of());

  /** What an output made when nothing of it is broken. */
  public ContentPages(List<Page> pages, List<LinkSet> links, Map<String, String> outcomes, Map<String, List<PageRef>> pointers) {
    this(pages, links, outcomes, pointers, Set.of());
  }

  /**
   * What an output made of a data file with errors: nothing but the file's links to check, and
   * the addresses it would have made.
   */
  public static ContentPages failed(List<LinkSet> links, Set<String> broken) {
    return new ContentPages(List.of(), links, Map.of(), Map.of(), broken);
  }

  public ContentPages {
    broken = Set.copyOf(broken);
    pages = List.copyOf(pages);
    links = List.copyOf(links);
    outcomes = Map.copyOf(outcomes);
    Map<String, List<PageRef>> copy = new TreeMap<>();
    pointers.forEach((path, refs) -> copy.put(path, List.copyOf(refs)));
    pointers = java.util.Collections.unmodifiableMap(copy);
  }
}
