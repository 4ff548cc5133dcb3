package org.practicalpartnerships.handbook.model;

import java.util.List;
import java.util.OptionalInt;

/**
 * The keys a page may set in its front matter. See the README for the reference.
 *
 * @param title the page title, shown as its heading and in navigation (required)
 * @param description one sentence for search engines, link previews and page lists ("" if none)
 * @param order position among the page's siblings in navigation; pages without one follow, by title
 * @param layout the template that renders the page, a name under templates/ without ".ftlh"
 * @param tags labels that group pages across sections
 * @param draft when true the page is left out of the build (unless drafts are asked for)
 * @param glossary when false, glossary terms in the page are not linked to the glossary
 */
public record FrontMatter(
    String title, String description, OptionalInt order, String layout, List<String> tags, boolean draft, boolean glossary) {

  public static final String DEFAULT_LAYOUT = "page";

  /** Every key, in the order the README documents them. */
  public static final List<String> KEYS = List.of("title", "description", "order", "layout", "tags", "draft", "glossary");

  public FrontMatter {
    tags = List.copyOf(tags);
  }

  /** Front matter with glossary linking on, as for most pages. */
  public FrontMatter(String title, String description, OptionalInt order, String layout, List<String> tags, boolean draft) {
    this(title, description, order, layout, tags, draft, true);
  }
}
