package org.practicalpartnerships.handbook.pdf;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a PDF says about itself: its cover, its document properties and its XMP metadata.
 *
 * @param title the document title (the PDF's title, shown by viewers instead of the file name)
 * @param language the BCP 47 language of the text, such as {@code en-GB}
 * @param description one sentence about the document (the PDF's subject), or ""
 * @param author who is responsible for it, such as the publisher (the PDF's author), or ""
 * @param date the edition's date: printed on the cover and used as the PDF's creation and
 *     modification date, so the same edition always gives the same bytes (never the clock)
 * @param licence the licence line printed on the cover, or ""
 * @param baseUrl the absolute address the handbook is published at, ending in "/"; links to pages
 *     that are not in the PDF point there. When empty, such links keep their text but lose the link
 */
public record PdfEdition(
    String title, String language, String description, String author, LocalDate date, String licence, Optional<String> baseUrl) {

  public PdfEdition {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(date, "date");
    description = description == null ? "" : description;
    author = author == null ? "" : author;
    licence = licence == null ? "" : licence;
    baseUrl = baseUrl == null ? Optional.empty() : baseUrl;
  }
}
