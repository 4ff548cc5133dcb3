package org.practicalpartnerships.handbook.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jsoup.nodes.Element;

/**
 * One chapter of a PDF, in reading order: usually one page of the handbook.
 *
 * <p>{@code html} is the chapter's whole markup, its own heading first, as the print page has it:
 * {@code <section id="p-behaviours-co-operation"><h2>Co-operation</h2>...</section>}. Links to
 * {@code #id} are links within the PDF; other relative links and image sources are relative to the
 * request's {@link PdfBody#documentPath()}. When no element carries {@code id}, the chapter is
 * wrapped in a {@code <section>} that does; when it has no heading, one is added.
 *
 * @param id the anchor of the chapter's start, the target of its bookmark and contents entry
 * @param title the chapter's title, for the contents, the bookmark and the running header
 * @param depth 1 for a top-level chapter, 2 for one nested under the chapter before it, and so on,
 *     as in the navigation; bookmarks and the contents nest by it
 * @param html the chapter's HTML
 */
public record PdfChapter(String id, String title, int depth, String html) {

  public PdfChapter {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(html, "html");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a chapter needs an id");
    }
    if (depth < 1) {
      throw new IllegalArgumentException("depth starts at 1: " + depth);
    }
  }

  /**
   * The chapters of the print page ({@code print.html}): every {@code section.print-page} under
   * {@code root}, in order, titled by its first heading.
   *
   * @param depths the navigation depth of each section's id; ids not in it are top-level
   */
  public static List<PdfChapter> fromPrintPage(Element root, Map<String, Integer> depths) {
    List<PdfChapter> chapters = new ArrayList<>();
    for (Element section : root.select("section.print-page[id]")) {
      Element heading = section.selectFirst("h1, h2, h3, h4, h5, h6");
      String title = heading == null ? section.id() : heading.text();
      chapters.add(new PdfChapter(section.id(), title, depths.getOrDefault(section.id(), 1), section.outerHtml()));
    }
    return List.copyOf(chapters);
  }
}
