package org.practicalpartnerships.handbook.outputs;

import java.util.List;

/**
 * A file an output makes, as UTF-8 bytes in parts (a large file is never joined in memory).
 *
 * @param path its site path, such as {@code sitemap.xml}
 * @param chunks its bytes, in order
 * @param pages for a document readers download (a PDF), its number of pages, which pages that
 *     link to it show; 0 for other files
 */
public record OutputFile(String path, List<byte[]> chunks, int pages) {
  public OutputFile {
    chunks = List.copyOf(chunks);
  }

  public OutputFile(String path, List<byte[]> chunks) {
    this(path, chunks, 0);
  }

  /** Its size in bytes. */
  public long size() {
    return chunks.stream().mapToLong(chunk -> chunk.length).sum();
  }
}
