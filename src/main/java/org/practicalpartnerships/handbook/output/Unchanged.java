package org.practicalpartnerships.handbook.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;

/** Whether a file already holds given bytes, read in pieces through one buffer per thread. */
final class Unchanged {
  private static final int BUFFER = 1 << 16;
  private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(BUFFER));

  private Unchanged() {}

  /**
   * True when {@code file} is a regular file (not a symbolic link) holding exactly the bytes of
   * {@code chunks} one after another; false when it differs, is missing or cannot be read.
   */
  static boolean holds(Path file, List<byte[]> chunks) {
    long size = 0;
    for (byte[] chunk : chunks) {
      size += chunk.length;
    }
    try {
      // Looked at before opening: opening a named pipe would wait for a writer.
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile() || attributes.size() != size) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buffer = BUFFERS.get();
      byte[] read = buffer.array();
      for (byte[] chunk : chunks) {
        int at = 0;
        while (at < chunk.length) {
          buffer.clear().limit(Math.min(BUFFER, chunk.length - at));
          int n = channel.read(buffer);
          if (n <= 0 || !Arrays.equals(read, 0, n, chunk, at, at + n)) {
            return false;
          }
          at += n;
        }
      }
      buffer.clear().limit(1);
      return channel.read(buffer) <= 0; // nothing after the last chunk: the file did not grow
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
