package org.practicalpartnerships.handbook.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.practicalpartnerships.handbook.diagnostics.Position;

/**
 * The keys a page may set in its front matter, and where each was written. See the README for the
 * reference.
 *
 * @param title the page title, shown as its heading and in navigation (required)
 * @param description one sentence for search engines, link previews and page lists ("" if none)
 * @param order position among the page's siblings in navigation; pages without one follow, by title
 * @param layout the template that renders the page, a name under templates/ without ".ftlh"
 * @param tags labels that group pages across sections
 * @param draft when true the page is left out of the build (unless drafts are asked for)
 * @param glossary when false, glossary terms in the page are not linked to the glossary
 * @param upkeep when the page was last updated, who owns it and when it is due for review
 * @param pdf when true, the build also makes the page as a PDF of its own, beside it
 * @param positions where each key given in the file was written, by key, and where each item of a
 *     list was written, by {@link #itemKey}; empty for pages the build makes and for pages without
 *     front matter. Later checks point at these instead of searching the text again.
 */
public record FrontMatter(
    String title, String description, OptionalInt order, String layout, List<String> tags, boolean draft, boolean glossary,
    Upkeep upkeep, boolean pdf, Map<String, KeyPosition> positions) {

  public static final String DEFAULT_LAYOUT = "page";

  /** Every key, in the order the README documents them. */
  public static final List<String> KEYS = List.of("title", "description", "order", "layout", "tags", "draft", "glossary", "updated", "owner", "review_by", "pdf");

  /** Where a key and its value were written. */
  public record KeyPosition(Position key, Position value) {}

  /**
   * Who looks after a page, from its front matter (never from the clock or version control, so a
   * build gives the same bytes whenever it runs).
   *
   * @param updated {@code updated:}, the day the page last changed in substance
   * @param owner {@code owner:}, the person or team who answers for it ("" if none)
   * @param reviewBy {@code review_by:}, the day by which someone should check it is still right
   */
  public record Upkeep(Optional<LocalDate> updated, String owner, Optional<LocalDate> reviewBy) {
    public static final Upkeep NONE = new Upkeep(Optional.empty(), "", Optional.empty());
  }

  public FrontMatter {
    tags = List.copyOf(tags);
    positions = Map.copyOf(positions);
  }

  /** Front matter of a page the build makes, or of a page without front matter: no positions. */
  public FrontMatter(String title, String description, OptionalInt order, String layout, List<String> tags, boolean draft, boolean glossary) {
    this(title, description, order, layout, tags, draft, glossary, Upkeep.NONE, false, Map.of());
  }

  /** Front matter with glossary linking on, as for most pages. */
  public FrontMatter(String title, String description, OptionalInt order, String layout, List<String> tags, boolean draft) {
    this(title, description, order, layout, tags, draft, true);
  }

  /** Where {@code key} was written, if it was. */
  public Optional<KeyPosition> position(String key) {
    return Optional.ofNullable(positions.get(key));
  }

  /** The key under which {@link #positions} holds where an item of a list was written: {@code tags[trust]}. */
  public static String itemKey(String key, String item) {
    return key + "[" + item + "]";
  }
}
