package org.practicalpartnerships.handbook.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Page;

class SiteNavigationTest {
  static Page page(String path, String title, Integer order) {
    FrontMatter fm = new FrontMatter(title, "", order == null ? OptionalInt.empty() : OptionalInt.of(order), "page", List.of(), false);
    return Page.written(path.replace(".html", ".md"), path, null, fm, "", List.of(), Set.of(), List.of());
  }

  final SiteNavigation nav = SiteNavigation.of(List.of(
      page("b/two.html", "Two", 2),
      page("index.html", "Home", 0),
      page("b/index.html", "Section B", 20),
      page("a/index.html", "Section A", 10),
      page("a/zeta.html", "Zeta", null),
      page("a/alpha.html", "Alpha", null),
      page("a/first.html", "First", 1),
      page("b/one.html", "One", 1),
      page("about.html", "About", 90),
      page("loose/note.html", "Note", null)));

  static List<String> titles(List<Page> pages) {
    return pages.stream().map(Page::title).toList();
  }

  @Test
  void readingOrderFollowsFoldersThenOrderThenTitle() {
    assertEquals(List.of("Home", "Section A", "First", "Alpha", "Zeta", "Section B", "One", "Two", "About", "Note"), titles(nav.readingOrder()));
  }

  @Test
  void previousAndNextFollowTheReadingOrder() {
    assertEquals("Zeta", nav.previous("b/index.html").orElseThrow().title());
    assertEquals("One", nav.next("b/index.html").orElseThrow().title());
    assertTrue(nav.previous("index.html").isEmpty());
    assertTrue(nav.next("loose/note.html").isEmpty());
    assertTrue(nav.next("tags/x.html").isEmpty(), "unlisted pages have no previous or next");
  }

  @Test
  void breadcrumbsLeadFromHomeThroughSectionsToThePage() {
    assertEquals(List.of(new Crumb("Home", "index.html"), new Crumb("Section A", "a/index.html"), new Crumb("Alpha", "a/alpha.html")), nav.breadcrumbs("a/alpha.html", "Alpha"));
    assertEquals(List.of(new Crumb("Home", "index.html"), new Crumb("Section B", "b/index.html")), nav.breadcrumbs("b/index.html", "Section B"));
    assertEquals(List.of(new Crumb("Home", "index.html"), new Crumb("Loose", null), new Crumb("Note", "loose/note.html")), nav.breadcrumbs("loose/note.html", "Note"));
    assertEquals(List.of(new Crumb("Home", "index.html")), nav.breadcrumbs("index.html", "Home"));
    assertEquals(List.of(new Crumb("Home", "index.html"), new Crumb("Pages tagged x", "tags/x.html")), nav.breadcrumbs("tags/x.html", "Pages tagged x"));
  }

  @Test
  void sidebarOpensOnlyTheCurrentSectionAndMarksTheCurrentPage() {
    List<NavItem> items = nav.sidebar("a/alpha.html");
    assertEquals(List.of("Home", "Section A", "Section B", "About", "Loose"), items.stream().map(NavItem::title).toList());
    NavItem a = items.get(1);
    NavItem b = items.get(2);
    assertTrue(a.open());
    assertEquals(List.of("First", "Alpha", "Zeta"), a.children().stream().map(NavItem::title).toList());
    assertTrue(a.children().get(1).current());
    assertFalse(a.children().get(0).current());
    assertFalse(b.open());
    assertTrue(b.children().isEmpty(), "closed sections do not list their pages, so each page's navigation stays small");
  }

  @Test
  void unlistedPagesOpenTheSectionOfTheirFolder() {
    List<NavItem> items = nav.sidebar("b/generated.html");
    assertTrue(items.get(2).open());
    assertTrue(items.stream().noneMatch(NavItem::current));
  }
}
