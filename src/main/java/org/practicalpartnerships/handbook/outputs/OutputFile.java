package org.practicalpartnerships.handbook.outputs;

import java.util.List;

/**
 * A file an output makes, as UTF-8 bytes in parts (a large file is never joined in memory).
 *
 * @param path its site path, such as {@code sitemap.xml}
 * @param chunks its bytes, in order
 */
public record OutputFile(String path, List<byte[]> chunks) {
  public OutputFile {
    chunks = List.copyOf(chunks);
  }
}
