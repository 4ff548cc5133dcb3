package org.practicalpartnerships.handbook.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.frontmatter.FrontMatterParser;
import org.practicalpartnerships.handbook.frontmatter.ParsedPage;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.markdown.RenderedMarkdown;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageKind;
import org.practicalpartnerships.handbook.navigation.SiteNavigation;
import org.practicalpartnerships.handbook.postprocess.HtmlPostProcessor;
import org.practicalpartnerships.handbook.postprocess.ProcessedHtml;
import org.practicalpartnerships.handbook.source.SourceLoader;

/** Lint warnings, each at the file, line and column an editor would change. */
class LintTest {
  static final MarkdownEngine MARKDOWN = new MarkdownEngine();
  /** What the parser saw of each page made by {@link #page}, as the build hands it to Lint. */
  static final Map<Page, RenderedMarkdown> RENDERED = new java.util.IdentityHashMap<>();

  /** A page as the build makes it: front matter, Markdown, post-processing. */
  static Page page(String path, String text) {
    SourceText source = new SourceText("content/" + path, text);
    Diagnostics diagnostics = new Diagnostics();
    ParsedPage parsed = new FrontMatterParser().parse(source, diagnostics).orElseThrow(() -> new AssertionError(diagnostics.sorted()));
    RenderedMarkdown rendered = MARKDOWN.render(parsed.body(), parsed.bodyOffset());
    ProcessedHtml html = new HtmlPostProcessor().process(rendered.html());
    Page page = Page.written(path, SourceLoader.outputPath(path), source, parsed.frontMatter(), html.html(), html.headings(), html.ids(), rendered.links());
    RENDERED.put(page, rendered);
    return page;
  }

  static List<Diagnostic> lint(Page... pages) {
    Set<String> all = java.util.Arrays.stream(pages).map(Page::outputPath).collect(Collectors.toSet());
    return warnings(List.of(pages), all);
  }

  /** Every warning for these pages, as the build finds them. */
  static List<Diagnostic> warnings(List<Page> pages, Set<String> reachable) {
    List<Diagnostic> warnings = new java.util.ArrayList<>();
    for (Page page : pages) {
      warnings.addAll(Lint.pageWarnings(page, RENDERED.getOrDefault(page, MARKDOWN.render("", 0))));
      Lint.unreachable(page, reachable).ifPresent(warnings::add);
    }
    return warnings;
  }

  static List<String> headlines(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::headline).toList();
  }

  static final String GOOD = "---\ntitle: Good\ndescription: Fine.\n---\n\nText.\n\n## One\n\n### Two\n\n## Three\n\n![A chart](chart.png)\n";

  @Test
  void aTidyPageHasNoWarnings() {
    assertEquals(List.of(), lint(page("good.md", GOOD)));
  }

  @Test
  void everyWarningIsAWarning() {
    List<Diagnostic> all = lint(page("a.md", "---\ntitle: A\n---\n\n#### Deep\n\n![](x.png)\n"));
    assertEquals(3, all.size(), all.toString());
    assertTrue(all.stream().allMatch(d -> d.severity() == Severity.WARNING));
  }

  @Test
  void aMissingDescriptionIsReportedAtTheTitle() {
    List<Diagnostic> all = lint(page("a.md", "---\norder: 2\ntitle: A\n---\n\nText.\n"));
    assertEquals(1, all.size());
    Diagnostic d = all.get(0);
    assertEquals("content/a.md:3:1: warning: the page has no description; add 'description:' to its front matter: one sentence for page lists, search results and link previews", d.headline());
    assertEquals("title: A", d.sourceLine());
  }

  @Test
  void aPageWithoutFrontMatterIsPlainMarkdownWhichIsFineSoNotWarnedAbout() {
    assertEquals(List.of(), headlines(lint(page("plain.md", "# Plain page\n\nText.\n"))));
    assertEquals(List.of(), headlines(lint(page("notes/b.md", "# Another\n\nMore text.\n"))));
  }

  @Test
  void aDescriptionThatCouldNotBeReadHasItsErrorAndNoWarning() {
    assertEquals(List.of(), headlines(lint(page("a.md", "---\ntitle: A\ndescription: It is: broken\n---\n\nText.\n"))));
  }

  @Test
  void markdownImagesWithoutAltTextAreReportedAtTheirBang() {
    String text = "---\ntitle: A\ndescription: D.\n---\n\nSee ![](one.png) and ![  ](<two.png>) and ![ok](three.png).\n\n![Nested [brackets]](four.png) ![](five.png \"A title is not alt\")\n";
    List<Diagnostic> all = lint(page("a.md", text));
    assertEquals(List.of(
        "content/a.md:6:5: warning: this image has no alt text; write what it shows between the brackets: ![a chart of ...](one.png)",
        "content/a.md:6:22: warning: this image has no alt text; write what it shows between the brackets: ![a chart of ...](two.png)",
        "content/a.md:8:32: warning: this image has no alt text; write what it shows between the brackets: ![a chart of ...](five.png)"), headlines(all));
  }

  @Test
  void referenceImagesWithoutAltTextAreReportedToo() {
    String text = "---\ntitle: A\ndescription: D.\n---\n\n![][chart] and ![A map][map]\n\n[chart]: chart.png\n[map]: map.png\n";
    assertEquals(List.of("content/a.md:6:1: warning: this image has no alt text; write what it shows between the brackets: ![a chart of ...][chart]"),
        headlines(lint(page("a.md", text))));
  }

  @Test
  void rawImagesWithoutAnAltAttributeAreReportedAtTheTag() {
    String text = "---\ntitle: A\ndescription: D.\n---\n\n<figure>\n  <img src=\"a.png\">\n  <img alt=\"\" src=\"decoration.png\">\n  <IMG SRC='b.png' alt=\"B\">\n</figure>\n\nInline <img src=\"c.png\" title=\"x > y\"> here.\n";
    List<Diagnostic> all = lint(page("a.md", text));
    assertEquals(List.of(
        "content/a.md:7:3: warning: this image has no alt text; add alt=\"...\" saying what it shows (alt=\"\" if it is only decoration)",
        "content/a.md:12:8: warning: this image has no alt text; add alt=\"...\" saying what it shows (alt=\"\" if it is only decoration)"), headlines(all));
    assertEquals("  <img src=\"a.png\">", all.get(0).sourceLine());
  }

  @Test
  void skippedHeadingLevelsAreReportedAtTheHeading() {
    String text = "---\ntitle: A\ndescription: D.\n---\n\n## Start\n\n#### Too deep\n\n## Back\n\n### Fine\n\n###### Far too deep\n";
    List<Diagnostic> all = lint(page("a.md", text));
    assertEquals(List.of(
        "content/a.md:8:1: warning: this heading skips a level: '####' follows '##'; make it '###' so screen-reader users can follow the outline",
        "content/a.md:14:1: warning: this heading skips a level: '######' follows '###'; make it '####' so screen-reader users can follow the outline"), headlines(all));
  }

  @Test
  void theFirstBodyHeadingFollowsTheTitle() {
    List<Diagnostic> all = lint(page("a.md", "---\ntitle: A\ndescription: D.\n---\n\nIntro.\n\n### Too deep at once\n"));
    assertEquals(List.of("content/a.md:8:1: warning: this heading skips a level: '###' follows the title; make it '##' so screen-reader users can follow the outline"), headlines(all));
  }

  @Test
  void aHashHeadingInTheBodyIsASecondTitle() {
    List<Diagnostic> all = lint(page("a.md", "---\ntitle: A\ndescription: D.\n---\n\n# A again\n\n## Fine\n"));
    assertEquals(List.of("content/a.md:6:1: warning: a '#' heading in the page repeats the title's level; the layout prints the title, so start sections at '##'"), headlines(all));
  }

  @Test
  void headingsInCodeAreNotHeadingsAndSetextAndRawHeadingsAre() {
    String text = "---\ntitle: A\ndescription: D.\n---\n\n```\n#### not a heading\n```\n\nSection\n-------\n\n<h4 id=\"raw\">Raw</h4>\n\n    ## indented code, not a heading\n";
    List<Diagnostic> all = lint(page("a.md", text));
    assertEquals(List.of("content/a.md:13:1: warning: this heading skips a level: '####' follows '##'; make it '###' so screen-reader users can follow the outline"), headlines(all));
  }

  @Test
  void headingsInCalloutsCount() {
    String text = "---\ntitle: A\ndescription: D.\n---\n\n!!! note \"Mind\"\n    #### Inside\n\n    Body.\n";
    List<Diagnostic> all = lint(page("a.md", text));
    assertEquals(List.of("content/a.md:7:5: warning: this heading skips a level: '####' follows the title; make it '##' so screen-reader users can follow the outline"), headlines(all));
  }

  @Test
  void pagesNoNavigationReachesAreReportedForTheWholeFile() {
    Page lost = page("a.md", "---\ntitle: A\ndescription: D.\n---\n\nText.\n");
    List<Diagnostic> all = warnings(List.of(lost), Set.of());
    assertEquals(List.of("content/a.md: warning: no navigation menu leads to this page; give its folder an index.md, or move the page into a folder that has one"), headlines(all));
  }

  @Test
  void generatedPagesAreNotLinted() {
    FrontMatter fm = new FrontMatter("Glossary", "", OptionalInt.empty(), "page", List.of(), false);
    Page generated = Page.fromData(PageKind.GLOSSARY, true, "glossary.html", new SourceText("content/glossary.yml", "- term: x\n"), fm, "<h4 id=\"x\">x</h4>", List.of(), Set.of(), List.of());
    assertEquals(List.of(), warnings(List.of(generated), Set.of()));
  }

  @Test
  void navigationReachesSectionsWithIndexPagesButNotFoldersWithout() {
    String fm = "---\ntitle: %s\ndescription: D.\n---\n";
    List<Page> pages = List.of(
        page("index.md", fm.formatted("Home")),
        page("top.md", fm.formatted("Top")),
        page("behaviours/index.md", fm.formatted("Behaviours")),
        page("behaviours/trust.md", fm.formatted("Trust")),
        page("behaviours/deeper/index.md", fm.formatted("Deeper")),
        page("behaviours/deeper/leaf.md", fm.formatted("Leaf")),
        page("orphans/lost.md", fm.formatted("Lost")));
    Set<String> reachable = Lint.reachable(SiteNavigation.of(pages));
    assertEquals(Set.of("index.html", "top.html", "behaviours/index.html", "behaviours/trust.html", "behaviours/deeper/index.html", "behaviours/deeper/leaf.html"), reachable);
    assertEquals(List.of("content/orphans/lost.md: warning: no navigation menu leads to this page; give its folder an index.md, or move the page into a folder that has one"),
        headlines(warnings(pages, reachable)));
  }

  @Test
  void reachabilityIsABreadthFirstWalk() {
    Map<String, List<String>> links = Map.of("a", List.of("b"), "b", List.of("c", "a"), "x", List.of("y"));
    assertEquals(Set.of("a", "b", "c"), Lint.reachable(List.of("a"), p -> links.getOrDefault(p, List.of())));
  }
}
