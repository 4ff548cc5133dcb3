package org.practicalpartnerships.handbook.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No file is ever written twice (README, "Security"): the last defence behind the build's checks
 * ({@code pipeline.ReservedAddressesTest}) refuses a second file at an address, as file systems
 * that ignore case and Unicode normalisation compare addresses, and keeps the first.
 */
class OnceSinkTest {
  @TempDir Path dir;

  private static List<byte[]> text(String s) {
    return List.of(s.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"search-index.js", "Search-Index.JS", "SEARCH-INDEX.js"})
  void aSecondFileAtAnAddressIsRefusedAndTheFirstKept(String second) throws IOException {
    MemorySink memory = new MemorySink();
    OnceSink once = new OnceSink(memory);
    once.write("search-index.js", text("index"));
    OutputSink.AlreadyWritten e = assertThrows(OutputSink.AlreadyWritten.class, () -> once.write(second, text("alert(1)")));
    assertEquals(second, e.path());
    assertEquals(Map.of("search-index.js", "index"), Map.of("search-index.js", new String(memory.files().get("search-index.js"), StandardCharsets.UTF_8)));
    assertEquals(1, memory.files().size());
  }

  @Test
  void namesThatDifferOnlyInHowAnAccentIsWrittenAreOneAddress() throws IOException {
    OnceSink once = new OnceSink(new MemorySink());
    once.write("tags/caf\u00e9.html", text("one"));
    assertTrue(once.wasWritten("tags/cafe\u0301.html"));
    assertThrows(OutputSink.AlreadyWritten.class, () -> once.write("tags/cafe\u0301.html", text("two")));
    assertFalse(once.wasWritten("tags/cafe.html"));
  }

  @Test
  void aMemorySinkRefusesASecondFileItself() throws IOException {
    MemorySink memory = new MemorySink();
    memory.write("a.html", text("first"));
    assertThrows(OutputSink.AlreadyWritten.class, () -> memory.write("a.html", text("second")));
    assertEquals("first", new String(memory.files().get("a.html"), StandardCharsets.UTF_8));
  }

  @Test
  void theOutputFolderNeverCopiesAFileOverOneTheBuildWrote() throws IOException {
    Path out = dir.resolve("site");
    Path evil = Files.writeString(dir.resolve("evil.js"), "alert(1)");
    try (OutputWriter.Staging staging = OutputWriter.stage(out)) {
      staging.write("search-index.js", text("index"));
      assertThrows(OutputSink.AlreadyWritten.class, () -> staging.write("search-index.js", text("again")));
      OutputSink.AlreadyWritten e = assertThrows(OutputSink.AlreadyWritten.class, () -> staging.commit(Map.of("search-index.js", evil)));
      assertEquals("search-index.js", e.path());
    }
    assertFalse(Files.exists(out.resolve("search-index.js")), "nothing is swapped in after a refused copy");
    assertArrayEquals("alert(1)".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(evil));
  }
}
