package org.practicalpartnerships.handbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.TestFiles;
import org.practicalpartnerships.handbook.cli.Main;

/**
 * Fuzzing: a sample handbook's pages, glossary and decision tree, mutated at random (lines
 * dropped, doubled and swapped; characters, YAML and Markdown syntax and raw HTML inserted;
 * bytes flipped), go through the whole pipeline. Whatever comes in, the build ends with output or
 * with diagnostics in the documented form: never an exception, a stack trace or an internal error.
 *
 * <p>The unit run does a short {@value #DEFAULT_ROUNDS} rounds; {@code PipelineFuzzIT} does
 * {@value PipelineFuzzIT#ROUNDS} in {@code mvn verify}. For a longer run: {@code mvn test
 * -Dtest=PipelineFuzzTest -Dhandbook.fuzz.rounds=5000 -Dhandbook.fuzz.seed=N}; a failure prints the
 * seed and round that reproduce it.
 */
class PipelineFuzzTest {
  static final int DEFAULT_ROUNDS = 30;
  static final Pattern HEADLINE = Pattern.compile("^[^\\s].*?(:\\d+(:\\d+)?)?: (error|warning): .+$");
  static final String[] INSERTS = {
    "\t", "---\n", "\"", "'", ": ", "- ", "[", "]", "{", "}", "&a", "*a", "!!java.io.File", "!custom", "<<: *a", "%", "@",
    "# ", "## ", "### ", "> ", "```\n", "| a | b |\n|---|---|\n", "!!! note \"x\"\n    body\n", "[^1]", "[^1]: note\n",
    "[link](missing.md)", "[link](#nowhere)", "[x](../../../etc/passwd)", "![](img.png)", "<script>x</script>", "<a href=\"javascript:1\">",
    "<b onclick=\"x()\">", "<div style=\"x\">", "<!--", "-->", "\u0000", "\uFEFF", "\r", "\r\n", "é", "日本", "\uD800", "~~", "**", "__",
    "{#id}", "{.c}", "***\n", "\\", "<", ">", "&amp;", "${x}", "<#if>", "\n\n", "title: x\n", "next: nowhere\n", "start: nowhere\n"};

  @TempDir Path dir;

  @Test
  void mutatedContentAlwaysEndsInOutputOrDiagnostics() throws IOException {
    fuzz(dir, Long.getLong("handbook.fuzz.seed", 20261124L), Integer.getInteger("handbook.fuzz.rounds", DEFAULT_ROUNDS));
  }

  /** Builds {@code rounds} damaged copies of the sample handbook under {@code dir}, each checked. */
  static void fuzz(Path dir, long seed, int rounds) throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(TestFiles.SAMPLE_CONTENT)) {
      sources = files.filter(Files::isRegularFile).sorted().toList();
    }
    Random random = new Random(seed);
    for (int round = 0; round < rounds; round++) {
      Path site = dir.resolve("round-" + round);
      Path content = site.resolve("content");
      // A small site: the glossary, the tree, the site file and a handful of pages, some mutated.
      List<Path> picked = new ArrayList<>();
      for (Path source : sources) {
        String name = source.getFileName().toString();
        if (name.endsWith(".yml") || random.nextInt(4) == 0) {
          picked.add(source);
        }
      }
      for (Path source : picked) {
        Path target = content.resolve(TestFiles.SAMPLE_CONTENT.relativize(source).toString());
        Files.createDirectories(target.getParent());
        byte[] bytes = Files.readAllBytes(source);
        Files.write(target, random.nextInt(3) == 0 ? mutate(bytes, random) : bytes);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      String[] args = {"build", "--templates", Path.of("templates").toAbsolutePath().toString(), "--out", site.resolve("site").toString()};
      int code = Main.run(args, site, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
      String stderr = err.toString(StandardCharsets.UTF_8);
      String where = "seed " + seed + ", round " + round + " (rerun with -Dhandbook.fuzz.seed=" + seed + ")";
      if (code != 0 && code != 1) {
        fail(where + ": exit " + code + "\n" + stderr);
      }
      assertFalse(stderr.contains("internal error") || stderr.contains("Exception") || stderr.contains("\tat "), where + ": a crash\n" + stderr);
      if (code == 0) {
        assertTrue(Files.isRegularFile(site.resolve("site/index.html")) || !Files.exists(content.resolve("index.md")), where + ": no output");
      } else {
        assertTrue(stderr.lines().anyMatch(line -> HEADLINE.matcher(line).matches()), where + ": failed without a diagnostic\n" + stderr);
        assertFalse(Files.exists(site.resolve("site")), where + ": a failed build wrote output");
      }
    }
  }

  /** A few random edits: the kinds of damage editors and tools really do. */
  static byte[] mutate(byte[] input, Random random) {
    String text = new String(input, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && !lines.isEmpty(); e++) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(6)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> lines.add(random.nextInt(lines.size()), lines.remove(at));
        case 3 -> {
          String line = lines.get(at);
          int col = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
          lines.set(at, line.substring(0, col) + INSERTS[random.nextInt(INSERTS.length)] + line.substring(col));
        }
        case 4 -> lines.set(at, INSERTS[random.nextInt(INSERTS.length)].repeat(1 + random.nextInt(50)));
        default -> {
          byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
          if (bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
          }
          return bytes;
        }
      }
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }
}
