package org.practicalpartnerships.handbook.pdf;

import java.util.Objects;

/**
 * The PDF's stylesheet, a paged-media CSS file on the templates side that editors can change
 * (page size and margins, running header and footer, fonts, breaks).
 *
 * @param path its path in the templates folder, such as {@code pdf.css}; its {@code url()}s (fonts
 *     in {@code @font-face}) are relative to it and read from {@link PdfRequest#templates()}
 * @param displayPath its path as shown in diagnostics, such as {@code templates/pdf.css}
 * @param css its text, line endings normalised to {@code \n}
 */
public record PdfStylesheet(String path, String displayPath, String css) {

  public PdfStylesheet {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(displayPath, "displayPath");
    Objects.requireNonNull(css, "css");
  }
}
