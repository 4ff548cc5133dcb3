package org.practicalpartnerships.handbook.output;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last defence against a file written twice: passes each file to the sink it wraps once, and
 * refuses a second file at the same address ({@link OutputSink.AlreadyWritten}), where the
 * address compares as the file systems of macOS and Windows do (case and Unicode normalisation
 * ignored). The build's checks find every such clash first and report it at the content file
 * ({@code pipeline.Addresses}); this makes sure that a clash they missed fails the build with a
 * diagnostic, never replaces a generated file, and never crashes.
 */
public final class OnceSink implements OutputSink {
  private final OutputSink sink;
  private final Set<String> written = ConcurrentHashMap.newKeySet();

  public OnceSink(OutputSink sink) {
    this.sink = sink;
  }

  @Override
  public void write(String path, List<byte[]> chunks) throws IOException {
    if (!written.add(key(path))) {
      throw new AlreadyWritten(path);
    }
    sink.write(path, chunks);
  }

  /** True when a file was written at {@code path} (or at one the file system takes for it). */
  public boolean wasWritten(String path) {
    return written.contains(key(path));
  }

  /** The address as file systems that ignore case and normalisation compare it. */
  public static String key(String path) {
    return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }
}
