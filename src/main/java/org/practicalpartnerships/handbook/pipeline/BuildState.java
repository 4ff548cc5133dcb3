package org.practicalpartnerships.handbook.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.glossary.Term;
import org.practicalpartnerships.handbook.links.LinkChecker;

/**
 * What a successful build knew about the whole site, kept by {@code serve} (in its {@link
 * BuildCache}) so that a change to one page's text can be redone without the rest of the site
 * ({@link Builder#update}). Never changed once made; an update makes a new one.
 *
 * @param site what every page's processing drew on
 * @param glossaryKey and {@code printedKey}: the cache keys that processing used
 * @param rendering what every page's layout drew on
 * @param checker the link checker of that build (the pages and their ids)
 * @param reachable the pages the menus lead to
 * @param processed each source page's result, by its path in the content folder
 * @param readingOrder output paths in reading order: the order of the search entries and of the
 *     print sections (after the print page's contents list)
 * @param searchWarning the warning about the search index's size, if it was over its budget
 * @param diagnostics every diagnostic of the build, sorted
 */
record BuildState(
    BuildRequest request,
    PageProcessor.Site site,
    String glossaryKey,
    String printedKey,
    Builder.Rendering rendering,
    LinkChecker checker,
    Set<String> reachable,
    Map<String, PageProcessor.Processed> processed,
    List<String> readingOrder,
    List<byte[]> searchEntries,
    List<byte[]> printParts,
    List<Term> terms,
    Optional<Diagnostic> searchWarning,
    List<Diagnostic> diagnostics,
    BuildOutput output) {

  BuildState {
    processed = Map.copyOf(processed);
    readingOrder = List.copyOf(readingOrder);
    searchEntries = List.copyOf(searchEntries);
    printParts = List.copyOf(printParts);
    diagnostics = List.copyOf(diagnostics);
  }
}
