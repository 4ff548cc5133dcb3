package org.practicalpartnerships.handbook.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which files of the previous output a build may keep instead of writing them again: those that
 * are, after linking, exactly what writing would have made. Every look is without following a
 * symbolic link; the bytes are read through one buffer per thread.
 *
 * @param owner the owner a new file gets: this user
 * @param permissions the permissions a new file gets (the user's umask applied)
 */
record KeptFiles(UserPrincipal owner, Set<PosixFilePermission> permissions) {
  private static final int BUFFER = 1 << 16;
  private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(BUFFER));

  /**
   * What a new file in {@code folder} gets, read off one made there and deleted; empty where files
   * have no POSIX owner and permissions or no link count to read (then nothing is kept).
   */
  static Optional<KeptFiles> probe(Path folder) {
    if (!folder.getFileSystem().supportedFileAttributeViews().containsAll(List.of("posix", "unix"))) {
      return Optional.empty();
    }
    Path probe = folder.resolve(".handbook-probe");
    try {
      Files.createFile(probe);
      try {
        PosixFileAttributes made = Files.readAttributes(probe, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return Optional.of(new KeptFiles(made.owner(), made.permissions()));
      } finally {
        Files.delete(probe);
      }
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  static long size(List<byte[]> chunks) {
    long size = 0;
    for (byte[] chunk : chunks) {
      size += chunk.length;
    }
    return size;
  }

  /** A first look at the previous output's file, before linking: worth linking to see. */
  boolean couldKeep(Path old, long size) {
    try {
      PosixFileAttributes file = Files.readAttributes(old, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return asNew(file, size) && links(old) == 1;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * True when {@code staged}, just linked to {@code old}, is what writing the chunks would have
   * made: a regular file of this user with a new file's permissions (so no one else can change it
   * later), whose only other name is {@code old}, reached through no symbolic link, and which
   * holds exactly the chunks' bytes. Looked at through {@code staged}, in the staging folder that
   * only this user may enter, so a swap in the previous output after the first look cannot slip
   * another file, or a link, in.
   */
  boolean keeps(Path staged, Path old, long size, List<byte[]> chunks) {
    try {
      PosixFileAttributes file = Files.readAttributes(staged, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!asNew(file, size) || links(staged) != 2) {
        return false;
      }
      // The other name is the previous output's, with no link or junction on its way.
      if (!old.toRealPath().equals(old)
          || !file.fileKey().equals(Files.readAttributes(old, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey())) {
        return false;
      }
      return holds(staged, chunks, size);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** A regular file of this size, as writing it now would make it: this user's, a new file's permissions. */
  private boolean asNew(PosixFileAttributes file, long size) {
    return file.isRegularFile() && file.size() == size && file.owner().equals(owner) && file.permissions().equals(permissions);
  }

  private static int links(Path file) throws IOException {
    return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
  }

  /** True when {@code file} holds exactly the bytes of {@code chunks}, one after another. */
  private static boolean holds(Path file, List<byte[]> chunks, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      if (channel.size() != size) {
        return false;
      }
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
    }
  }
}
