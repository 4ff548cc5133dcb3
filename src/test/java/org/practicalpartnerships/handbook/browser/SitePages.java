package org.practicalpartnerships.handbook.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The pages of the committed site/, which RealSiteTest keeps equal to a fresh build. */
final class SitePages {
  static final Path SITE = Path.of("site");

  private SitePages() {}

  static List<String> all() throws IOException {
    try (Stream<Path> files = Files.walk(SITE)) {
      return files.filter(p -> p.toString().endsWith(".html")).map(p -> SITE.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }
}
