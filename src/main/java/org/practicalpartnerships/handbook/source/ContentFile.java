package org.practicalpartnerships.handbook.source;

import java.nio.file.Path;
import org.practicalpartnerships.handbook.diagnostics.SourceText;

/**
 * One file under the content folder.
 *
 * @param relativePath path inside the content folder, always with {@code /} separators
 * @param absolutePath where it lives on disk (after symlinks were checked)
 * @param text the decoded text for Markdown and YAML files; null for assets, which are copied as bytes
 */
public record ContentFile(String relativePath, Path absolutePath, SourceText text) {

  public boolean isMarkdown() {
    return relativePath.endsWith(".md");
  }
}
