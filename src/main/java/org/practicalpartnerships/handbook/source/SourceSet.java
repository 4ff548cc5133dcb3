package org.practicalpartnerships.handbook.source;

import java.util.List;
import java.util.Optional;

/**
 * Everything read from the content folder, sorted by path.
 *
 * @param pages the Markdown files
 * @param data the YAML data files the generator reads itself (site settings, glossary, ...)
 * @param assets every other file, copied to the output as it is
 */
public record SourceSet(List<ContentFile> pages, List<ContentFile> data, List<ContentFile> assets) {

  public Optional<ContentFile> dataFile(String relativePath) {
    return data.stream().filter(f -> f.relativePath().equals(relativePath)).findFirst();
  }
}
