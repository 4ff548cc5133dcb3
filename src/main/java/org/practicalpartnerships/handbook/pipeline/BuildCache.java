package org.practicalpartnerships.handbook.pipeline;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What one build can hand the next, for {@code serve}: each stage's result, kept with exactly the
 * inputs it came from, and reused only when the new inputs are equal. A page whose text did not
 * change is not parsed again; a page whose template data did not change is not rendered again.
 * Builds with a cache give the same bytes as builds without one; the cache only skips work.
 *
 * <p>One cache serves one sequence of builds of the same folders, one build at a time.
 */
public final class BuildCache {
  /** A page's front matter, from its text. */
  record FrontKey(String text, boolean drafts) {}

  record FrontEntry(FrontKey key, PageProcessor.Front front) {}

  /**
   * A processed page, from its text and what processing drew on from the rest of the site: the
   * glossary (its file's text) and the set of printed pages (only its print section depends on
   * that, so a changed set re-makes print sections alone).
   */
  record ProcessKey(String text, boolean drafts, boolean stripUnsafeHtml, String glossary) {}

  record ProcessEntry(ProcessKey key, String printedPages, PageProcessor.Processed processed) {}

  /**
   * A rendered layout, with a placeholder where the body goes: the template inputs (templates,
   * layout and data other than the body) and the bytes.
   */
  record RenderKey(String templates, String layout, Map<String, Object> model) {}

  record Rendered(RenderKey key, byte[] bytes) {}

  final ConcurrentMap<String, FrontEntry> fronts = new ConcurrentHashMap<>();
  final ConcurrentMap<String, ProcessEntry> processed = new ConcurrentHashMap<>();
  final ConcurrentMap<String, Rendered> rendered = new ConcurrentHashMap<>();
  /** The last successful build's view of the whole site, for {@link Builder#update}; null after a failure. */
  volatile BuildState last;

  /** Forgets entries for pages that no longer exist, so a long preview session does not grow. */
  void retain(Set<String> sourcePaths, Set<String> outputPaths) {
    fronts.keySet().retainAll(sourcePaths);
    processed.keySet().retainAll(sourcePaths);
    rendered.keySet().retainAll(outputPaths);
  }
}
