package org.practicalpartnerships.handbook.lint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.model.Heading;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SitePaths;
import org.practicalpartnerships.handbook.navigation.Crumb;
import org.practicalpartnerships.handbook.navigation.NavItem;
import org.practicalpartnerships.handbook.navigation.SiteNavigation;

/**
 * Warnings about pages that build but serve readers less well. Only pages written by editors
 * (those with a source {@code .md} file) are checked; generated pages are the generator's
 * business.
 *
 * <pre>{@code
 * Set<String> reachable = Lint.reachable(navigation);
 * diagnostics.addAll(Lint.warnings(pages, reachable));
 * }</pre>
 */
public final class Lint {
  private static final Pattern ATX = Pattern.compile("^( {0,3}|\\s*)(#{1,6})(?:[ \\t]+|$)");
  private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");
  private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
  private static final Pattern RAW_HEADING = Pattern.compile("<h([1-6])(?=[\\s>/])", Pattern.CASE_INSENSITIVE);

  private Lint() {}

  /**
   * Every warning for these pages, in page order.
   *
   * @param pages the build's pages (generated pages are skipped)
   * @param reachable output paths of the pages the navigation menus lead to, such as from {@link
   *     #reachable(SiteNavigation)}
   */
  public static List<Diagnostic> warnings(List<Page> pages, Set<String> reachable) {
    List<Diagnostic> warnings = new ArrayList<>();
    for (Page page : pages) {
      warnings.addAll(pageWarnings(page));
      unreachable(page, reachable).ifPresent(warnings::add);
    }
    return warnings;
  }

  /**
   * The warnings a page earns on its own (description, images, headings), which the build finds
   * while it has the page in hand; empty for generated pages.
   */
  public static List<Diagnostic> pageWarnings(Page page) {
    List<Diagnostic> warnings = new ArrayList<>();
    if (page.sourcePath() == null || page.source() == null) {
      return warnings;
    }
    description(page, warnings);
    images(page, warnings);
    headings(page, warnings);
    return warnings;
  }

  /** The warning for a page written by an editor that no navigation menu leads to, if it is one. */
  public static Optional<Diagnostic> unreachable(Page page, Set<String> reachable) {
    if (page.sourcePath() == null || page.source() == null || reachable.contains(page.outputPath())) {
      return Optional.empty();
    }
    return Optional.of(Diagnostic.ofFile(page.source().displayPath(), Severity.WARNING,
        "no navigation menu leads to this page; give its folder an index.md, or move the page into a folder that has one"));
  }

  /**
   * The pages a reader can reach from the home page through the menus on every page: the sidebar
   * (with each section opening as the reader enters it) and the breadcrumbs. Previous and next
   * links are left out on purpose: they walk every listed page, so counting them would make every
   * page reachable, however hard it is to find.
   */
  public static Set<String> reachable(SiteNavigation navigation) {
    List<String> starts = new ArrayList<>();
    starts.add("index.html");
    for (NavItem item : navigation.sidebar("index.html")) {
      if (item.path() != null) {
        starts.add(item.path());
      }
    }
    // Every page of a folder shows the same menus (but for which entry is current), so each
    // folder's are read once: otherwise a large handbook rebuilds a sidebar for every page.
    Map<String, List<String>> byFolder = new HashMap<>();
    return reachable(starts, path -> byFolder.computeIfAbsent(SitePaths.folder(path), folder -> {
      List<String> next = new ArrayList<>();
      addItems(navigation.sidebar(path), next);
      for (Crumb crumb : navigation.breadcrumbs(path, "")) {
        if (crumb.path() != null) {
          next.add(crumb.path());
        }
      }
      return next;
    }));
  }

  /** Every path reachable from the starts by following {@code links} (breadth first). */
  public static Set<String> reachable(Collection<String> starts, Function<String, Collection<String>> links) {
    Set<String> seen = new HashSet<>(starts);
    Deque<String> queue = new ArrayDeque<>(starts);
    while (!queue.isEmpty()) {
      for (String next : links.apply(queue.poll())) {
        if (next != null && seen.add(next)) {
          queue.add(next);
        }
      }
    }
    return seen;
  }

  private static void addItems(List<NavItem> items, List<String> into) {
    for (NavItem item : items) {
      if (item.path() != null) {
        into.add(item.path());
      }
      addItems(item.children(), into);
    }
  }

  private static void description(Page page, List<Diagnostic> warnings) {
    if (!page.frontMatter().description().isBlank()) {
      return;
    }
    SourceText source = page.source();
    int line = 1;
    if (source.line(1).stripTrailing().equals("---")) {
      for (int i = 2; i <= source.lineCount(); i++) {
        if (source.line(i).startsWith("title:")) {
          line = i;
          break;
        }
      }
    }
    warnings.add(source.warning(line, 1,
        "the page has no description; add 'description:' to its front matter: one sentence for page lists, search results and link previews"));
  }

  private static void images(Page page, List<Diagnostic> warnings) {
    SourceText source = page.source();
    String text = source.text();
    for (LinkRef link : page.links()) {
      if (!link.image() || link.offset() < 0 || link.offset() > text.length()) {
        continue;
      }
      int offset = link.offset();
      int tag = rawImgStart(text, offset);
      if (tag >= 0) {
        int end = tagEnd(text, tag);
        Element img = Jsoup.parseBodyFragment(text.substring(tag, end)).selectFirst("img");
        if (img != null && !img.hasAttr("alt")) {
          warnings.add(source.atOffset(tag, Severity.WARNING,
              "this image has no alt text; add alt=\"...\" saying what it shows (alt=\"\" if it is only decoration)"));
        }
        continue;
      }
      int bang = markdownImageStart(text, offset);
      if (bang >= 0) {
        String alt = text.substring(bang + 2, closingBracket(text, bang + 1));
        if (alt.isBlank()) {
          warnings.add(source.atOffset(bang, Severity.WARNING,
              "this image has no alt text; write what it shows between the brackets: ![a chart of ...](" + link.url() + ")"));
        }
      }
    }
  }

  /** Where {@code <img} starts when the offset lies inside a raw {@code <img>} tag, else -1. */
  private static int rawImgStart(String text, int offset) {
    int open = text.lastIndexOf('<', offset);
    if (open < 0 || text.lastIndexOf('>', offset - 1) > open) {
      return -1;
    }
    String start = text.substring(open, Math.min(text.length(), open + 5)).toLowerCase(Locale.ROOT);
    return start.startsWith("<img") && (start.length() == 4 || !Character.isLetterOrDigit(start.charAt(4))) ? open : -1;
  }

  /** The end of a tag starting at {@code start}: just after its {@code >}, skipping quoted values. */
  private static int tagEnd(String text, int start) {
    char quote = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i + 1;
      }
    }
    return text.length();
  }

  /**
   * Where {@code ![} starts for a Markdown image whose destination is at {@code offset} (written
   * {@code ![alt](url)} or {@code ![alt](<url>)}), else -1.
   */
  private static int markdownImageStart(String text, int offset) {
    int i = offset - 1;
    while (i >= 0 && (text.charAt(i) == '<' || text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n')) {
      i--;
    }
    if (i < 1 || text.charAt(i) != '(' || text.charAt(i - 1) != ']') {
      return -1;
    }
    int depth = 0;
    for (int j = i - 1; j >= 1; j--) {
      char c = text.charAt(j);
      if (c == ']' && !escaped(text, j)) {
        depth++;
      } else if (c == '[' && !escaped(text, j)) {
        depth--;
        if (depth == 0) {
          return text.charAt(j - 1) == '!' ? j - 1 : -1;
        }
      }
    }
    return -1;
  }

  private static int closingBracket(String text, int open) {
    int depth = 0;
    for (int j = open; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '[' && !escaped(text, j)) {
        depth++;
      } else if (c == ']' && !escaped(text, j)) {
        depth--;
        if (depth == 0) {
          return j;
        }
      }
    }
    return open + 1;
  }

  private static boolean escaped(String text, int at) {
    int backslashes = 0;
    for (int k = at - 1; k >= 0 && text.charAt(k) == '\\'; k--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /** A heading found in the source: its level and where it is. */
  private record Found(int level, int line, int column) {}

  /**
   * Headings must not skip a level. The layout prints the title as the page's {@code h1}, so the
   * body starts at {@code ##}; a {@code #} heading in the body is a second {@code h1}. The levels
   * come from the rendered page (so code blocks and the like cannot fool the check); their
   * positions from the source, matched in order and by level.
   */
  private static void headings(Page page, List<Diagnostic> warnings) {
    SourceText source = page.source();
    List<Found> found = sourceHeadings(source);
    int next = 0;
    for (Found f : found) {
      if (f.level() == 1) {
        warnings.add(source.warning(f.line(), f.column(),
            "a '#' heading in the page repeats the title's level; the layout prints the title, so start sections at '##'"));
      }
    }
    int previous = 1;
    for (Heading heading : page.headings()) {
      Found at = null;
      for (int i = next; i < found.size(); i++) {
        if (found.get(i).level() == heading.level()) {
          at = found.get(i);
          next = i + 1;
          break;
        }
      }
      if (heading.level() > previous + 1) {
        String message = "this heading skips a level: " + name(heading.level()) + " follows " + name(previous)
            + "; make it " + name(previous + 1) + " so screen-reader users can follow the outline";
        warnings.add(at == null
            ? new Diagnostic(source.displayPath(), 0, 0, Severity.WARNING, message + " (the heading '" + heading.text() + "')", "")
            : source.warning(at.line(), at.column(), message));
      }
      previous = heading.level();
    }
  }

  private static String name(int level) {
    return level == 1 ? "the title" : "'" + "#".repeat(level) + "'";
  }

  /** Headings written in the page body: ATX, setext and raw HTML, outside fenced code. */
  private static List<Found> sourceHeadings(SourceText source) {
    List<Found> found = new ArrayList<>();
    int first = bodyStartLine(source);
    String fence = null;
    for (int line = first; line <= source.lineCount(); line++) {
      String text = source.line(line);
      if (!mayMatter(text)) {
        continue; // most lines are prose: no heading, fence or underline can start them
      }
      Matcher fenceMatch = FENCE.matcher(text);
      if (fence != null) {
        if (fenceMatch.find() && fenceMatch.group(1).charAt(0) == fence.charAt(0) && fenceMatch.group(1).length() >= fence.length()) {
          fence = null;
        }
        continue;
      }
      if (fenceMatch.find()) {
        fence = fenceMatch.group(1);
        continue;
      }
      Matcher atx = ATX.matcher(text);
      if (atx.find()) {
        found.add(new Found(atx.group(2).length(), line, atx.start(2) + 1));
        continue;
      }
      Matcher setext = SETEXT.matcher(text);
      if (setext.matches() && line > first && !source.line(line - 1).isBlank() && !ATX.matcher(source.line(line - 1)).find()) {
        found.add(new Found(setext.group(1).charAt(0) == '=' ? 1 : 2, line - 1, firstNonBlank(source.line(line - 1)) + 1));
        continue;
      }
      Matcher raw = RAW_HEADING.matcher(text);
      while (raw.find()) {
        found.add(new Found(raw.group(1).charAt(0) - '0', line, raw.start() + 1));
      }
    }
    return found;
  }

  /**
   * False only for a line that none of the expressions below can match: they all need a
   * {@code #}, a fence, an underline character or a {@code <}.
   */
  private static boolean mayMatter(String line) {
    int i = firstNonBlank(line);
    if (i < line.length()) {
      char c = line.charAt(i);
      if (c == '#' || c == '`' || c == '~' || c == '=' || c == '-') {
        return true;
      }
    }
    return line.indexOf('<') >= 0;
  }

  /** The first line after the front matter; for a page without it, the line after its title. */
  private static int bodyStartLine(SourceText source) {
    if (source.line(1).stripTrailing().equals("---")) {
      for (int i = 2; i <= source.lineCount(); i++) {
        String line = source.line(i).stripTrailing();
        if (line.equals("---") || line.equals("...")) {
          return i + 1;
        }
      }
      return source.lineCount() + 1;
    }
    for (int i = 1; i <= source.lineCount(); i++) {
      if (!source.line(i).isBlank()) {
        return source.line(i).stripLeading().startsWith("# ") ? i + 1 : i;
      }
    }
    return 1;
  }

  private static int firstNonBlank(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i;
  }
}
