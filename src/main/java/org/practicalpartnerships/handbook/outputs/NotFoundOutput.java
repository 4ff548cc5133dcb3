package org.practicalpartnerships.handbook.outputs;

import java.util.List;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.model.Page;

/** {@code 404.html}, the "page not found" page for a web server: where to go instead. */
public final class NotFoundOutput implements Output {
  public static final String PATH = "404.html";

  @Override
  public List<Page> sitePages(SiteView view) {
    List<Page> order = view.navigation().readingOrder();
    String homeTitle = order.isEmpty() ? view.settings().title() : order.get(0).title();
    Element root = new Element("div");
    root.appendElement("p").text("There is no page at this address. It may have moved, or the link may be mistyped.");
    Element list = root.appendElement("ul");
    list.appendElement("li").appendElement("a").attr("href", "index.html").text("Go to the start: " + homeTitle);
    list.appendElement("li").appendElement("a").attr("href", AtoZOutput.PATH).text("Look it up in the A to Z index");
    return List.of(AtoZOutput.page(PATH, "Page not found", "", root.html()));
  }
}
