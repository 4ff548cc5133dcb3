package org.practicalpartnerships.handbook.serve;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.practicalpartnerships.handbook.outputs.OutputFile;
import org.practicalpartnerships.handbook.pipeline.BuildState;
import org.practicalpartnerships.handbook.pipeline.PageProcessor;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.PageContext;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.PageFront;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.ProcessedPage;
import org.practicalpartnerships.handbook.pipeline.Reuse;
import org.practicalpartnerships.handbook.source.ContentFile;

/**
 * What one build of {@code serve} hands the next: each stage's result, kept with exactly the
 * inputs it came from, and reused only when the new inputs are equal. A page whose text did not
 * change is not parsed again; a page whose template data did not change is not rendered again.
 * Builds with a cache give the same bytes as builds without one; the cache only skips work.
 *
 * <p>One cache serves one sequence of builds of the same folders, one build at a time.
 */
final class ServeCache implements Reuse {
  private record FrontKey(String text, boolean drafts) {}

  private record FrontEntry(FrontKey key, PageFront front) {}

  /**
   * A processed page's inputs: its text and what processing drew on from the rest of the site.
   * The printed pages are kept apart: only the print section depends on them, so a changed set
   * makes the print sections again and nothing else.
   */
  private record ProcessKey(String text, boolean drafts, boolean stripUnsafeHtml, String glossary) {}

  private record ProcessEntry(ProcessKey key, Map<String, String> printAnchors, ProcessedPage processed) {}

  private record LayoutEntry(Object key, byte[] bytes) {}

  private final ConcurrentMap<String, FrontEntry> fronts = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, ProcessEntry> processed = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LayoutEntry> layouts = new ConcurrentHashMap<>();
  /** Slow outputs' work that the last build or update put off, for the background. */
  private final List<Supplier<List<OutputFile>>> deferred = new java.util.ArrayList<>();
  /** The last successful build's view of the whole site; null after a failure. */
  private volatile BuildState last;
  /** The last build's print anchors as given, and the instance they were found equal to ({@link #canonical}). */
  private Map<String, String> anchorsGiven;
  private Map<String, String> anchorsKept;

  @Override
  public PageFront front(ContentFile file, boolean drafts, Supplier<PageFront> read) {
    FrontKey key = new FrontKey(file.text().text(), drafts);
    FrontEntry hit = fronts.get(file.relativePath());
    if (hit == null || !hit.key().equals(key)) {
      hit = new FrontEntry(key, read.get());
      fronts.put(file.relativePath(), hit);
    }
    return hit.front();
  }

  @Override
  public ProcessedPage processed(PageFront front, boolean drafts, PageContext context, String glossaryKey, Supplier<ProcessedPage> process) {
    String path = front.file().relativePath();
    ProcessKey key = new ProcessKey(front.file().text().text(), drafts, context.stripUnsafeHtml(), glossaryKey);
    Map<String, String> anchors = canonical(context.printAnchors());
    ProcessEntry hit = processed.get(path);
    if (hit != null && hit.key().equals(key) && hit.processed().page().isPresent()) {
      if (hit.printAnchors() == anchors) {
        return hit.processed();
      }
      ProcessedPage again = PageProcessor.reprinted(hit.processed(), anchors);
      processed.put(path, new ProcessEntry(key, anchors, again));
      return again;
    }
    ProcessedPage result = process.get();
    processed.put(path, new ProcessEntry(key, anchors, result));
    return result;
  }

  /**
   * One instance for each run of equal print anchors, so a page's entry is checked against them
   * by identity: comparing the whole map at every page cost O(pages²), 80% of a title change at
   * 10,000 pages. The map is compared once a build, when a build brings a new one.
   */
  private synchronized Map<String, String> canonical(Map<String, String> given) {
    if (given != anchorsGiven) {
      anchorsGiven = given;
      if (anchorsKept == null || !anchorsKept.equals(given)) {
        anchorsKept = given;
      }
    }
    return anchorsKept;
  }

  @Override
  public Optional<byte[]> layout(String sitePath, Supplier<Object> key, Supplier<Optional<byte[]>> render) {
    Object wanted = key.get();
    LayoutEntry hit = layouts.get(sitePath);
    if (hit != null && hit.key().equals(wanted)) {
      return Optional.of(hit.bytes());
    }
    Optional<byte[]> bytes = render.get();
    bytes.ifPresent(b -> layouts.put(sitePath, new LayoutEntry(wanted, b)));
    return bytes;
  }

  /** Puts a slow output off: serve makes its files in the background, after the pages. */
  @Override
  public synchronized Optional<List<OutputFile>> slowFiles(Supplier<List<OutputFile>> make) {
    deferred.add(make);
    return Optional.empty();
  }

  /** The work put off since the last call, in the order it was put off. */
  synchronized List<Supplier<List<OutputFile>>> takeDeferred() {
    List<Supplier<List<OutputFile>>> taken = List.copyOf(deferred);
    deferred.clear();
    return taken;
  }

  @Override
  public void finished(Optional<BuildState> state) {
    last = state.orElse(null);
    state.ifPresent(this::retain);
  }

  /** The last successful build's view of the whole site, if the last build succeeded. */
  Optional<BuildState> last() {
    return Optional.ofNullable(last);
  }

  /** Replaces the last build's view after an update that redid some pages. */
  void updated(BuildState state) {
    last = state;
  }

  /** Forgets entries for pages that no longer exist, so a long preview session does not grow. */
  private void retain(BuildState state) {
    fronts.keySet().retainAll(state.sourcePaths());
    processed.keySet().retainAll(state.sourcePaths());
    layouts.keySet().retainAll(state.rendering().byPath().keySet());
  }
}
