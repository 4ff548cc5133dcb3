package org.practicalpartnerships.handbook.serve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.lint.Lint;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.output.OutputSink;
import org.practicalpartnerships.handbook.outputs.Output;
import org.practicalpartnerships.handbook.outputs.Outputs;
import org.practicalpartnerships.handbook.outputs.PageParts;
import org.practicalpartnerships.handbook.outputs.PrintOutput;
import org.practicalpartnerships.handbook.outputs.SearchOutput;
import org.practicalpartnerships.handbook.outputs.SiteView;
import org.practicalpartnerships.handbook.pipeline.BuildOutput;
import org.practicalpartnerships.handbook.pipeline.BuildState;
import org.practicalpartnerships.handbook.pipeline.Overlay;
import org.practicalpartnerships.handbook.pipeline.PageProcessor;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.PageFront;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.ProcessedPage;
import org.practicalpartnerships.handbook.pipeline.Pipeline;
import org.practicalpartnerships.handbook.pipeline.Renderer;
import org.practicalpartnerships.handbook.pipeline.SiteChecks;
import org.practicalpartnerships.handbook.search.SearchIndex;
import org.practicalpartnerships.handbook.source.ContentFile;

/**
 * Redoes pages whose text or front matter changed without rebuilding the rest of the site. That
 * is only right when nothing outside those pages can have changed with them, so it is done only
 * when each page keeps its ids and links (what other pages' links and backlinks rest on) and the
 * glossary entries it uses, and gains no error; and when nothing but these pages changed since the
 * build that the cache holds.
 *
 * <ul>
 *   <li>When the front matter is the same, the pages, the print page and the search index go to
 *       the sink, with the bytes a full build would make.
 *   <li>When it changed only in what other pages show of a page (title, description, order, tags,
 *       upkeep), the pipeline assembles the site again and renders the pages that show it ({@link
 *       Pipeline#reshow}): at 10,000 pages, half a second instead of five.
 * </ul>
 */
final class PageUpdate {
  private final Pipeline pipeline;
  private final PageProcessor processor;
  private final ServeCache cache;
  /** The site's warnings by file, for the list {@link #siteWarnings} was last asked about. */
  private List<Diagnostic> warned;
  private boolean reshownLast;
  private Map<String, List<Diagnostic>> warningsByFile = Map.of();
  /**
   * The site whose listed pages' search entries were last added up, and their total: an update
   * adds the difference its pages make, instead of going through every page again.
   */
  private SiteView sized;
  private long sizedEntryBytes;

  PageUpdate(Pipeline pipeline, ServeCache cache) {
    this.pipeline = pipeline;
    this.processor = pipeline.processor();
    this.cache = cache;
  }

  /**
   * @param changed the changed pages as they are now
   * @return the result of the build; empty when the change reaches further, and nothing was sent:
   *     build in full, with the same cache
   */
  Optional<BuildOutput> update(List<ContentFile> changed, Diagnostics diagnostics, OutputSink sink) throws IOException {
    Optional<BuildState> state = cache.last();
    if (state.isEmpty() || changed.isEmpty()) {
      return Optional.empty();
    }
    BuildState last = state.get();
    reshownLast = false;
    Redone redone = new Redone(new HashSet<>(), new ArrayList<>(), new ArrayList<>(), new HashMap<>(), new HashSet<>());
    for (ContentFile file : changed) {
      if (!redo(file, last, redone)) {
        return Optional.empty();
      }
    }
    if (redone.pages().isEmpty()) {
      diagnostics.addAll(last.diagnostics());
      return Optional.of(last.output());
    }
    if (!redone.retitled().isEmpty()) {
      return reshow(last, redone, diagnostics, sink);
    }
    return write(last, redone, diagnostics, sink);
  }

  /**
   * Some pages' front matter changed in what other pages show of them: the pipeline assembles the
   * site again and renders the pages that show them ({@link Pipeline#reshow}).
   */
  private Optional<BuildOutput> reshow(BuildState last, Redone redone, Diagnostics diagnostics, OutputSink sink) throws IOException {
    Set<Diagnostic> replaced = new HashSet<>(last.fileWarnings());
    replaced.addAll(last.siteWarnings());
    List<Diagnostic> kept = new ArrayList<>();
    for (Diagnostic d : last.diagnostics()) {
      if (!redone.files().contains(d.file()) && !replaced.contains(d)) {
        kept.add(d);
      }
    }
    kept.addAll(redone.diagnostics());
    Optional<BuildState> state = pipeline.reshow(last, redone.bySource(), redone.retitled(), kept, cache, diagnostics, sink);
    state.ifPresent(cache::updated);
    reshownLast = state.isPresent();
    return state.map(BuildState::output);
  }

  /** Whether the last update that succeeded redid a change to front matter ({@link Pipeline#reshow}). */
  boolean reshownLast() {
    return reshownLast;
  }

  /** What an update has redone so far. */
  private record Redone(Set<String> files, List<Diagnostic> diagnostics, List<Page> pages, Map<String, ProcessedPage> bySource, Set<String> retitled) {}

  /** Redoes one page; false when the change reaches beyond it. */
  private boolean redo(ContentFile file, BuildState last, Redone redone) {
    ProcessedPage was = last.processed().get(file.relativePath());
    if (was == null || was.page().isEmpty()) {
      return false; // a new page changes navigation
    }
    Page old = was.page().get();
    boolean drafts = last.request().drafts();
    PageFront front = cache.front(file, drafts, () -> processor.front(file, drafts));
    if (front.parsed().isEmpty()) {
      return false;
    }
    FrontMatter fm = front.parsed().get().frontMatter();
    boolean retitled = !fm.equals(old.frontMatter());
    if (retitled && !onlyShownElsewhere(fm, old.frontMatter())) {
      return false;
    }
    ProcessedPage now = cache.processed(front, drafts, last.context(), last.glossaryKey(), () -> processor.process(front, last.context()));
    if (now == was) {
      return true; // the same text as last time: nothing to redo
    }
    if (now.page().isEmpty()) {
      return false;
    }
    Page page = now.page().get();
    if (!page.ids().equals(old.ids()) || !targets(page).equals(targets(old)) || !now.usedTerms().equals(was.usedTerms())) {
      return false;
    }
    // The page's own diagnostics, as the full build finds them.
    Diagnostics mine = new Diagnostics();
    mine.addAll(front.diagnostics());
    mine.addAll(now.diagnostics());
    mine.addAll(last.checker().check(page.outputPath(), page.source(), page.links()));
    Lint.unreachable(page, last.reachable()).ifPresent(mine::add);
    SiteChecks.layout(page, last.rendering().templates()).ifPresent(mine::add);
    if (mine.hasErrors() || !last.site().parts().containsKey(page.outputPath())) {
      return false;
    }
    redone.diagnostics().addAll(mine.sorted());
    redone.files().add(page.source().displayPath());
    redone.pages().add(page);
    redone.bySource().put(file.relativePath(), now);
    if (retitled) {
      redone.retitled().add(page.outputPath());
    }
    return true;
  }

  /**
   * Whether front matter changed only in what other pages show of the page or find from it
   * (title, description, order, tags, upkeep, and where keys were written). A list of what may
   * change, not of what may not: a key added to front matter later takes the full build until it
   * is added here (layout, draft, glossary linking and the page's PDF change how the page itself
   * is made or published).
   */
  private static boolean onlyShownElsewhere(FrontMatter now, FrontMatter was) {
    FrontMatter rest = new FrontMatter(was.title(), was.description(), was.order(), now.layout(), was.tags(), now.draft(), now.glossary(),
        was.upkeep(), now.pdf(), was.positions());
    return rest.equals(was);
  }

  /**
   * The last build's warnings that rest on front matter (tags, review dates, outputs' problems
   * with the site), by file: the text path keeps front matter, so they hold as they are. Grouped
   * once for each state, not again at every edit.
   */
  private Map<String, List<Diagnostic>> siteWarnings(BuildState last) {
    List<Diagnostic> warnings = last.siteWarnings();
    if (warnings != warned) {
      Map<String, List<Diagnostic>> byFile = new HashMap<>();
      for (Diagnostic d : warnings) {
        byFile.computeIfAbsent(d.file(), f -> new ArrayList<>()).add(d);
      }
      warningsByFile = byFile;
      warned = warnings;
    }
    return warningsByFile;
  }

  private Optional<BuildOutput> write(BuildState last, Redone redone, Diagnostics diagnostics, OutputSink sink) throws IOException {
    Renderer.Rendering before = last.rendering();
    // The maps over every page, with the redone pages' entries replaced, made without copying them.
    Map<String, Page> pages = new HashMap<>();
    Map<String, PageParts> parts = new HashMap<>();
    for (ProcessedPage now : redone.bySource().values()) {
      Page page = now.page().orElseThrow();
      pages.put(page.outputPath(), page);
      parts.put(page.outputPath(), now.parts());
    }
    Map<String, Page> byPath = Overlay.of(before.byPath(), pages);
    Renderer.Rendering rendering = new Renderer.Rendering(before.templates(), before.fingerprint(), before.context(), before.backlinks(), byPath);
    Map<String, List<byte[]>> rendered = new TreeMap<>();
    for (Page page : redone.pages()) {
      Optional<List<byte[]>> bytes = Renderer.render(page, rendering, cache, diagnostics);
      if (bytes.isEmpty()) {
        return Optional.empty(); // its template failed on the new text: the full build reports it
      }
      rendered.put(page.outputPath(), bytes.get());
    }
    SiteView site = last.site().withParts(Overlay.of(last.site().parts(), parts));
    Page lastPrint = before.byPath().get(PrintOutput.PATH);
    if (lastPrint == null) {
      return Optional.empty();
    }
    // The PDFs hold the changed pages too: made again in the background, like any rebuild's.
    // The list of pages is made there too, off the path to the edited page.
    for (Output output : Outputs.ALL) {
      if (output.slow()) {
        cache.slowFiles(() -> {
          Map<String, Page> all = new TreeMap<>(byPath);
          all.put(PrintOutput.PATH, PrintOutput.withNewSections(lastPrint, site));
          return output.files(site, List.copyOf(all.values()), new Diagnostics());
        });
      }
    }
    for (Diagnostic d : last.diagnostics()) {
      if (!redone.files().contains(d.file()) && !last.fileWarnings().contains(d)) {
        diagnostics.add(d);
      }
    }
    diagnostics.addAll(redone.diagnostics());
    Map<String, List<Diagnostic>> siteWarnings = siteWarnings(last);
    redone.files().forEach(file -> diagnostics.addAll(siteWarnings.getOrDefault(file, List.of())));
    // What the search index's output warns about, without making the index.
    List<Diagnostic> fileWarnings = SearchOutput.sizeWarning(site, searchEntryBytes(last.site(), site, pages.keySet())).stream().toList();
    diagnostics.addAll(fileWarnings);
    for (Map.Entry<String, List<byte[]>> page : rendered.entrySet()) {
      sink.write(page.getKey(), page.getValue());
    }
    // The print page and the search index hold every page (tens of megabytes at 10,000 pages):
    // made after the edited page is written and the browser told, where the sink can.
    sink.writeLater(PrintOutput.PATH, () -> printPage(lastPrint, site, rendering));
    sink.writeLater(SearchIndex.SCRIPT, () -> SearchOutput.script(site));
    cache.updated(last.updated(site, rendering, Overlay.of(last.processed(), redone.bySource()), fileWarnings, diagnostics.sorted()));
    return Optional.of(last.output());
  }

  /** The listed pages' search entries of {@code site}, {@code was} with the pages at these site paths redone, added up. */
  private long searchEntryBytes(SiteView was, SiteView site, Set<String> redonePaths) {
    long bytes;
    if (sized == was) {
      bytes = sizedEntryBytes;
      for (String path : redonePaths) {
        bytes += SearchOutput.entryBytes(site, path) - SearchOutput.entryBytes(was, path);
      }
    } else {
      bytes = SearchOutput.entryBytes(site);
    }
    sized = site;
    sizedEntryBytes = bytes;
    return bytes;
  }

  /** What the last update found the listed pages' search entries of its site to add up to, for tests. */
  long searchEntryBytes() {
    return sizedEntryBytes;
  }

  /**
   * The print page with the pages' new sections. Titles, order and anchors are unchanged on this
   * path, so its layout's data is the last build's, and the cache holds the layout rendered from
   * it: rendering cannot fail or report anything new.
   */
  private List<byte[]> printPage(Page lastPrint, SiteView site, Renderer.Rendering rendering) {
    Diagnostics reported = new Diagnostics();
    Optional<List<byte[]>> bytes = Renderer.render(PrintOutput.withNewSections(lastPrint, site), rendering, cache, reported);
    if (bytes.isEmpty() || !reported.sorted().isEmpty()) {
      throw new IllegalStateException("the print page's layout gave another result for the same data: " + reported.sorted());
    }
    return bytes.get();
  }

  /** Where a page's links and images lead, as written, in order: what other pages' checks and backlinks rest on. */
  private static List<String> targets(Page page) {
    List<String> targets = new ArrayList<>(page.links().size());
    for (LinkRef link : page.links()) {
      targets.add((link.image() ? "image:" : "link:") + link.url());
    }
    return targets;
  }
}
