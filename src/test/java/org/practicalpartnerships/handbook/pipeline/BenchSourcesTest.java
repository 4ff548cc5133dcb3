package org.practicalpartnerships.handbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's Java sources ({@code bench/*.java}, run as single-file programs by {@code
 * bench/run}) still compile against the engine, so a change to the engine's API cannot leave
 * {@code bench/run} broken until someone next measures.
 */
class BenchSourcesTest {
  @TempDir Path classes;

  @Test
  void theBenchmarkProgramsCompileAgainstTheEngine() throws IOException {
    List<String> sources;
    try (Stream<Path> files = Files.list(Path.of("bench"))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
    assertFalse(sources.isEmpty(), "bench/*.java");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    for (String source : sources) {
      // One at a time: each is a program of its own, as `java bench/X.java` runs it.
      List<String> args = new ArrayList<>(List.of("-proc:none", "-d", classes.resolve(Path.of(source).getFileName().toString()).toString(),
          "-cp", System.getProperty("java.class.path"), source));
      int status = javac.run(null, null, new PrintStream(messages, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
      assertEquals(0, status, source + " does not compile:\n" + messages.toString(StandardCharsets.UTF_8));
    }
  }
}
