package org.practicalpartnerships.handbook.pipeline;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Position;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.links.LinkChecker;
import org.practicalpartnerships.handbook.links.LinkSet;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageKind;
import org.practicalpartnerships.handbook.model.Term;
import org.practicalpartnerships.handbook.templating.TemplateEngine;

/**
 * The checks that need the whole site (besides one file per address, {@link Addresses}): every
 * link and anchor, every page's layout, glossary terms no page uses; and, from the same walk over the links, the link
 * graph behind each page's "Pages that link here".
 */
public final class SiteChecks {
  private SiteChecks() {}

  /**
   * What the checks leave for rendering.
   *
   * @param checker the link checker over every published address
   * @param backlinks for each page, the listed pages that link to it, by site path
   */
  record Result(LinkChecker checker, Map<String, Set<String>> backlinks) {}

  /**
   * @param pages every page, written and made
   * @param files the site paths of copied files
   * @param drafts and {@code broken}: see {@link LinkChecker}
   * @param dataLinks the links written in data files
   */
  static Result run(List<Page> pages, Set<String> files, Set<String> drafts, Set<String> broken, List<LinkSet> dataLinks,
      TemplateEngine templates, Diagnostics diagnostics) {
    LinkChecker checker = new LinkChecker(addresses(pages), files, Set.copyOf(drafts), Set.copyOf(broken));
    for (LinkSet set : dataLinks) {
      diagnostics.addAll(checker.check(set.fromPath(), set.source(), set.links()));
    }
    Map<String, Set<String>> backlinks = new ConcurrentHashMap<>();
    pages.parallelStream().forEach(page -> {
      if (page.kind() == PageKind.WRITTEN) {
        diagnostics.addAll(checker.check(page.outputPath(), page.source(), page.links()));
        layout(page, templates).ifPresent(diagnostics::add);
      }
      if (page.listed()) {
        for (LinkRef link : page.links()) {
          checker.pageTarget(page.outputPath(), link)
              .filter(target -> !target.equals(page.outputPath()))
              .ifPresent(target -> backlinks.computeIfAbsent(target, t -> ConcurrentHashMap.newKeySet()).add(page.outputPath()));
        }
      }
    });
    return new Result(checker, backlinks);
  }

  /**
   * Every page's address with the ids on it; where two pages claim one address (an error that
   * {@link Addresses} reports at the content file), the page the build makes is the one links
   * are checked against.
   */
  private static Map<String, Set<String>> addresses(List<Page> pages) {
    Map<String, Set<String>> targets = new HashMap<>();
    List<Page> madeFirst = pages.stream().sorted(Comparator.comparing((Page p) -> p.kind() == PageKind.WRITTEN)).toList();
    for (Page page : madeFirst) {
      targets.putIfAbsent(page.outputPath(), page.ids());
    }
    return targets;
  }

  /** An error at a written page's {@code layout:} when the templates have no such layout. */
  public static java.util.Optional<Diagnostic> layout(Page page, TemplateEngine templates) {
    String layout = page.frontMatter().layout();
    if (templates.hasLayout(layout) || !templates.hasLayout(FrontMatter.DEFAULT_LAYOUT) && layout.equals(FrontMatter.DEFAULT_LAYOUT)) {
      return java.util.Optional.empty();
    }
    Position at = page.frontMatter().position("layout").map(FrontMatter.KeyPosition::value).orElse(new Position(1, 1));
    return java.util.Optional.of(page.source().error(at, "no layout '" + layout + "' in the templates folder" + templates.suggestLayout(layout)));
  }

  /** A warning at each glossary term that no page links to; none while there are errors, when a term may look unused only because the page using it failed. */
  static void unusedTerms(List<Term> terms, Set<String> used, Page glossaryPage, Diagnostics diagnostics) {
    if (diagnostics.hasErrors() || glossaryPage == null) {
      return;
    }
    Set<String> all = new HashSet<>(used);
    for (Term term : terms) {
      if (!all.contains(term.id())) {
        diagnostics.add(glossaryPage.source().atOffset(term.offset(), Severity.WARNING, "the glossary term '" + term.term() + "' is not used on any page; remove it or use it"));
      }
    }
  }
}
