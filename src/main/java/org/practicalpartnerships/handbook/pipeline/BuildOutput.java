package org.practicalpartnerships.handbook.pipeline;

import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A finished build. The files it made have gone to the build's {@link
 * org.practicalpartnerships.handbook.output.OutputSink}; what is left is what the output still
 * needs.
 *
 * @param copies output path to the file it is copied from, for assets
 * @param pageCount how many HTML pages the build made
 */
public record BuildOutput(SortedMap<String, Path> copies, int pageCount) {
  public BuildOutput {
    copies = Collections.unmodifiableSortedMap(new TreeMap<>(copies));
  }
}
