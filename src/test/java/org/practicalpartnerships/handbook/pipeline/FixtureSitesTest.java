package org.practicalpartnerships.handbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicalpartnerships.handbook.cli.Main;

/**
 * Builds every fixture site under {@code src/test/resources/fixtures/} through the command line,
 * twice, and compares with its expectations:
 *
 * <ul>
 *   <li>{@code expected/diagnostics.txt}: what the build prints to stderr, errors or warnings
 *       (without the file, a build that passes must print nothing there);
 *   <li>{@code expected/files.txt}: every file the build writes;
 *   <li>{@code expected/<page>.html}: the {@code <main>} of each page;
 *   <li>{@code expected/<file>.xml}: generated XML files such as the sitemap, whole.
 * </ul>
 *
 * A fixture uses its own {@code templates/} if it has one, else the real ones, and passes the
 * options in its {@code options.txt} (one a line) if it has one. Run with
 * {@code -Dhandbook.updateFixtures=true} to rewrite the expectations after a deliberate change.
 */
public class FixtureSitesTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  static final boolean UPDATE = Boolean.getBoolean("handbook.updateFixtures");

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  record Run(int exit, String stdout, String stderr) {}

  static Run build(Path fixture, Path out) {
    Path templates = Files.isDirectory(fixture.resolve("templates")) ? Path.of("templates") : Path.of("templates").toAbsolutePath();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("build", "--content", "content", "--templates", templates.toString(), "--out", out.toString()));
    // Options a fixture needs, one a line (such as --today and a date).
    Path options = fixture.resolve("options.txt");
    try {
      if (Files.exists(options)) {
        Files.readAllLines(options).stream().map(String::strip).filter(l -> !l.isEmpty()).forEach(args::add);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    int exit = Main.run(args.toArray(String[]::new), fixture.toAbsolutePath(), new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
    String err = stderr.toString(StandardCharsets.UTF_8).replace(out.toString(), "OUT");
    return new Run(exit, stdout.toString(StandardCharsets.UTF_8), err);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void buildsAsExpectedAndIdenticallyTwice(String name, @TempDir Path tmp) throws IOException {
    Path fixture = FIXTURES.resolve(name);
    Path expected = fixture.resolve("expected");
    Path first = tmp.resolve("first");
    // A previous build's output, which a failed build must leave byte for byte and a good one replace.
    Files.createDirectories(first);
    Files.writeString(first.resolve(".handbook-output"), "previous\n");
    Files.writeString(first.resolve("previous.html"), "<p>the previous build</p>\n");
    Run run = build(fixture, first);
    Run again = build(fixture, tmp.resolve("second"));
    assertEquals(run.stderr(), again.stderr().replace(tmp.resolve("second").toString(), "OUT"), "diagnostics differ between two runs");

    if (run.exit() != 0) {
      assertEquals(Main.INPUT_ERRORS, run.exit(), "a failing build exits 1\n" + run.stderr());
      assertEquals(Map.of(".handbook-output", "previous\n", "previous.html", "<p>the previous build</p>\n"), text(files(first)),
          "a failed build leaves the previous output as it was");
      assertFalse(run.stderr().contains("Exception"), "no Java exception reaches the user:\n" + run.stderr());
      expect(expected.resolve("diagnostics.txt"), run.stderr());
      return;
    }
    // A build that passes may still warn: what it prints is expected too (nothing, without the file).
    if (Files.exists(expected.resolve("diagnostics.txt")) || !run.stderr().isEmpty()) {
      expect(expected.resolve("diagnostics.txt"), run.stderr());
    }
    Map<String, byte[]> firstFiles = files(first);
    Map<String, byte[]> secondFiles = files(tmp.resolve("second"));
    assertEquals(firstFiles.keySet(), secondFiles.keySet());
    for (String path : firstFiles.keySet()) {
      assertArrayEquals(firstFiles.get(path), secondFiles.get(path), "two builds gave different bytes for " + path);
    }
    expect(expected.resolve("files.txt"), String.join("\n", firstFiles.keySet()) + "\n");
    for (String path : firstFiles.keySet()) {
      if (path.endsWith(".xml")) {
        expect(expected.resolve(path), new String(firstFiles.get(path), StandardCharsets.UTF_8));
      }
      if (path.endsWith(".html")) {
        Document doc = Jsoup.parse(new String(firstFiles.get(path), StandardCharsets.UTF_8));
        Element main = doc.selectFirst("main");
        assertTrue(main != null, path + " has no <main>");
        expect(expected.resolve(path), main.outerHtml() + "\n");
      }
    }
  }

  private static void expect(Path file, String actual) throws IOException {
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
      return;
    }
    if (!Files.exists(file)) {
      fail("missing expectation " + file + "; run mvn test -Dhandbook.updateFixtures=true to create it, then review it. Actual:\n" + actual);
    }
    assertEquals(Files.readString(file), actual, "differs from " + file);
  }

  public static Map<String, String> text(Map<String, byte[]> files) {
    Map<String, String> text = new TreeMap<>();
    files.forEach((path, bytes) -> text.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return text;
  }

  public static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

}
