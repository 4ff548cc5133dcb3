package org.practicalpartnerships.handbook.serve;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A request's path, checked and split into segments before it comes near the file system.
 *
 * <p>The raw path is decoded exactly once, by the JDK. Refused (empty result): anything not
 * starting with {@code /}, encoded slashes, backslashes, dots or NUL ({@code %2f}, {@code %5c},
 * {@code %2e}, {@code %00}), malformed escapes or UTF-8, control characters, backslashes, {@code .}
 * and {@code ..} segments, and drive letters. Doubled slashes are normalised ({@code //a///b} is
 * {@code a/b}). Resolving the segments against the output folder is then a plain lookup; the server
 * still checks the real path stays inside it, which catches symbolic links.
 *
 * @param segments the path's non-empty segments, decoded
 * @param folder true when the path ends with {@code /} (or is the root)
 */
record RequestPath(List<String> segments, boolean folder) {
  private static final List<String> ENCODED_REFUSED = List.of("%2f", "%5c", "%2e", "%00");

  RequestPath {
    segments = List.copyOf(segments);
  }

  /** The path as the request gave it, or empty when it must be refused. */
  static Optional<RequestPath> of(URI uri) {
    String raw = uri.getRawPath();
    if (uri.getScheme() == null && uri.getRawAuthority() != null) {
      // "//etc/passwd" parses as a network-path reference; for a request it is a path with "//".
      raw = "//" + uri.getRawAuthority() + (raw == null ? "" : raw);
    }
    return of(raw);
  }

  static Optional<RequestPath> of(String raw) {
    if (raw == null || !raw.startsWith("/") || raw.indexOf('\\') >= 0) {
      return Optional.empty();
    }
    String lower = raw.toLowerCase(Locale.ROOT);
    for (String refused : ENCODED_REFUSED) {
      if (lower.contains(refused)) {
        return Optional.empty();
      }
    }
    String decoded;
    try {
      // URLDecoder reads '+' as a space (form encoding); in a path '+' is itself.
      decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\' || c == '\uFFFD') {
        return Optional.empty();
      }
    }
    List<String> segments = new ArrayList<>();
    for (String segment : decoded.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.equals(".") || segment.equals("..") || (segment.length() >= 2 && segment.charAt(1) == ':' && Character.isLetter(segment.charAt(0)))) {
        return Optional.empty();
      }
      segments.add(segment);
    }
    return Optional.of(new RequestPath(segments, decoded.endsWith("/")));
  }

  /** The segments joined with {@code /}: a path relative to the output folder. */
  String relative() {
    return String.join("/", segments);
  }

  /** True when some segment names a hidden file or folder, which the server never shows. */
  boolean hidden() {
    return segments.stream().anyMatch(s -> s.startsWith("."));
  }

  /** This path as a folder URL ending in {@code /}, encoded, for a redirect. */
  String folderUrl() {
    try {
      return new URI(null, null, "/" + relative() + (segments.isEmpty() ? "" : "/"), null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
