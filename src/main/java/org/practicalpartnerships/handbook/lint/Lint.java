package org.practicalpartnerships.handbook.lint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.markdown.ImageUse;
import org.practicalpartnerships.handbook.markdown.RenderedMarkdown;
import org.practicalpartnerships.handbook.markdown.SourceHeading;
import org.practicalpartnerships.handbook.model.Heading;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageKind;
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
 * diagnostics.addAll(Lint.pageWarnings(page, rendered));     // as each page is rendered
 * Set<String> reachable = Lint.reachable(navigation);         // once the site is assembled
 * Lint.unreachable(page, reachable).ifPresent(diagnostics::add);
 * diagnostics.addAll(Lint.siteWarnings(pages, today));        // tags and review dates
 * }</pre>
 */
public final class Lint {
  private Lint() {}

  /**
   * The warnings a page written by an editor earns on its own (description, images, headings),
   * from what the parser saw while it rendered the page; empty for pages the build makes.
   */
  public static List<Diagnostic> pageWarnings(Page page, RenderedMarkdown rendered) {
    List<Diagnostic> warnings = new ArrayList<>();
    if (page.kind() != PageKind.WRITTEN) {
      return warnings;
    }
    description(page, warnings);
    images(page.source(), rendered.images(), warnings);
    headings(page, rendered.headings(), warnings);
    return warnings;
  }

  /**
   * The warnings about front matter that need every page, or the date: tags that are near
   * duplicates of another ({@code whole-systems} beside {@code whole-system}: case, hyphens,
   * spaces and plurals aside, the same word) or used by one page only, at each page's {@code
   * tags:}; and pages past their {@code review_by:} date, or {@code updated:} after today.
   *
   * @param pages every page (only those written by editors are looked at)
   * @param today the day taken as today; it decides these warnings only, never what is built
   */
  public static List<Diagnostic> siteWarnings(List<Page> pages, java.time.LocalDate today) {
    List<Page> written = pages.stream().filter(p -> p.kind() == PageKind.WRITTEN).toList();
    List<Diagnostic> warnings = new ArrayList<>(Tags.warnings(written));
    for (Page page : written) {
      upkeep(page, today, warnings);
    }
    return warnings;
  }

  private static void upkeep(Page page, java.time.LocalDate today, List<Diagnostic> warnings) {
    var upkeep = page.frontMatter().upkeep();
    upkeep.reviewBy().filter(today::isAfter).ifPresent(due -> warnings.add(page.source().warning(valueAt(page, "review_by"),
        "this page was due for review on " + due + "; check that it is still right, then set 'updated:' to the day you did and 'review_by:' to the next review")));
    upkeep.updated().filter(today::isBefore).ifPresent(day -> warnings.add(page.source().warning(valueAt(page, "updated"),
        "'updated' is " + day + ", after today (" + today + "); check the date")));
  }

  private static org.practicalpartnerships.handbook.diagnostics.Position valueAt(Page page, String key) {
    return page.frontMatter().position(key).map(p -> p.value()).orElse(new org.practicalpartnerships.handbook.diagnostics.Position(1, 1));
  }

  /** The warning for a page written by an editor that no navigation menu leads to, if it is one. */
  public static Optional<Diagnostic> unreachable(Page page, Set<String> reachable) {
    if (page.kind() != PageKind.WRITTEN || reachable.contains(page.outputPath())) {
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

  /**
   * A page with front matter but no description. A page without front matter (plain Markdown,
   * which the README says is fine) is not warned about; nor is one whose description was written
   * but could not be read, which has its error already.
   */
  private static void description(Page page, List<Diagnostic> warnings) {
    if (!page.frontMatter().description().isBlank() || page.frontMatter().positions().isEmpty() || page.frontMatter().position("description").isPresent()) {
      return;
    }
    // At the title, where a description belongs.
    int line = page.frontMatter().position("title").map(p -> p.key().line()).orElse(1);
    warnings.add(page.source().warning(line, 1,
        "the page has no description; add 'description:' to its front matter: one sentence for page lists, search results and link previews"));
  }

  private static void images(SourceText source, List<ImageUse> images, List<Diagnostic> warnings) {
    for (ImageUse image : images) {
      if (image.hasAlt()) {
        continue;
      }
      warnings.add(source.atOffset(image.offset(), Severity.WARNING, image.raw()
          ? "this image has no alt text; add alt=\"...\" saying what it shows (alt=\"\" if it is only decoration)"
          : "this image has no alt text; write what it shows between the brackets: ![a chart of ...]" + (image.written().startsWith("[") ? image.written() : "(" + image.written() + ")")));
    }
  }

  /**
   * Headings must not skip a level. The layout prints the title as the page's {@code h1}, so the
   * body starts at {@code ##}; a {@code #} heading in the body is a second {@code h1}. The levels
   * come from the finished page; their positions from the parser, matched in order and by level.
   */
  private static void headings(Page page, List<SourceHeading> found, List<Diagnostic> warnings) {
    SourceText source = page.source();
    for (SourceHeading f : found) {
      if (f.level() == 1) {
        warnings.add(source.atOffset(f.offset(), Severity.WARNING,
            "a '#' heading in the page repeats the title's level; the layout prints the title, so start sections at '##'"));
      }
    }
    int next = 0;
    int previous = 1;
    for (Heading heading : page.headings()) {
      SourceHeading at = null;
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
            : source.atOffset(at.offset(), Severity.WARNING, message));
      }
      previous = heading.level();
    }
  }

  private static String name(int level) {
    return level == 1 ? "the title" : "'" + "#".repeat(level) + "'";
  }
}
