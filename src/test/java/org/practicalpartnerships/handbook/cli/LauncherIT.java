package org.practicalpartnerships.handbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code handbook} launcher as a user runs it: the first build after a jar build records the
 * start-up archive, later builds map it, and neither run says anything but the build's own line.
 */
class LauncherIT {
  @TempDir Path dir;

  record Run(int exit, String stdout, String stderr) {}

  static Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("./handbook"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.environment().remove("HANDBOOK_JAVA_OPTS");
    Path out = Files.createTempFile("launcher-out", ".txt");
    Path err = Files.createTempFile("launcher-err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the launcher did not finish");
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  static Map<String, String> files(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  /**
   * A handbook that builds with no diagnostic at all, so that any other output is the launcher's:
   * the real one warns that it has no base_url yet.
   */
  static final String QUIET = "src/test/resources/fixtures/not-found-page/content";

  void recordsThenMaps(Map<String, String> env, Path archive) throws Exception {
    Files.deleteIfExists(archive);
    Run first = launch(env, "build", "--content", QUIET, "--out", dir.resolve("first").toString());
    assertEquals(0, first.exit(), first.stderr());
    assertTrue(first.stdout().matches("Built \\d+ pages and copied \\d+ files into .* in \\d+ ms \\(no problems\\)\\.\\n"), "only the build's line: " + first.stdout());
    assertEquals("", first.stderr());
    assertTrue(Files.size(archive) > 1_000_000, "the first build records the start-up archive " + archive);

    Run second = launch(env, "build", "--content", QUIET, "--out", dir.resolve("second").toString());
    assertEquals(0, second.exit(), second.stderr());
    assertTrue(second.stdout().startsWith("Built "), second.stdout());
    assertEquals("", second.stderr());
    assertEquals(files(dir.resolve("first")), files(dir.resolve("second")), "the archive changes nothing in the output");

    Run usage = launch(env, "build", "--content", dir.resolve("missing").toString());
    assertEquals(2, usage.exit());
    assertTrue(usage.stderr().startsWith("handbook: no content folder"), usage.stderr());
  }

  @Test
  void javaOnThePathUsesClassDataSharing() throws Exception {
    Optional<Integer> major = majorVersion(Path.of(ProcessHandle.current().info().command().orElseThrow()));
    Assumptions.assumeTrue(major.isPresent() && major.get() < 25, "the Java running the tests is " + major);
    recordsThenMaps(Map.of("HANDBOOK_JAVA", ProcessHandle.current().info().command().orElseThrow()), Path.of("target/handbook.jsa"));
  }

  @Test
  void java25UsesAnAheadOfTimeCache() throws Exception {
    Optional<Path> java25 = findJava(25);
    Assumptions.assumeTrue(java25.isPresent(), "no Java 25 or later under /usr/lib/jvm");
    int major = majorVersion(java25.get()).orElseThrow();
    recordsThenMaps(Map.of("HANDBOOK_JAVA", java25.get().toString()), Path.of("target/handbook-" + major + ".aot"));
  }

  /** The major version from the JDK's release file, as the launcher reads it. */
  static Optional<Integer> majorVersion(Path java) throws IOException {
    Path release = java.toRealPath().getParent().getParent().resolve("release");
    if (!Files.exists(release)) {
      return Optional.empty();
    }
    for (String line : Files.readAllLines(release)) {
      if (line.startsWith("JAVA_VERSION=\"")) {
        return Optional.of(Integer.parseInt(line.substring(14).split("[.\"]")[0]));
      }
    }
    return Optional.empty();
  }

  static Optional<Path> findJava(int atLeast) throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      for (Path home : homes.sorted().toList()) {
        Path java = home.resolve("bin/java");
        if (Files.isExecutable(java) && majorVersion(java).filter(v -> v >= atLeast).isPresent()) {
          return Optional.of(java);
        }
      }
    }
    return Optional.empty();
  }
}
