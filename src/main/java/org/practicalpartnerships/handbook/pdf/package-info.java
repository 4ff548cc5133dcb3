/**
 * The PDF edition: chapters of finished HTML in, an accessible and archivable PDF out.
 *
 * <p>In: a {@link org.practicalpartnerships.handbook.pdf.PdfRequest}, immutable: the edition's
 * metadata ({@link org.practicalpartnerships.handbook.pdf.PdfEdition}: title, language, date,
 * licence), the chapters in reading order ({@link org.practicalpartnerships.handbook.pdf.PdfBody},
 * {@link org.practicalpartnerships.handbook.pdf.PdfChapter}; for the whole handbook, the sections
 * of the print page), the paged-media stylesheet ({@code templates/pdf.css}) and read-only access
 * to the site's and the templates folder's files ({@link
 * org.practicalpartnerships.handbook.pdf.PdfResources}).
 *
 * <p>Out: a {@link org.practicalpartnerships.handbook.pdf.PdfResult}: the PDF's bytes, its page
 * count and diagnostics (stylesheet errors with their line, missing images and fonts, refused
 * addresses). The PDF is tagged and passes veraPDF's PDF/UA-1 and PDF/A-2a checks; it has
 * bookmarks nested like the chapters and their headings, an optional cover and contents with page
 * numbers, links within it for links between its chapters, and the same bytes for the same
 * request (dates from the edition, document ID from the content).
 *
 * <p>{@link org.practicalpartnerships.handbook.pdf.PdfRenderer#render} is the one call. It reads
 * nothing but what the request's resources give it and never touches the network.
 */
package org.practicalpartnerships.handbook.pdf;
