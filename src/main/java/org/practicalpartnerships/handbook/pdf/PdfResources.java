package org.practicalpartnerships.handbook.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to one folder's files, the only way the renderer reads anything. The renderer asks
 * only for normalised relative paths ({@code assets/fonts/x.ttf}: no {@code ..}, no leading
 * {@code /}, no scheme); every other address, {@code http(s)} and {@code file} included, is refused
 * before a resources object is asked.
 */
@FunctionalInterface
public interface PdfResources {

  /**
   * The bytes of the file at {@code path}, or empty when there is none.
   *
   * @throws IOException when the file exists but cannot be read
   */
  Optional<byte[]> read(String path) throws IOException;

  /** No files at all. */
  static PdfResources none() {
    return path -> Optional.empty();
  }

  /**
   * The files of the site being built, each read from where the build copies it from (the content
   * folder's and the templates' assets), so the PDF does not depend on an earlier build's output.
   *
   * @param copies each file's source, by its site path
   */
  static PdfResources files(Map<String, Path> copies) {
    return path -> {
      Path file = isSafe(path) ? copies.get(path) : null;
      return file == null || !Files.isRegularFile(file) ? Optional.empty() : Optional.of(Files.readAllBytes(file));
    };
  }

  /**
   * The regular files under {@code root}; a file whose real path (symbolic links followed) lies
   * outside the root's real path is treated as missing.
   */
  static PdfResources folder(Path root) {
    return path -> {
      if (!isSafe(path)) {
        return Optional.empty();
      }
      Path file = root.resolve(path).normalize();
      if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try {
        if (!file.toRealPath().startsWith(root.toRealPath(LinkOption.NOFOLLOW_LINKS).toRealPath())) {
          return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(file));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    };
  }

  /** True for a relative path of plain segments: no "..", ".", empty segment, backslash or colon. */
  static boolean isSafe(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf(':') >= 0 || path.indexOf('\0') >= 0) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }
}
