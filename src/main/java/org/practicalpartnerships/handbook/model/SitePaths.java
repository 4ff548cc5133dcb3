package org.practicalpartnerships.handbook.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;

/** Path arithmetic on site paths: relative, {@code /}-separated, never leaving the root. */
public final class SitePaths {
  // Compiled once: String.replaceAll compiles its pattern at every call, and a build makes slugs
  // for every heading and tag (at 10,000 pages, 8% of a title change in serve went on compiling).
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern EDGE_HYPHENS = Pattern.compile("^-|-$");

  private SitePaths() {}

  /** A stable anchor or file name for a text: lowercase letters and digits joined by hyphens. */
  public static String slug(String text) {
    StringBuilder ascii = new StringBuilder(text.length());
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return slugOfAnyText(text);
      }
      boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
      if (!letterOrDigit) {
        gap = true;
        continue;
      }
      if (gap && ascii.length() > 0) {
        ascii.append('-');
      }
      gap = false;
      ascii.append(c <= 'Z' && c >= 'A' ? (char) (c + ('a' - 'A')) : c);
    }
    // In ASCII, with no accents to strip and one letter case, the same as below in one pass: the
    // slugs of headings and tags (every page has some) are made without three regular expressions.
    return ascii.isEmpty() ? "x" : ascii.toString();
  }

  /** {@link #slug} of any text: accents stripped, then letters and digits of any script kept. */
  static String slugOfAnyText(String text) {
    String s = MARKS.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)).replaceAll("");
    s = EDGE_HYPHENS.matcher(NOT_LETTERS.matcher(s.toLowerCase(java.util.Locale.ROOT)).replaceAll("-")).replaceAll("");
    return s.isEmpty() ? "x" : s;
  }

  /**
   * Whether {@code text} has a letter or digit, and so a {@link #slug} of its own rather than the
   * stand-in {@code x} that every name without one shares.
   */
  public static boolean hasOwnSlug(String text) {
    return text.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** "../" once per folder of {@code path}: "a/b/c.html" gives "../../". */
  public static String rootPrefix(String path) {
    int depth = 0;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        depth++;
      }
    }
    return "../".repeat(depth);
  }

  /** The folder part of a path with its trailing slash: "a/b.html" gives "a/", "b.html" gives "". */
  public static String folder(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }

  /**
   * Resolves a relative reference against the folder of {@code from}, collapsing "." and "..".
   *
   * @return the site path, or empty when the reference climbs above the site root
   */
  public static Optional<String> resolve(String from, String reference) {
    Deque<String> parts = new ArrayDeque<>();
    String combined = folder(from) + reference;
    String[] segments = combined.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
        if (last) {
          parts.addLast("");
        }
      } else if (segment.equals(".") || (segment.isEmpty() && !last)) {
        if (last) {
          parts.addLast("");
        }
      } else {
        parts.addLast(segment);
      }
    }
    return Optional.of(String.join("/", parts));
  }

  /**
   * A relative URL from the page at {@code from} to the site path {@code to}. Called for every
   * link in every page's navigation, so it walks the two strings instead of splitting them.
   */
  public static String relative(String from, String to) {
    int folderEnd = from.lastIndexOf('/') + 1;
    int i = 0;
    int j = 0;
    // Skip the folders the two paths share; the last part of 'to' is a name, never shared.
    while (i < folderEnd) {
      int fromSlash = from.indexOf('/', i);
      int toSlash = to.indexOf('/', j);
      if (toSlash < 0 || fromSlash - i != toSlash - j || !from.regionMatches(i, to, j, fromSlash - i)) {
        break;
      }
      i = fromSlash + 1;
      j = toSlash + 1;
    }
    int up = 0;
    for (int k = i; k < folderEnd; k++) {
      if (from.charAt(k) == '/') {
        up++;
      }
    }
    return "../".repeat(up) + to.substring(j);
  }
}
