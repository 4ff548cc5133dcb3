package org.practicalpartnerships.handbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.cli.Main;

/** Valid but unusual input keeps working; pathological input is a diagnostic, never a crash. */
class EdgeCaseInputTest {
  @TempDir Path dir;
  String stderr;

  int build() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = {"build", "--templates", Path.of("templates").toAbsolutePath().toString()};
    int code = Main.run(args, dir, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    stderr = err.toString(StandardCharsets.UTF_8);
    return code;
  }

  void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  Document page(String path) throws IOException {
    return Jsoup.parse(dir.resolve("site").resolve(path).toFile(), "UTF-8");
  }

  @Test
  void deepNestingLongPagesAndNonAsciiNamesBuild() throws IOException {
    StringBuilder deep = new StringBuilder("---\ntitle: Deep\ndescription: Deep lists and quotes.\n---\n\n");
    for (int i = 0; i < 150; i++) {
      deep.append("  ".repeat(i)).append("- level ").append(i).append('\n');
    }
    deep.append('\n').append(">".repeat(200)).append(" a quote two hundred deep\n");
    StringBuilder longPage = new StringBuilder("---\ntitle: Long\ndescription: A very long page.\n---\n\n");
    for (int i = 0; i < 20_000; i++) {
      longPage.append("Paragraph ").append(i).append(" about partnership and trust.\n\n");
    }
    write("content/index.md", "---\ntitle: Home\ndescription: Home.\n---\n\n[Deep](deep.md), [long](long.md), [café](café-ünïcode.md).\n");
    write("content/deep.md", deep.toString());
    write("content/long.md", longPage.toString());
    write("content/café-ünïcode.md", "\uFEFF---\r\ntitle: Café ünïcode — 日本語\r\ndescription: A non-ASCII name and title, with a BOM and CRLF.\r\n---\r\n\r\nBack [home](index.md).\r\n");

    assertEquals(0, build(), stderr);
    assertEquals(150, page("deep.html").select("main article li").size());
    assertEquals(200, page("deep.html").select("main blockquote").size());
    assertEquals(20_000, page("long.html").select("main article > p:not(.lead)").size());
    Document cafe = page("café-ünïcode.html");
    assertEquals("Café ünïcode — 日本語", cafe.selectFirst("h1").text());
    assertTrue(page("index.html").selectFirst("a[href=café-ünïcode.html]") != null, "links to non-ASCII file names resolve");
  }

  @Test
  void pathologicalMarkdownIsADiagnosticNotACrash() throws IOException {
    write("content/index.md", "---\ntitle: Home\ndescription: Home.\n---\n\nFine.\n");
    write("content/evil.md", "---\ntitle: Evil\ndescription: Designed to exhaust the parser.\n---\n\n" + ">".repeat(5000) + " deep\n\n" + "*".repeat(20_000) + "\n");
    assertEquals(1, build());
    // 5,000 nested quotes: refused at their line, by the limit on the work one page may take.
    assertTrue(stderr.contains("content/evil.md:6:1: error: this page would take minutes to read"), stderr);
    assertFalse(stderr.contains("Exception") || stderr.contains("Error:") || stderr.contains("\tat "), "no stack trace:\n" + stderr);
    assertFalse(Files.exists(dir.resolve("site")));
  }
}
