package org.practicalpartnerships.handbook.build;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.model.Page;

/**
 * What one build can hand the next, for {@code serve}: each stage's result, kept with exactly the
 * inputs it came from, and reused only when the new inputs are equal. A page whose text did not
 * change is not parsed again; a page whose template data did not change is not rendered again.
 * Builds with a cache give the same bytes as builds without one; the cache only skips work.
 *
 * <p>One cache serves one sequence of builds of the same folders, one build at a time.
 */
public final class BuildCache {
  /** A page's parse: front matter, Markdown and post-processing, with the diagnostics it gave. */
  record ParsedKey(String text, boolean drafts, boolean stripUnsafeHtml) {}

  record Parsed(ParsedKey key, Optional<Page> page, List<Diagnostic> diagnostics, boolean draft, boolean broken) {}

  /** A rendered page: the template inputs (templates, layout, body and data) and the bytes. */
  record RenderKey(String templates, String layout, String body, Map<String, Object> model) {}

  record Rendered(RenderKey key, byte[] bytes) {}

  final ConcurrentMap<String, Parsed> parsed = new ConcurrentHashMap<>();
  final ConcurrentMap<String, Rendered> rendered = new ConcurrentHashMap<>();
  /** Search text by page body; print sections by page, body and anchors. */
  final ConcurrentMap<String, Object> searchText = new ConcurrentHashMap<>();
  final ConcurrentMap<String, String> printSections = new ConcurrentHashMap<>();

  /** Forgets entries for pages that no longer exist, so a long preview session does not grow. */
  void retain(Set<String> sourcePaths, Set<String> outputPaths) {
    parsed.keySet().retainAll(sourcePaths);
    rendered.keySet().retainAll(outputPaths);
    if (searchText.size() > 4 * outputPaths.size() + 64) {
      searchText.clear();
    }
    if (printSections.size() > 4 * outputPaths.size() + 64) {
      printSections.clear();
    }
  }
}
