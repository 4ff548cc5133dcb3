package org.practicalpartnerships.handbook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** File helpers the tests share: copying a handbook to work on, and editing one of its files. */
public final class TestFiles {
  /**
   * A copy of the handbook's content as it stood when the engine's tests were written: tests of
   * the engine use it rather than {@code content/}, so an editor's change cannot break them.
   */
  public static final Path SAMPLE_CONTENT = Path.of("src/test/resources/sample-handbook/content");

  /** The real templates, which the tests build with. */
  public static final Path TEMPLATES = Path.of("templates");

  private TestFiles() {}

  /** Copies every folder and file under {@code from} to the same place under {@code to}. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.sorted().toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Replaces the first text with the second in a file, failing when the first is not there. */
  public static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertTrue(text.contains(from), () -> "'" + from + "' is not in " + file);
    Files.writeString(file, text.replace(from, to));
  }
}
