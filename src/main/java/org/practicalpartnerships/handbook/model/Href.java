package org.practicalpartnerships.handbook.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A link destination split into what the generator needs: is it external, which path and which
 * fragment does it name. Shared by the link rewriter and the link checker so both read a link the
 * same way.
 *
 * @param raw the destination as written
 * @param kind what sort of destination it is
 * @param path the percent-decoded path part ("" for a same-page "#fragment" link)
 * @param fragment the percent-decoded fragment, or "" when none
 */
public record Href(String raw, Kind kind, String path, String fragment) {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  public enum Kind {
    /** http, https, mailto, tel and other schemes that leave the handbook. */
    EXTERNAL,
    /** javascript:, vbscript: and data: URLs, which can run code or hide content. */
    UNSAFE,
    /** "/path": breaks when the handbook is served under a prefix or opened from a folder. */
    ROOT_RELATIVE,
    /** A path relative to the page, possibly with a fragment, or a bare "#fragment". */
    RELATIVE
  }

  public static Href parse(String raw) {
    String trimmed = raw.strip();
    if (trimmed.startsWith("//")) {
      return new Href(raw, Kind.EXTERNAL, "", "");
    }
    var scheme = SCHEME.matcher(trimmed);
    if (scheme.find()) {
      String name = scheme.group().toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
      boolean unsafe = name.equals("javascript:") || name.equals("vbscript:") || name.equals("data:");
      return new Href(raw, unsafe ? Kind.UNSAFE : Kind.EXTERNAL, "", "");
    }
    if (trimmed.startsWith("/") || trimmed.startsWith("\\")) {
      return new Href(raw, Kind.ROOT_RELATIVE, trimmed, "");
    }
    int hash = trimmed.indexOf('#');
    String path = hash < 0 ? trimmed : trimmed.substring(0, hash);
    String fragment = hash < 0 ? "" : trimmed.substring(hash + 1);
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    return new Href(raw, Kind.RELATIVE, decode(path), decode(fragment));
  }

  /** True for a link to another Markdown page, which the build rewrites to its .html address. */
  public boolean isPageSource() {
    return kind == Kind.RELATIVE && path.endsWith(".md");
  }

  /**
   * The destination as it must appear in the output: {@code x.md#f} becomes {@code x.html#f}
   * ({@code x.md?q=1#f} becomes {@code x.html?q=1#f}) and a folder link {@code x/} becomes {@code
   * x/index.html} so it opens from a local folder too. Other destinations are returned as written.
   */
  public Optional<String> rewritten() {
    if (kind != Kind.RELATIVE) {
      return Optional.empty();
    }
    String trimmed = raw.strip();
    int hash = trimmed.indexOf('#');
    int query = trimmed.indexOf('?');
    // The query string and fragment stay as written: page.md?from=x#y becomes page.html?from=x#y.
    int end = query >= 0 && (hash < 0 || query < hash) ? query : hash;
    String pathPart = end < 0 ? trimmed : trimmed.substring(0, end);
    String rest = end < 0 ? "" : trimmed.substring(end);
    if (pathPart.endsWith(".md")) {
      return Optional.of(pathPart.substring(0, pathPart.length() - 3) + ".html" + rest);
    }
    if (pathPart.endsWith("/") || pathPart.equals("..") || pathPart.equals(".")) {
      String base = pathPart.endsWith("/") ? pathPart : pathPart + "/";
      return Optional.of(base + "index.html" + rest);
    }
    return Optional.empty();
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
