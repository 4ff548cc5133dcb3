package org.practicalpartnerships.handbook.navigation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SitePaths;

/**
 * The handbook's structure, built once per build from its pages: folders are sections, a folder's
 * {@code index} page is the section's page, and siblings sort by {@code order}, then title.
 *
 * <p>Everything a page's navigation needs (sidebar, breadcrumbs, previous and next) is answered
 * from maps built here, so producing navigation for all pages is linear in their number.
 */
public final class SiteNavigation {
  private static final Comparator<Node> SIBLINGS =
      Comparator.<Node>comparingInt(n -> n.order().isPresent() ? 0 : 1)
          .thenComparingInt(n -> n.order().orElse(0))
          .thenComparing(n -> n.title().toLowerCase(Locale.ROOT))
          .thenComparing(Node::key);

  /** A folder (section) or a single page in the tree. */
  private static final class Node {
    final String key;
    final Page page;
    final String folderName;
    final Node parent;
    final Map<String, Node> folders = new TreeMap<>();
    final List<Node> children = new ArrayList<>();

    Node(String key, Page page, String folderName, Node parent) {
      this.key = key;
      this.page = page;
      this.folderName = folderName;
      this.parent = parent;
    }

    String key() {
      return key;
    }

    boolean isSection() {
      return folderName != null;
    }

    String title() {
      if (page != null) {
        return page.title();
      }
      String name = folderName.replace('-', ' ').replace('_', ' ');
      return name.isEmpty() ? "" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    Optional<Integer> order() {
      if (page == null || page.frontMatter().order().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(page.frontMatter().order().getAsInt());
    }

    String path() {
      return page == null ? null : page.outputPath();
    }
  }

  private final Node root;
  private final Map<String, Node> nodeOfPage = new HashMap<>();
  private final List<Page> readingOrder = new ArrayList<>();
  private final Map<String, Integer> positions = new HashMap<>();

  private SiteNavigation(Node root) {
    this.root = root;
  }

  /**
   * @param pages the pages shown in navigation (listed pages), in any order
   */
  public static SiteNavigation of(List<Page> pages) {
    Node root = new Node("", null, "", null);
    SiteNavigation nav = new SiteNavigation(root);
    List<Page> sorted = new ArrayList<>(pages);
    sorted.sort(Comparator.comparing(Page::outputPath));
    Map<String, Page> indexPages = new HashMap<>();
    for (Page page : sorted) {
      if (page.outputPath().endsWith("index.html") && (page.outputPath().equals("index.html") || page.outputPath().endsWith("/index.html"))) {
        indexPages.put(SitePaths.folder(page.outputPath()), page);
      }
    }
    Page home = indexPages.get("");
    Node homeNode = root;
    if (home != null) {
      homeNode = new Node("index.html", home, "", root);
      nav.nodeOfPage.put(home.outputPath(), homeNode);
    }
    for (Page page : sorted) {
      if (page == home) {
        continue;
      }
      String folder = SitePaths.folder(page.outputPath());
      boolean isIndex = indexPages.get(folder) == page && !folder.isEmpty();
      Node parent = nav.folderNode(isIndex ? SitePaths.folder(folder.substring(0, folder.length() - 1)) : folder, indexPages);
      if (isIndex) {
        Node section = nav.folderNode(folder, indexPages);
        nav.nodeOfPage.put(page.outputPath(), section);
      } else {
        Node leaf = new Node(page.outputPath(), page, null, parent);
        parent.children.add(leaf);
        nav.nodeOfPage.put(page.outputPath(), leaf);
      }
    }
    nav.sortAll(root);
    if (home != null) {
      nav.readingOrder.add(home);
    }
    nav.collectReadingOrder(root);
    for (int i = 0; i < nav.readingOrder.size(); i++) {
      nav.positions.put(nav.readingOrder.get(i).outputPath(), i);
    }
    return nav;
  }

  private Node folderNode(String folder, Map<String, Page> indexPages) {
    if (folder.isEmpty()) {
      return root;
    }
    String parentFolder = SitePaths.folder(folder.substring(0, folder.length() - 1));
    Node parent = folderNode(parentFolder, indexPages);
    String name = folder.substring(parentFolder.length(), folder.length() - 1);
    return parent.folders.computeIfAbsent(name, n -> {
      Node section = new Node(folder, indexPages.get(folder), n, parent);
      parent.children.add(section);
      return section;
    });
  }

  private void sortAll(Node node) {
    node.children.sort(SIBLINGS);
    for (Node child : node.children) {
      sortAll(child);
    }
  }

  private void collectReadingOrder(Node node) {
    for (Node child : node.children) {
      if (child.page != null) {
        readingOrder.add(child.page);
      }
      collectReadingOrder(child);
    }
  }

  /** Every listed page, home first, each section's page before its children. */
  public List<Page> readingOrder() {
    return Collections.unmodifiableList(readingOrder);
  }

  /** Whether the page at this site path is listed: in the reading order. */
  public boolean listed(String path) {
    return positions.containsKey(path);
  }

  public Optional<Page> previous(String path) {
    Integer i = positions.get(path);
    return i == null || i == 0 ? Optional.empty() : Optional.of(readingOrder.get(i - 1));
  }

  public Optional<Page> next(String path) {
    Integer i = positions.get(path);
    return i == null || i == readingOrder.size() - 1 ? Optional.empty() : Optional.of(readingOrder.get(i + 1));
  }

  /** Home, then each section above the page, then the page itself (with {@code title}). */
  public List<Crumb> breadcrumbs(String path, String title) {
    List<Crumb> crumbs = new ArrayList<>();
    Node node = nodeOfPage.get(path);
    Node section = node != null ? node.parent : sectionOf(path);
    for (Node s = section; s != null && s != root; s = s.parent) {
      crumbs.add(new Crumb(s.title(), s.path()));
    }
    Node home = nodeOfPage.get("index.html");
    if (home != null && !path.equals("index.html")) {
      crumbs.add(new Crumb("Home", home.path()));
    }
    Collections.reverse(crumbs);
    crumbs.add(new Crumb(title, path));
    return crumbs;
  }

  /** The deepest known section holding an unlisted page's folder. */
  private Node sectionOf(String path) {
    Node node = root;
    String folder = SitePaths.folder(path);
    int start = 0;
    while (start < folder.length()) {
      int slash = folder.indexOf('/', start);
      Node next = node.folders.get(folder.substring(start, slash));
      if (next == null) {
        break;
      }
      node = next;
      start = slash + 1;
    }
    return node;
  }

  /**
   * Whether the navigation of the page at {@code path} names the page at {@code other}: in its
   * sidebar, its breadcrumbs, or as the page before or after it. A page's title or order shows
   * only on the pages whose navigation names it.
   */
  public boolean mentions(String path, String other) {
    Node shown = nodeOfPage.get(other);
    if (path.equals(other) || shown == null) {
      return path.equals(other);
    }
    if (other.equals("index.html")) {
      return true; // every sidebar starts at the home page
    }
    Integer at = positions.get(path);
    Integer otherAt = positions.get(other);
    if (at != null && otherAt != null && Math.abs(at - otherAt) == 1) {
      return true;
    }
    // A sidebar lists the top level and the children of each section above the page (so do its
    // breadcrumbs, of the sections alone).
    for (Node n = nodeOfPage.containsKey(path) ? nodeOfPage.get(path) : sectionOf(path); n != null; n = n.parent) {
      if (n == shown.parent) {
        return true;
      }
    }
    return false;
  }

  /**
   * The sidebar for the page at {@code path}: every top-level entry, with only the sections that
   * lead to the page open.
   */
  public List<NavItem> sidebar(String path) {
    Node here = nodeOfPage.containsKey(path) ? nodeOfPage.get(path) : sectionOf(path);
    List<Node> chain = new ArrayList<>();
    for (Node n = here; n != null; n = n.parent) {
      chain.add(n);
    }
    List<NavItem> items = new ArrayList<>();
    Node home = nodeOfPage.get("index.html");
    if (home != null) {
      items.add(new NavItem(home.title(), home.path(), path.equals(home.path()), false, false, List.of()));
    }
    items.addAll(items(root, chain, path));
    return items;
  }

  private List<NavItem> items(Node parent, List<Node> chain, String current) {
    List<NavItem> items = new ArrayList<>();
    for (Node child : parent.children) {
      boolean open = child.isSection() && chain.contains(child);
      List<NavItem> children = open ? items(child, chain, current) : List.of();
      items.add(new NavItem(child.title(), child.path(), current.equals(child.path()), open, child.isSection(), children));
    }
    return items;
  }
}
