package org.practicalpartnerships.handbook.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The output folder the preview serves, and the one way a request path becomes a file in it: the
 * real path (symbolic links followed) must lie inside the folder's real path, hidden files are
 * never found, and a folder is its {@code index.html}.
 */
final class OutputFolder {
  /** What a request path leads to. */
  sealed interface Found permits File, Redirect, Missing {}

  /** A regular file inside the folder, by its real path. */
  record File(Path path) implements Found {}

  /** A folder asked for without its trailing slash: send the client here, so relative links work. */
  record Redirect(String location) implements Found {}

  /** Nothing to serve. */
  record Missing() implements Found {}

  private final Path root;

  OutputFolder(Path root) {
    this.root = root;
  }

  Found find(RequestPath path) throws IOException {
    Optional<Path> realRoot = realRoot();
    if (realRoot.isEmpty() || path.hidden()) {
      return new Missing();
    }
    Path candidate = realRoot.get().resolve(path.relative()).normalize();
    if (!candidate.startsWith(realRoot.get()) || !Files.exists(candidate)) {
      return new Missing();
    }
    Path real = candidate.toRealPath();
    if (!real.startsWith(realRoot.get())) {
      return new Missing();
    }
    if (Files.isDirectory(real)) {
      if (!path.folder()) {
        return new Redirect(path.folderUrl());
      }
      real = real.resolve("index.html");
      if (!Files.exists(real) || !real.toRealPath().startsWith(realRoot.get())) {
        return new Missing();
      }
    }
    return Files.isRegularFile(real) ? new File(real) : new Missing();
  }

  /** The site's own 404 page, when it has one inside the folder. */
  Optional<Path> notFoundPage() throws IOException {
    Optional<Path> realRoot = realRoot();
    if (realRoot.isPresent()) {
      Path page = realRoot.get().resolve("404.html");
      if (Files.isRegularFile(page) && page.toRealPath().startsWith(realRoot.get())) {
        return Optional.of(page);
      }
    }
    return Optional.empty();
  }

  /**
   * The output folder's real path. It is absent for a moment while a rebuild swaps the new output
   * in, so a request that lands then waits briefly for it.
   */
  private Optional<Path> realRoot() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        return Optional.of(root.toRealPath());
      } catch (NoSuchFileException e) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return Optional.empty();
  }
}
