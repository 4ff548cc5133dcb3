package org.practicalpartnerships.handbook.yaml;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged copies of real YAML files (a character deleted, a quote, bracket, colon, tab or dash put
 * in, a line's indentation changed) never make the reader throw, every problem points inside the
 * text, and the translation never falls back to the parser's own words for the damage editors
 * make most.
 */
class YamlDamageTest {
  private static final String[] INSERTS = {":", ": ", "\"", "'", "[", "]", "{", "}", "\t", "- ", "-", "*", "&", "!", "@", "`", "|", "#", "\\", "\n", "  ", " "};

  @Test
  void damagedFilesAreReportedNeverThrown() throws IOException {
    Path sample = Path.of("src/test/resources/sample-handbook/content");
    List<String> texts = List.of(Files.readString(sample.resolve("decide.yml")), Files.readString(sample.resolve("glossary.yml")),
        "title: Home\ndescription: The start.\norder: 1\ntags: [a, b]\n");
    Random random = new Random(Long.getLong("handbook.yaml.damage.seed", 16));
    int rounds = Integer.getInteger("handbook.yaml.damage.rounds", 1500);
    java.util.Map<String, String> byKind = new java.util.TreeMap<>();
    List<String> fallbacks = new java.util.ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      String text = texts.get(round % texts.size());
      StringBuilder damaged = new StringBuilder(text);
      for (int n = 1 + random.nextInt(3); n > 0; n--) {
        int at = random.nextInt(damaged.length());
        switch (random.nextInt(3)) {
          case 0 -> damaged.deleteCharAt(at);
          case 1 -> damaged.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
          default -> {
            int lineStart = damaged.lastIndexOf("\n", at) + 1;
            damaged.insert(lineStart, " ".repeat(1 + random.nextInt(3)));
          }
        }
      }
      String yaml = damaged.toString();
      int lines = (int) yaml.chars().filter(c -> c == '\n').count() + 1;
      YamlReader.Document document = assertDoesNotThrow(() -> new YamlReader(1024 * 1024).parse(yaml, 1), yaml);
      for (YamlProblem problem : document.problems()) {
        assertTrue(problem.position().line() >= 1 && problem.position().line() <= lines && problem.position().column() >= 1, problem + "\n" + yaml);
        if (problem.message().contains("cannot be read as YAML")) {
          fallbacks.add(problem.message() + "\n" + yaml.lines().skip(Math.max(0, problem.position().line() - 3)).limit(4).reduce("", (a, b) -> a + "\n      | " + b));
        }
      }
    }
    fallbacks.forEach(f -> byKind.putIfAbsent(f.substring(0, f.indexOf('\n')), f));
    assertTrue(byKind.isEmpty(), byKind.size() + " kinds in the parser's words:\n" + String.join("\n", byKind.values()));
  }
}
