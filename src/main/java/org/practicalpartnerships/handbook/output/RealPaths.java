package org.practicalpartnerships.handbook.output;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where a path really leads, so that folders are compared as the file system sees them and not as
 * they were typed: {@code pages} may be a symbolic link to {@code out/content}, and then building
 * into {@code out} would delete the pages.
 *
 * <p>For a path that does not exist yet (an output folder before the first build) the answer is
 * the real path of its nearest existing parent with the rest of the path added, and a dangling
 * symbolic link is followed to where it points, as creating the folder would.
 *
 * <pre>{@code
 * // pages -> out/content
 * RealPaths.of(Path.of("pages"))            // /work/out/content
 * RealPaths.of(Path.of("pages/new/folder")) // /work/out/content/new/folder, though it does not exist
 * }</pre>
 */
public final class RealPaths {
  /** Symbolic links followed before giving up, as Linux does (40). */
  private static final int MAX_HOPS = 40;

  private RealPaths() {}

  /**
   * @throws FileSystemLoopException when symbolic links on the way form a loop
   */
  public static Path of(Path path) throws IOException {
    return resolve(path.toAbsolutePath(), 0);
  }

  /** True when either path is the other or lies inside it, once both are real paths. */
  public static boolean overlap(Path realA, Path realB) {
    return realA.startsWith(realB) || realB.startsWith(realA);
  }

  private static Path resolve(Path path, int hops) throws IOException {
    if (hops > MAX_HOPS) {
      throw new FileSystemLoopException(path.toString());
    }
    try {
      return path.toRealPath();
    } catch (IOException e) {
      // Missing, a dangling link, a loop, or a parent that cannot be searched: taken apart below.
    }
    Path parent = path.getParent();
    if (parent == null) {
      return path;
    }
    Path realParent = resolve(parent, hops);
    Path name = path.getFileName();
    if (name.toString().equals(".")) {
      return realParent;
    }
    if (name.toString().equals("..")) {
      return realParent.getParent() != null ? realParent.getParent() : realParent;
    }
    Path here = realParent.resolve(name);
    if (Files.isSymbolicLink(here)) {
      return resolve(realParent.resolve(Files.readSymbolicLink(here)), hops + 1);
    }
    if (!Files.exists(here, LinkOption.NOFOLLOW_LINKS)) {
      return here;
    }
    try {
      return here.toRealPath();
    } catch (IOException e) {
      return here;
    }
  }
}
