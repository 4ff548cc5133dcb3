package org.practicalpartnerships.handbook.outputs;

import java.util.List;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SiteConfig;

/**
 * {@code 404.html}, the "page not found" page for a web server, which serves it in place of any
 * missing page, at that page's address ({@code /handbook/behaviours/old-page.html}): where to go
 * instead.
 *
 * <p>Served at any depth, the page cannot link relative to itself as the other pages do: every URL
 * on it (its body, and the layout's stylesheets and links, see {@code PageModel}) starts from the
 * site's root, {@link SiteView#servedRoot}, the path of base_url such as {@code /handbook/}. Not a
 * {@code <base href>}: that would also send the page's own {@code #fragment} links (the skip
 * link) to the home page, and with base_url's host a page served from another host (www or not,
 * a staging copy) would load its stylesheet from elsewhere, which the pages' Content Security
 * Policy ({@code style-src 'self'}) blocks. Without base_url the page works in the top folder
 * only, and the build says so once.
 */
public final class NotFoundOutput implements Output {
  public static final String PATH = "404.html";

  /**
   * A warning at site.yml (or the content folder) when base_url is not set; not in the preview,
   * where the page works at any depth and the warning would repeat at every save, nor when
   * site.yml has errors: those say what to fix, and base_url may be there, misspelt or unread.
   */
  @Override
  public ContentPages contentPages(ContentView view) {
    if (view.settings().baseUrl().isEmpty() && !view.preview()) {
      boolean hasSettings = view.sources().dataFile(SiteConfig.FILE).isPresent();
      String where = hasSettings ? view.sources().dataFile(SiteConfig.FILE).get().text().displayPath() : view.contentDisplay();
      if (hasSettings && view.diagnostics().hasErrorsIn(where)) {
        return ContentPages.NONE;
      }
      view.diagnostics().add(Diagnostic.ofFile(where, Severity.WARNING, (hasSettings ? "no base_url is set" : "there is no site.yml with base_url")
          + ", so 404.html keeps its styles and links only for missing pages in the handbook's top folder; "
          + (hasSettings ? "set" : "add site.yml with") + " base_url, the address the handbook is published at (such as 'base_url: https://example.org/handbook/'), and it works at any depth"));
    }
    return ContentPages.NONE;
  }

  @Override
  public List<Page> sitePages(SiteView view) {
    List<Page> order = view.navigation().readingOrder();
    String homeTitle = order.isEmpty() ? view.settings().title() : order.get(0).title();
    Element root = new Element("div");
    root.appendElement("p").text("There is no page at this address. It may have moved, or the link may be mistyped.");
    Element list = root.appendElement("ul");
    list.appendElement("li").appendElement("a").attr("href", view.served("index.html")).text("Go to the start: " + homeTitle);
    list.appendElement("li").appendElement("a").attr("href", view.served(AtoZOutput.PATH)).text("Look it up in the A to Z index");
    return List.of(AtoZOutput.page(PATH, "Page not found", "", root.html()));
  }
}
