package org.practicalpartnerships.handbook.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Brings the preview's output folder up to date after source files changed. Implementations write
 * into the output folder they were made for only when the build succeeded, so a failed build
 * leaves the last good output in place for the server.
 *
 * <p>{@link IncrementalRebuild} uses the changed paths to redo only what they affect.
 */
@FunctionalInterface
public interface Rebuild {
  /**
   * @param changedPaths absolute paths of the files that were created, modified or deleted (a
   *     renamed file appears under both names). A path that is a folder, or was one, means anything
   *     under it may have changed: the first build and a watcher overflow pass the content and
   *     templates folders themselves, which asks for a full rebuild.
   * @return the outcome; never null
   * @throws IOException when the output cannot be written (the session reports it like an error)
   */
  BuildResult rebuild(Set<Path> changedPaths) throws IOException;

  /**
   * Waits while the last rebuild is still writing the file at this site path (a rebuild may
   * write its largest files after it returns). The preview server calls this before serving a
   * file; the default has nothing to wait for.
   */
  default void awaitWritten(String sitePath) {}
}
