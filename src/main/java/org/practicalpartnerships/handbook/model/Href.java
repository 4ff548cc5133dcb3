package org.practicalpartnerships.handbook.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

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
    String scheme = scheme(raw);
    if (scheme != null) {
      boolean unsafe = scheme.equalsIgnoreCase("javascript") || scheme.equalsIgnoreCase("vbscript") || scheme.equalsIgnoreCase("data");
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

  /**
   * The scheme a browser reads from this destination, in the case it is written and without its
   * colon ({@code JavaScript}), or null when it has none. A browser's URL parser drops control
   * characters and spaces at either end, and tabs and line breaks anywhere (WHATWG URL Standard,
   * basic URL parser), so {@code "java\tscript:"} and {@code "\u0001javascript:"} are
   * {@code javascript:} URLs; so is anything a scheme follows once other white space at either end
   * is dropped too. A scan, not a regular expression: every link of every page is read here.
   */
  public static String scheme(String raw) {
    int start = 0;
    while (start < raw.length() && (raw.charAt(start) <= ' ' || Character.isWhitespace(raw.charAt(start)))) {
      start++;
    }
    StringBuilder name = new StringBuilder();
    for (int i = start; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      if (c == ':') {
        return name.length() == 0 ? null : name.toString();
      }
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!(letter || name.length() > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
        return null;
      }
      name.append(c);
    }
    return null;
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
