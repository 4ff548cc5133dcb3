package org.practicalpartnerships.handbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.output.OutputWriter;

/**
 * Crash safety: a build killed (SIGKILL) at any moment leaves the output folder as it was or
 * complete, never a mixture. The kill lands at different moments of a build of a 400-page corpus
 * with the real templates; after each, the output is compared file by file with the old and the
 * new build. (A kill between the two renames of the swap leaves the old output beside the folder,
 * which the next build, or {@link OutputWriter#recover}, puts back first.)
 */
class KillIT {
  @TempDir Path dir;

  @Test
  void aBuildKilledAtAnyMomentLeavesTheOldOutputOrTheNewOne() throws Exception {
    Path content = dir.resolve("content");
    run(List.of(java(), "bench/CorpusGenerator.java", content.toString(), "400"), 120);
    Path out = dir.resolve("site");
    build(content, out);
    Map<String, String> old = snapshot(out);
    // Change every page, so every output file of the new build differs from the old.
    try (Stream<Path> pages = Files.walk(content)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
        Files.writeString(page, Files.readString(page).replaceFirst("title: ", "title: New "));
      }
    }
    Path fresh = dir.resolve("fresh");
    build(content, fresh);
    Map<String, String> updated = snapshot(fresh);

    List<String> states = new ArrayList<>();
    for (int delay = 100; delay <= 2500; delay += 200) {
      Process build = start(content, out);
      Thread.sleep(delay);
      build.destroyForcibly();
      build.waitFor(30, TimeUnit.SECONDS);
      OutputWriter.recover(out);
      Map<String, String> now = snapshot(out);
      String state = now.equals(old) ? "old" : now.equals(updated) ? "new" : "MIXED";
      states.add(delay + " ms: " + state);
      assertTrue(!state.equals("MIXED"), "killed after " + delay + " ms the output is a mixture: " + states);
      if (state.equals("new")) {
        // Put the old output back for the next round.
        OutputWriter.deleteTree(out);
        build(restore(content), out);
        assertEquals(old, snapshot(out));
        build(renew(content), fresh);
      }
    }
    assertTrue(states.stream().anyMatch(s -> s.endsWith("old")), "some kills landed mid-build: " + states);
  }

  private Path restore(Path content) throws IOException {
    rewrite(content, "title: New ", "title: ");
    return content;
  }

  private Path renew(Path content) throws IOException {
    rewrite(content, "title: ", "title: New ");
    return content;
  }

  private static void rewrite(Path content, String from, String to) throws IOException {
    try (Stream<Path> pages = Files.walk(content)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
        Files.writeString(page, Files.readString(page).replaceFirst(from, to));
      }
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static Process start(Path content, Path out) throws IOException {
    return new ProcessBuilder(java(), "-jar", Path.of("target/handbook.jar").toAbsolutePath().toString(), "build",
        "--content", content.toString(), "--templates", Path.of("templates").toAbsolutePath().toString(), "--out", out.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static void build(Path content, Path out) throws Exception {
    Process p = start(content, out);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "build of " + content);
  }

  private static void run(List<String> command, int seconds) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(seconds, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), String.join(" ", command));
  }

  private static Map<String, String> snapshot(Path root) throws Exception {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
      }
    }
    return files;
  }
}
