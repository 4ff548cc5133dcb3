package org.practicalpartnerships.handbook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a path really leads, whether or not it exists yet. */
class RealPathsTest {
  @TempDir Path temp;
  Path dir;

  @BeforeEach
  void real() throws IOException {
    dir = temp.toRealPath();
    Files.createDirectories(dir.resolve("a/b"));
  }

  @Test
  void anExistingPathIsItsRealPath() throws IOException {
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("a/b"));
    assertEquals(dir.resolve("a/b"), RealPaths.of(dir.resolve("link")));
    assertEquals(dir.resolve("a/b"), RealPaths.of(dir.resolve("a/./x/../b")));
  }

  @Test
  void aMissingPathIsItsNearestExistingParentsRealPathAndTheRest() throws IOException {
    Files.createSymbolicLink(dir.resolve("link"), Path.of("a/b"));
    assertEquals(dir.resolve("a/b/c/d"), RealPaths.of(dir.resolve("link/c/d")));
    assertEquals(dir.resolve("a/c"), RealPaths.of(dir.resolve("link/../c")), "'..' after a link climbs from where the link leads, as the system does");
  }

  @Test
  void aDanglingLinkLeadsWhereItPoints() throws IOException {
    Files.createSymbolicLink(dir.resolve("dangling"), Path.of("a/b/not-yet"));
    Files.createSymbolicLink(dir.resolve("chain"), Path.of("dangling"));
    assertEquals(dir.resolve("a/b/not-yet"), RealPaths.of(dir.resolve("dangling")));
    assertEquals(dir.resolve("a/b/not-yet/site"), RealPaths.of(dir.resolve("chain/site")));
  }

  @Test
  void aLoopIsReported() throws IOException {
    Files.createSymbolicLink(dir.resolve("x"), Path.of("y"));
    Files.createSymbolicLink(dir.resolve("y"), Path.of("x"));
    assertThrows(FileSystemLoopException.class, () -> RealPaths.of(dir.resolve("x")));
    assertThrows(FileSystemLoopException.class, () -> RealPaths.of(dir.resolve("y/below")));
  }

  @Test
  void overlapMeansTheSameOrOneInsideTheOther() {
    assertTrue(RealPaths.overlap(dir.resolve("a"), dir.resolve("a/b")));
    assertTrue(RealPaths.overlap(dir.resolve("a/b"), dir.resolve("a")));
    assertTrue(RealPaths.overlap(dir.resolve("a"), dir.resolve("a")));
    assertFalse(RealPaths.overlap(dir.resolve("a"), dir.resolve("ab")));
  }
}
