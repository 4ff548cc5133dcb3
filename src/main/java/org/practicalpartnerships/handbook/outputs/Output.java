package org.practicalpartnerships.handbook.outputs;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.model.Page;

/**
 * Everything the build makes beyond the pages editors write: the glossary, the decision tree, the
 * A to Z, tags, search, print and "not found" pages, the search index and the sitemap. Each is one
 * class that implements what it needs of this interface, and {@link Outputs#ALL} lists them; adding
 * an output means adding a class and a line there, nothing in the pipeline.
 *
 * <p>The pipeline asks every output at three moments, each with what is known by then:
 *
 * <ol>
 *   <li>{@link #contentPages}: pages made from a data file in the content folder, before the
 *       site is assembled, so they take part in navigation, link checks, search and print;
 *   <li>{@link #sitePages}: pages made from the assembled site (navigation, every page's parts);
 *   <li>{@link #files}: other files, made last from every page.
 * </ol>
 *
 * Each method is a plain function of its view; none writes anything itself.
 */
public interface Output {
  /** Data files in the content folder (such as {@code glossary.yml}) that this output reads instead of publishing. */
  default List<String> dataFiles() {
    return List.of();
  }

  /** Files in the templates folder, besides templates and assets, that this output reads (such as {@code pdf.css}). */
  default List<String> templateFiles() {
    return List.of();
  }

  /**
   * Pages this output makes that every page's template may link to, by the name templates use
   * ({@code links.glossary}), mapped to their site path. A template sees "" for a page that a
   * build did not make.
   */
  default Map<String, String> templateLinks() {
    return Map.of();
  }

  /**
   * Scripts that pages this output makes load beyond the layout's own, as paths from the site
   * root, by the page's site path.
   */
  default Map<String, List<String>> scripts() {
    return Map.of();
  }

  /**
   * Stylesheets that pages this output makes load beyond the layout's own, as paths from the
   * site root, by the page's site path.
   */
  default Map<String, List<String>> styles() {
    return Map.of();
  }

  /** Pages made from a data file in the content folder, with the links in that file to check. */
  default ContentPages contentPages(ContentView view) {
    return ContentPages.NONE;
  }

  /**
   * Trims the parsed body of a page this output made before it is indexed for search, so that
   * what a reader would not search for (form labels repeated on every statement, say) does not
   * crowd out better matches. The default keeps everything.
   */
  default void trimForSearch(Page page, Element body) {}

  /** Pages made from the assembled site. */
  default List<Page> sitePages(SiteView view) {
    return List.of();
  }

  /**
   * True for an output whose files take long to make (the PDFs): {@code serve} makes them in the
   * background, after the pages, so an edit still shows at once.
   */
  default boolean slow() {
    return false;
  }

  /**
   * The site paths of the files {@link #files} will make, known without making them, for pages
   * that link to them while a slow output is still at work.
   */
  default List<String> plannedFiles(SiteView view, List<Page> pages) {
    return List.of();
  }

  /**
   * Files other than pages, made from every page the build publishes.
   *
   * @param pages every page, written and made
   * @param diagnostics for warnings about what is made (a search index over its budget)
   */
  default List<OutputFile> files(SiteView view, List<Page> pages, Diagnostics diagnostics) {
    return List.of();
  }
}
