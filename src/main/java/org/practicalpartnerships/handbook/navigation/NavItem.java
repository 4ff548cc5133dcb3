package org.practicalpartnerships.handbook.navigation;

import java.util.List;

/**
 * One entry of a page's sidebar.
 *
 * @param title what the entry says
 * @param path the site path it links to, or null for a folder without an index page
 * @param current true for the page being shown
 * @param open true for the section that holds the page being shown (its children are listed)
 * @param section true for a section (a folder), false for a single page
 * @param children the section's entries; empty unless {@code open}, so each page's sidebar stays
 *     small however large the handbook grows
 */
public record NavItem(String title, String path, boolean current, boolean open, boolean section, List<NavItem> children) {
  public NavItem {
    children = List.copyOf(children);
  }
}
