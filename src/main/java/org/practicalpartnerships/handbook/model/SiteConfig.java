package org.practicalpartnerships.handbook.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The handbook's settings from {@code content/site.yml}; every key is optional.
 *
 * @param title the handbook's name, in every page's header and title ("Handbook")
 * @param language the BCP 47 language of the text, for {@code <html lang>} ("en")
 * @param description one sentence about the handbook, used where a page has none ("")
 * @param baseUrl the absolute address the handbook is published at, ending in "/", or empty; only
 *     used for canonical links, the sitemap and the 404 page, never for links between pages
 * @param stripUnsafeHtml how raw HTML that could run code is treated: false ("refuse", the default)
 *     makes it an error; true ("strip") removes it from the page with a warning
 * @param edition the date of this edition, for the PDF edition's cover and metadata (never the
 *     clock, so the same content gives the same bytes)
 * @param publisher who publishes the handbook, for the PDF's cover and author ("")
 * @param licence the licence line of the PDF's cover ("")
 * @param pdf true to make {@code handbook.pdf}, the whole handbook as one PDF (false)
 */
public record SiteConfig(String title, String language, String description, Optional<String> baseUrl, boolean stripUnsafeHtml,
    Optional<LocalDate> edition, String publisher, String licence, boolean pdf) {
  public static final String FILE = "site.yml";
  public static final List<String> KEYS = List.of("title", "language", "description", "base_url", "raw_html", "edition", "publisher", "licence", "pdf");

  public SiteConfig(String title, String language, String description, Optional<String> baseUrl, boolean stripUnsafeHtml) {
    this(title, language, description, baseUrl, stripUnsafeHtml, Optional.empty(), "", "", false);
  }

  public SiteConfig(String title, String language, String description, Optional<String> baseUrl) {
    this(title, language, description, baseUrl, false);
  }

  /**
   * The path of {@link #baseUrl}, from the host's root: {@code /handbook/} for {@code
   * https://example.org/handbook/}, {@code /} for {@code https://example.org/}; empty without a
   * base URL. A page served at any address (the 404 page) reaches the site through it.
   */
  public Optional<String> basePath() {
    return baseUrl.map(url -> {
      String path = java.net.URI.create(url).getRawPath();
      if (path == null || path.isEmpty()) {
        return "/";
      }
      return path.endsWith("/") ? path : path + "/";
    });
  }

  public static SiteConfig defaults() {
    return new SiteConfig("Handbook", "en", "", Optional.empty());
  }
}
