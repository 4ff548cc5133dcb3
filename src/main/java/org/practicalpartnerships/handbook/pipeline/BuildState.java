package org.practicalpartnerships.handbook.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.links.LinkChecker;
import org.practicalpartnerships.handbook.outputs.SiteView;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.PageContext;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.ProcessedPage;

/**
 * What a successful build knew about the whole site, handed to {@link Reuse#finished} so that
 * {@code serve} can redo a change to one page's text without the rest of the site. Never changed
 * once made.
 *
 * @param context what every page's processing drew on
 * @param glossaryKey what the glossary was, for processing's cache key
 * @param site the assembled site, as outputs saw it
 * @param rendering what every page's layout drew on
 * @param checker the build's link checker (the pages and their ids)
 * @param reachable the pages the menus lead to
 * @param sourcePaths every page source the build read, by its path in the content folder
 * @param processed each written page's result, by its path in the content folder
 * @param fileWarnings what outputs warned about as they made their files (a search index over
 *     its budget): made again whenever the files are
 * @param diagnostics every diagnostic of the build, sorted
 * @param output what the build left for the output folder
 * @param assembled what the site was assembled from, for redoing it when front matter changes
 */
public record BuildState(
    BuildRequest request,
    PageContext context,
    String glossaryKey,
    SiteView site,
    Renderer.Rendering rendering,
    LinkChecker checker,
    Set<String> reachable,
    Set<String> sourcePaths,
    Map<String, ProcessedPage> processed,
    List<Diagnostic> fileWarnings,
    List<Diagnostic> diagnostics,
    BuildOutput output,
    Assembled assembled) {

  /**
   * What the site was assembled from, beyond the processed pages: enough to assemble it again
   * when pages' titles change ({@link Pipeline#reshow}).
   *
   * @param made the pages made from data files, which can show written pages' titles
   * @param madeDiagnostics what making them reported
   * @param titles each published written page's title, by site path
   * @param siteWarnings what rests on every page's front matter: tag and review warnings, and
   *     outputs' problems with the site
   */
  record Assembled(Inputs inputs, org.practicalpartnerships.handbook.outputs.ContentPages made, List<Diagnostic> madeDiagnostics,
      Map<String, String> titles, List<Diagnostic> siteWarnings) {}

  public BuildState {
    sourcePaths = Set.copyOf(sourcePaths);
    processed = processed instanceof Overlay ? processed : Map.copyOf(processed); // an overlay is made over an unchanging map
    fileWarnings = List.copyOf(fileWarnings);
    diagnostics = List.copyOf(diagnostics);
  }

  /** The warnings that rest on every page's front matter: tag and review warnings, outputs' problems with the site. */
  public List<Diagnostic> siteWarnings() {
    return assembled.siteWarnings();
  }

  /** This state after some pages' text was redone: the rest is as it was. */
  public BuildState updated(SiteView newSite, Renderer.Rendering newRendering, Map<String, ProcessedPage> newProcessed,
      List<Diagnostic> newFileWarnings, List<Diagnostic> newDiagnostics) {
    return updated(newSite, newRendering, newProcessed, newFileWarnings, newDiagnostics, assembled);
  }

  /** This state after some pages were redone and the site assembled again: the rest is as it was. */
  BuildState updated(SiteView newSite, Renderer.Rendering newRendering, Map<String, ProcessedPage> newProcessed,
      List<Diagnostic> newFileWarnings, List<Diagnostic> newDiagnostics, Assembled newAssembled) {
    return new BuildState(request, context, glossaryKey, newSite, newRendering, checker, reachable, sourcePaths, newProcessed,
        newFileWarnings, newDiagnostics, output, newAssembled);
  }
}
