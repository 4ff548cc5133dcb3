package org.practicalpartnerships.handbook.pdf;

import java.util.Objects;

/**
 * Everything one PDF is made from. Immutable; the renderer reads no file except through the two
 * {@link PdfResources}.
 *
 * @param edition the document's title, language, date and other properties
 * @param body the chapters and whether to add a cover and contents
 * @param stylesheet the paged-media CSS
 * @param site the built site's files, for images the chapters show ({@code <img src>})
 * @param templates the templates folder, for files the stylesheet names (fonts)
 */
public record PdfRequest(PdfEdition edition, PdfBody body, PdfStylesheet stylesheet, PdfResources site, PdfResources templates) {

  public PdfRequest {
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(stylesheet, "stylesheet");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(templates, "templates");
  }
}
