package org.practicalpartnerships.handbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.cli.Main;
import org.practicalpartnerships.handbook.pipeline.FixtureSitesTest;

/** The committed site/ must be exactly what building content/ and templates/ gives today. */
class RealSiteTest {

  /**
   * The one warning the real handbook has: it has no published address yet, so site.yml sets no
   * base_url and its 404 page works only in the top folder. Whoever publishes it sets base_url
   * to the real address, and this test then expects no warning at all.
   */
  static final String NO_BASE_URL = "content/site.yml: warning: no base_url is set, so 404.html keeps its styles and links only for missing pages";

  @Test
  void committedSiteMatchesAFreshBuildWithNoWarnings(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("site");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(new String[] {"build", "--out", out.toString()}, Path.of(""), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    String diagnostics = err.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, "the real handbook must build with no errors:\n" + diagnostics);
    List<String> warnings = diagnostics.lines().filter(line -> line.contains(": warning: ")).toList();
    boolean published = Files.readString(Path.of("content/site.yml")).contains("base_url:");
    assertEquals(published ? List.of() : List.of(true), warnings.stream().map(w -> w.startsWith(NO_BASE_URL)).toList(),
        "the real handbook must build with no warnings (but base_url's, until it has an address):\n" + diagnostics);

    Map<String, byte[]> built = FixtureSitesTest.files(out);
    Map<String, byte[]> committed = FixtureSitesTest.files(Path.of("site"));
    List<String> problems = new ArrayList<>();
    for (String path : built.keySet()) {
      if (!committed.containsKey(path)) {
        problems.add("missing from site/: " + path);
      } else if (!Arrays.equals(built.get(path), committed.get(path))) {
        problems.add("out of date in site/: " + path);
      }
    }
    for (String path : committed.keySet()) {
      if (!built.containsKey(path)) {
        problems.add("in site/ but no longer built: " + path);
      }
    }
    assertTrue(problems.isEmpty(), "site/ is stale; run ./handbook build and commit site/:\n" + String.join("\n", problems));
  }
}
