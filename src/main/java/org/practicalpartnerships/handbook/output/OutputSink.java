package org.practicalpartnerships.handbook.output;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a build puts the files it makes, as it makes them: a staging folder for {@code build}
 * ({@link OutputWriter#stage}), memory for {@code serve} and tests ({@link MemorySink}), nowhere
 * for {@code check}. Pages go out as soon as they are rendered, so a large build never holds
 * every page in memory and writing overlaps rendering.
 *
 * <p>Called from several threads at once; each path is written once per build, and a sink that
 * writes files refuses a second file at a path ({@link AlreadyWritten}).
 */
public interface OutputSink {
  /** A second file at an address that already has one: a clash the build's checks missed. */
  final class AlreadyWritten extends IOException {
    private final String path;

    public AlreadyWritten(String path) {
      super("a second file would be written at '" + path + "'");
      this.path = path;
    }

    /** The address written twice. */
    public String path() {
      return path;
    }
  }

  /** Takes everything and keeps nothing. */
  OutputSink DISCARD = (path, chunks) -> {};

  /**
   * @param path the file's site path, {@code /}-separated
   * @param chunks the file's bytes, in order: large generated files (the print page, the search
   *     index) are written from their parts without first joining them
   */
  void write(String path, List<byte[]> chunks) throws IOException;

  default void write(String path, byte[] bytes) throws IOException {
    write(path, List.of(bytes));
  }

  /**
   * A file that need not be made before the build returns. A sink that writes in the background
   * ({@code serve}'s, for the print page and the search index) makes it there, after the page
   * that changed is written and the browser told; any other sink makes and writes it now.
   *
   * @param make makes the file's bytes; it must report nothing, as nobody would hear it
   */
  default void writeLater(String path, Supplier<List<byte[]>> make) throws IOException {
    write(path, make.get());
  }
}
