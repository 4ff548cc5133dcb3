package org.practicalpartnerships.handbook.build;

import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A finished build, not yet written.
 *
 * @param files output path to bytes, for the pages and other generated files
 * @param copies output path to the file it is copied from, for assets
 * @param pageCount how many HTML pages the build made
 */
public record BuildOutput(SortedMap<String, byte[]> files, SortedMap<String, Path> copies, int pageCount) {
  public BuildOutput {
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    copies = Collections.unmodifiableSortedMap(new TreeMap<>(copies));
  }
}
