package org.practicalpartnerships.handbook.output;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** An {@link OutputSink} that keeps each file's bytes, for {@code serve} and for tests. */
public final class MemorySink implements OutputSink {
  private final Map<String, byte[]> files = new ConcurrentSkipListMap<>();

  @Override
  public void write(String path, List<byte[]> chunks) throws AlreadyWritten {
    byte[] bytes;
    if (chunks.size() == 1) {
      bytes = chunks.get(0);
    } else {
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      chunks.forEach(joined::writeBytes);
      bytes = joined.toByteArray();
    }
    if (files.putIfAbsent(path, bytes) != null) {
      throw new AlreadyWritten(path);
    }
  }

  /** Every file written, by site path. */
  public SortedMap<String, byte[]> files() {
    return new TreeMap<>(files);
  }
}
