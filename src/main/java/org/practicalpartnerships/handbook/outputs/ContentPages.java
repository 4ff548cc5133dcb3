package org.practicalpartnerships.handbook.outputs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.practicalpartnerships.handbook.links.LinkSet;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageRef;
import org.practicalpartnerships.handbook.model.StepNav;

/**
 * What an output made from a data file in the content folder.
 *
 * @param pages its pages, post-processed
 * @param links the links written in the data file, to check with the pages'
 * @param outcomes for pages that are a decision's outcome, by site path, the outcome's id (for
 *     {@code <main data-outcome>})
 * @param pointers for handbook pages, by site path, the made pages that recommend them (the
 *     "Reached from the decision tree" box)
 * @param steps for pages of a step-by-step tool (the tree's questions and outcomes), by site
 *     path, their Back link and caption
 * @param printBodies for listed pages whose printed form is not the page (the tree's start page
 *     prints the whole tree), by site path, the body to print in the printed handbook,
 *     post-processed, with links relative to the page
 * @param broken the addresses the output would have made but could not, because its data file has
 *     errors (which it reported): links to them are not reported as missing as well. A site path
 *     ({@code glossary.html}), a folder ending in {@code /} for every address under it ({@code
 *     decide/}), or a path with a fragment for one anchor ({@code glossary.html#trust})
 */
public record ContentPages(List<Page> pages, List<LinkSet> links, Map<String, String> outcomes, Map<String, List<PageRef>> pointers, Map<String, StepNav> steps,
    Map<String, String> printBodies, Set<String> broken) {
  public static final ContentPages NONE = new ContentPages(List.of(), List.of(), Map.of(), Map.of());

  /** What an output made when nothing of it is broken and none of it is a step-by-step tool. */
  public ContentPages(List<Page> pages, List<LinkSet> links, Map<String, String> outcomes, Map<String, List<PageRef>> pointers) {
    this(pages, links, outcomes, pointers, Map.of(), Map.of(), Set.of());
  }

  /** What an output made when nothing of it is broken. */
  public ContentPages(List<Page> pages, List<LinkSet> links, Map<String, String> outcomes, Map<String, List<PageRef>> pointers, Map<String, StepNav> steps,
      Map<String, String> printBodies) {
    this(pages, links, outcomes, pointers, steps, printBodies, Set.of());
  }

  /**
   * What an output made of a data file with errors: nothing but the file's links to check, and
   * the addresses it would have made.
   */
  public static ContentPages failed(List<LinkSet> links, Set<String> broken) {
    return new ContentPages(List.of(), links, Map.of(), Map.of(), Map.of(), Map.of(), broken);
  }

  public ContentPages {
    broken = Set.copyOf(broken);
    pages = List.copyOf(pages);
    links = List.copyOf(links);
    outcomes = Map.copyOf(outcomes);
    steps = Map.copyOf(steps);
    printBodies = Map.copyOf(printBodies);
    Map<String, List<PageRef>> copy = new TreeMap<>();
    pointers.forEach((path, refs) -> copy.put(path, List.copyOf(refs)));
    pointers = java.util.Collections.unmodifiableMap(copy);
  }
}
