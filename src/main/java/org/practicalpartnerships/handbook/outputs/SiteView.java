package org.practicalpartnerships.handbook.outputs;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SiteConfig;
import org.practicalpartnerships.handbook.model.Term;
import org.practicalpartnerships.handbook.navigation.SiteNavigation;

/**
 * The assembled site, as outputs see it once every written page and every page made from data is
 * known.
 *
 * @param settings site.yml
 * @param contentDisplay the content folder as diagnostics name it
 * @param pages the written pages and those made from data files
 * @param navigation the sidebar, breadcrumbs and reading order of the listed pages
 * @param terms the glossary's terms
 * @param hasGlossary true when the build made the glossary page
 * @param parts each listed page's search entry and print section, by site path
 * @param printAnchors each printed page's anchor on the print page ({@link PrintOutput#anchors})
 * @param copies the files copied as they are (images and other assets), by site path, from where
 *     they are read
 * @param templates the templates folder, for the files outputs read from it ({@link
 *     Output#templateFiles()})
 * @param display how diagnostics name a file
 * @param servedRoot how a page served at any address (the 404 page) reaches the site's root: the
 *     path of base_url ({@code /handbook/}), {@code /} in the preview, or "" when the build does
 *     not know it, and such a page links as if it stood in the top folder
 */
public record SiteView(
    SiteConfig settings,
    String contentDisplay,
    List<Page> pages,
    SiteNavigation navigation,
    List<Term> terms,
    boolean hasGlossary,
    Map<String, PageParts> parts,
    Map<String, String> printAnchors,
    Map<String, Path> copies,
    Path templates,
    Function<Path, String> display,
    String servedRoot) {

  /** Where {@code path} (from the site root) is, for a page served at any address. */
  public String served(String path) {
    return servedRoot + path;
  }

  /** The same site with other pages' parts, for an update that redid some pages. */
  public SiteView withParts(Map<String, PageParts> newParts) {
    return new SiteView(settings, contentDisplay, pages, navigation, terms, hasGlossary, newParts, printAnchors, copies, templates, display, servedRoot);
  }
}
