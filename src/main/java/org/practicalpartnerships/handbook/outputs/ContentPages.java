package org.practicalpartnerships.handbook.outputs;

import java.util.List;
import java.util.Map;
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
 */
public record ContentPages(List<Page> pages, List<LinkSet> links, Map<String, String> outcomes, Map<String, List<PageRef>> pointers, Map<String, StepNav> steps,
    Map<String, String> printBodies) {
  public static final ContentPages NONE = new ContentPages(List.of(), List.of(), Map.of(), Map.of());

  public ContentPages(List<Page> pages, List<LinkSet> links, Map<String, String> outcomes, Map<String, List<PageRef>> pointers) {
    this(pages, links, outcomes, pointers, Map.of(), Map.of());
  }

  public ContentPages {
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
