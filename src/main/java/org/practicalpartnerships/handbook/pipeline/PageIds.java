package org.practicalpartnerships.handbook.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.markdown.SourceId;

/**
 * Every id on a written page is unique, and none is one the layout uses (the skip link's target
 * {@code main}, {@code backlinks}, ...), so every {@code #fragment} leads to one place.
 *
 * <ul>
 *   <li>An id an editor wrote ({@code ## Heading {#id}}, {@code id="..."}) that the layout uses,
 *       that an earlier one on the page has, or that the build gives something else (a footnote's
 *       {@code fn-1}) is an error where it is written.
 *   <li>An id the build makes from a heading's text gives way instead, as flexmark makes repeated
 *       headings unique: a heading "Main" gets {@code main-1} when the layout uses {@code main} or
 *       an editor wrote {@code {#main}} elsewhere on the page.
 * </ul>
 */
final class PageIds {
  private PageIds() {}

  /**
   * Checks the ids of a rendered body, before post-processing, renaming headings' made ids that
   * clash.
   *
   * @param written the ids the editor wrote, in document order, with where
   * @param layoutIds the ids the templates write ({@code TemplateEngine#declaredIds})
   */
  static List<Diagnostic> check(Element body, List<SourceId> written, Set<String> layoutIds, SourceText source) {
    Map<String, Deque<SourceId>> pending = new HashMap<>();
    for (SourceId id : written) {
      pending.computeIfAbsent(id.id(), k -> new ArrayDeque<>()).add(id);
    }
    List<Element> headings = new ArrayList<>();
    List<Element> explicit = new ArrayList<>();
    List<SourceId> where = new ArrayList<>();
    Set<String> madeByBuild = new HashSet<>();
    for (Element e : body.select("[id]")) {
      Deque<SourceId> declared = pending.get(e.id());
      if (declared != null && !declared.isEmpty()) {
        explicit.add(e);
        where.add(declared.poll());
      } else if (isHeading(e)) {
        headings.add(e);
      } else {
        madeByBuild.add(e.id());
      }
    }
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, SourceId> first = new HashMap<>();
    for (SourceId id : where) {
      SourceId earlier = first.putIfAbsent(id.id(), id);
      if (layoutIds.contains(id.id())) {
        problems.add(source.atOffset(id.offset(), org.practicalpartnerships.handbook.diagnostics.Severity.ERROR,
            "the id '" + id.id() + "' is one the page layout uses (" + (id.id().equals("main") ? "the target of the 'Skip to main content' link" : "see the templates")
                + "); give this element another id"));
      } else if (earlier != null) {
        problems.add(source.atOffset(id.offset(), org.practicalpartnerships.handbook.diagnostics.Severity.ERROR,
            "the id '" + id.id() + "' is already used on this page (line " + source.lineOf(earlier.offset()) + "); each id must be unique, so links to it lead to one place"));
      } else if (madeByBuild.contains(id.id())) {
        problems.add(source.atOffset(id.offset(), org.practicalpartnerships.handbook.diagnostics.Severity.ERROR,
            "the id '" + id.id() + "' is already used on this page by the build (a footnote's ids are fn-N and fnref-N); give this element another id"));
      }
    }
    renameClashingHeadings(headings, layoutIds, first.keySet(), madeByBuild);
    return problems;
  }

  private static void renameClashingHeadings(List<Element> headings, Set<String> layoutIds, Set<String> written, Set<String> madeByBuild) {
    Set<String> avoid = new HashSet<>(layoutIds);
    avoid.addAll(written);
    avoid.addAll(madeByBuild);
    Set<String> headingIds = new HashSet<>();
    headings.forEach(h -> headingIds.add(h.id()));
    Set<String> assigned = new HashSet<>();
    for (Element heading : headings) {
      String id = heading.id();
      if (avoid.contains(id) || assigned.contains(id)) {
        String renamed = id;
        for (int n = 1; avoid.contains(renamed) || assigned.contains(renamed) || headingIds.contains(renamed); n++) {
          renamed = id + "-" + n;
        }
        heading.id(renamed);
        id = renamed;
      }
      assigned.add(id);
    }
  }

  private static boolean isHeading(Element e) {
    String tag = e.normalName();
    return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
  }
}
