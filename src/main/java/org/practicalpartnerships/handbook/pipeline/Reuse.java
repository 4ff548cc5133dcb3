package org.practicalpartnerships.handbook.pipeline;

import java.util.List;
import java.util.Optional;
import org.practicalpartnerships.handbook.outputs.OutputFile;
import java.util.function.Supplier;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.PageContext;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.PageFront;
import org.practicalpartnerships.handbook.pipeline.PageProcessor.ProcessedPage;
import org.practicalpartnerships.handbook.source.ContentFile;

/**
 * What a build may take from earlier builds instead of redoing it. {@code build} and {@code check}
 * reuse nothing ({@link #NOTHING}); {@code serve} keeps a cache across rebuilds that implements
 * this, so only what a change affects is parsed and rendered again. Whatever an implementation
 * returns must be what the supplier would have made: a cache only skips work, never changes bytes.
 */
public interface Reuse {
  /** Reuses nothing: every step is done afresh. */
  Reuse NOTHING = new Reuse() {};

  /** A page's front matter, or an earlier build's for the same text. */
  default PageFront front(ContentFile file, boolean drafts, Supplier<PageFront> read) {
    return read.get();
  }

  /** A processed page, or an earlier build's for the same text and context. */
  default ProcessedPage processed(PageFront front, boolean drafts, PageContext context, String glossaryKey, Supplier<ProcessedPage> process) {
    return process.get();
  }

  /**
   * A page's rendered layout (with a placeholder for the body), or an earlier build's for an equal
   * key.
   *
   * @param key what the layout's rendering depends on: the templates, the layout's name and the
   *     template data other than the body; made only when asked for
   */
  default Optional<byte[]> layout(String sitePath, Supplier<Object> key, Supplier<Optional<byte[]>> render) {
    return render.get();
  }

  /**
   * The files of a slow output ({@link org.practicalpartnerships.handbook.outputs.Output#slow()}),
   * made now; or empty when they will be made later, in the background, and pages that link to
   * them link without their size and page count.
   */
  default Optional<List<OutputFile>> slowFiles(Supplier<List<OutputFile>> make) {
    return Optional.of(make.get());
  }

  /**
   * Called at the end of every build: with what the build knew of the whole site when it
   * succeeded, empty when it failed.
   */
  default void finished(Optional<BuildState> state) {}
}
