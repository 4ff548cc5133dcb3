package org.practicalpartnerships.handbook.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The output folder (or the folder beside it, where the staging folder and the lock go) could not
 * be made or written: no permission, a read-only or special file system such as {@code /proc}, a
 * full disk. Not a bug, and not bad content: the message says what happened and what to do, and
 * the command line exits with a usage error.
 */
public final class OutputException extends IOException {
  private static final long serialVersionUID = 1L;

  public OutputException(Path out, IOException cause) {
    super("cannot write the output folder '" + out + "': " + describe(cause)
        + "; choose another --out, or make sure you may write there (and that the disk has room)", cause);
  }

  /** An I/O failure in a few words, naming the file where the system said which. */
  static String describe(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied for '" + a.getFile() + "'";
    }
    if (e instanceof NoSuchFileException n) {
      return "'" + n.getFile() + "' cannot be made there";
    }
    if (e instanceof NotDirectoryException n) {
      return "'" + n.getFile() + "' is not a folder";
    }
    if (e instanceof FileAlreadyExistsException f) {
      return "'" + f.getFile() + "' is in the way";
    }
    if (e instanceof FileSystemException f) {
      String reason = f.getReason() != null ? f.getReason().toLowerCase(java.util.Locale.ROOT) : "it failed";
      return f.getFile() != null ? reason + " ('" + f.getFile() + "')" : reason;
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
