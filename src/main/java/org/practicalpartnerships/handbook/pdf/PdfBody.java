package org.practicalpartnerships.handbook.pdf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a PDF contains, in reading order.
 *
 * @param documentPath the site path the chapters' relative links and images are relative to, such
 *     as {@code print.html} or {@code templates/agreement.html}
 * @param chapters the chapters, in reading order; at least one
 * @param cover true to begin with a cover page: the title (as the one level-1 heading), the
 *     description, the edition date, the author and the licence. Chapters' headings then start at
 *     level 2; without a cover, a chapter's own heading is its level-1 heading
 * @param contentsHeading the heading of a contents list with page numbers after the cover, such as
 *     "Contents"; empty for none
 */
public record PdfBody(String documentPath, List<PdfChapter> chapters, boolean cover, Optional<String> contentsHeading) {

  public PdfBody {
    Objects.requireNonNull(documentPath, "documentPath");
    chapters = List.copyOf(chapters);
    if (chapters.isEmpty()) {
      throw new IllegalArgumentException("a PDF needs at least one chapter");
    }
    contentsHeading = contentsHeading == null ? Optional.empty() : contentsHeading.filter(s -> !s.isBlank());
  }

  /** A whole book: cover, contents and every chapter. */
  public static PdfBody book(String documentPath, List<PdfChapter> chapters, String contentsHeading) {
    return new PdfBody(documentPath, chapters, true, Optional.of(contentsHeading));
  }

  /** One page on its own: no cover, no contents, its heading at level 1. */
  public static PdfBody page(String documentPath, PdfChapter chapter) {
    return new PdfBody(documentPath, List.of(chapter), false, Optional.empty());
  }
}
