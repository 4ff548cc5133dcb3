package org.practicalpartnerships.handbook.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicalpartnerships.handbook.cli.Main;

/**
 * Control characters from the content never reach the terminal raw: in the source line, the caret
 * line, file names and messages quoting content, they are shown as escapes ({@code \x1b},
 * {@code \u202e}), the caret stays under its column, and {@code check --format json} escapes
 * them too. README, "Security".
 */
class TerminalSafetyTest {
  @TempDir Path dir;

  /** Each payload, and what it must be shown as. */
  static Stream<Arguments> payloads() {
    return Stream.of(
        Arguments.of("an ANSI colour", "\u001b[31mred\u001b[0m", "\\x1b[31mred\\x1b[0m"),
        Arguments.of("an OSC title, ended by BEL", "\u001b]0;pwned\u0007", "\\x1b]0;pwned\\x07"),
        Arguments.of("an OSC clipboard write, ended by ST", "\u001b]52;c;ZWNobyBoaQ==\u001b\\", "\\x1b]52;c;ZWNobyBoaQ==\\x1b\\"),
        Arguments.of("an OSC 8 link that lies", "\u001b]8;;https://evil.example\u001b\\safe\u001b]8;;\u001b\\", "\\x1b]8;;https://evil.example\\x1b\\safe\\x1b]8;;\\x1b\\"),
        Arguments.of("a C1 CSI", "\u009b2J", "\\x9b2J"),
        Arguments.of("a C1 OSC and ST", "\u009d0;x\u009c", "\\x9d0;x\\x9c"),
        Arguments.of("a carriage return that hides the line", "evil\rgood", "evil\\x0dgood"),
        Arguments.of("backspaces", "ab\b\bcd", "ab\\x08\\x08cd"),
        Arguments.of("NUL and DEL", "a\u0000b\u007fc", "a\\x00b\\x7fc"),
        Arguments.of("a bidi override (Trojan Source)", "x = \u202eevil\u202c;", "x = \\u202eevil\\u202c;"),
        Arguments.of("bidi isolates and marks", "\u2066a\u2069\u200f\u061c", "\\u2066a\\u2069\\u200f\\u061c"),
        Arguments.of("a line separator", "one\u2028two", "one\\u2028two"));
  }

  static String print(Diagnostic d) {
    StringWriter out = new StringWriter();
    PrintWriter writer = new PrintWriter(out);
    DiagnosticPrinter.print(List.of(d), writer);
    writer.flush();
    return out.toString().replace(System.lineSeparator(), "\n");
  }

  static void noRawControls(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      assertFalse(c != '\n' && c != '\t' && TerminalText.unsafe(c), "raw U+" + Integer.toHexString(c) + " at " + i + " in:\n" + text);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void aPayloadIsShownVisiblyEverywhereADiagnosticPrintsContent(String name, String payload, String shown) {
    String line = "Before " + payload + " after [x](missing.md).";
    int column = line.indexOf("[x]") + 1;
    Diagnostic d = new Diagnostic("content/" + payload + ".md", 3, column, Severity.ERROR, "no page or file '" + payload + ".md' in the content folder", line);
    String printed = print(d);
    noRawControls(printed);
    String[] lines = printed.split("\n", -1);
    assertEquals("content/" + shown + ".md:3:" + column + ": error: no page or file '" + shown + ".md' in the content folder", lines[0]);
    assertEquals("Before " + shown + " after [x](missing.md).", lines[1]);
    assertEquals(lines[1].indexOf("[x]"), lines[2].indexOf('^'), "the caret is under '[x]':\n" + printed);
    assertEquals(lines[2].strip(), "^");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void jsonEscapesEveryPayload(String name, String payload, String shown) {
    String json = JsonDiagnostics.toJson(List.of(new Diagnostic("content/" + payload + ".md", 1, 1, Severity.ERROR, "quoting " + payload, payload)));
    noRawControls(json.replace("\n", ""));
    assertFalse(json.contains(payload), json);
  }

  @Test
  void theCaretLinesUpAfterTabsAndEscapesTogether() {
    String line = "\t\u001b[1m\tx\u202e[y](missing.md)";
    Diagnostic d = new Diagnostic("a.md", 1, line.indexOf("[y]") + 1, Severity.ERROR, "no page", line);
    String[] lines = print(d).split("\n");
    assertEquals("\t\\x1b[1m\tx\\u202e[y](missing.md)", lines[1]);
    assertEquals("\t" + " ".repeat(7) + "\t" + " ".repeat(7) + "^", lines[2]);
    assertEquals(lines[1].indexOf("[y]"), lines[2].indexOf('^'));
  }

  @Test
  void aBuildPrintsNoControlCharacterFromAPageOrItsFileName() throws IOException {
    Files.createDirectories(dir.resolve("content"));
    Files.writeString(dir.resolve("content/index.md"), "---\ntitle: Home\ndescription: Home.\n---\n\nSee \u001b]0;pwned\u0007 [the guide](gide.md) \u009b2J.\n");
    Files.writeString(dir.resolve("content/\u001b[2J\u202e.md"), "---\ntitle: \u001b]0;x\u0007\n---\n\nBody \u001b[5m[bad](nowhere.md)\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"check", "--templates", Path.of("templates").toAbsolutePath().toString()}, dir,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, stderr);
    noRawControls(stderr);
    assertTrue(stderr.contains("See \\x1b]0;pwned\\x07 [the guide](gide.md) \\x9b2J."), stderr);
    assertTrue(stderr.contains("content/\\x1b[2J\\u202e.md:2:"), stderr);
    String[] lines = stderr.split("\n");
    for (int i = 0; i + 2 < lines.length; i++) {
      if (lines[i].startsWith("content/index.md:6:")) {
        assertEquals(lines[i + 1].indexOf("gide.md"), lines[i + 2].indexOf('^'), "the caret is under the link target:\n" + stderr);
      }
    }

    ByteArrayOutputStream json = new ByteArrayOutputStream();
    Main.run(new String[] {"check", "--format", "json", "--templates", Path.of("templates").toAbsolutePath().toString()}, dir,
        new PrintStream(json, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    String report = json.toString(StandardCharsets.UTF_8);
    noRawControls(report.replace("\n", ""));
    assertTrue(report.contains("\\u001b]0;pwned\\u0007") && report.contains("\\u009b2J") && report.contains("\\u202e"), report);
  }

  @Test
  void messagesThatQuoteAPathFromTheCommandLineAreEscapedToo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main.run(new String[] {"build", "--content", "nowhere\u001b]0;x\u0007"}, dir, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    String stderr = err.toString(StandardCharsets.UTF_8);
    noRawControls(stderr);
    assertTrue(stderr.contains("nowhere\\x1b]0;x\\x07"), stderr);
  }

  @Test
  void servePrintsNoControlCharacterFromAPage() throws IOException {
    Files.createDirectories(dir.resolve("content"));
    Files.writeString(dir.resolve("content/index.md"), "---\ntitle: Home\ndescription: Home.\n---\n\n\u001b]0;pwned\u0007\u202e [x](gone.md)\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    org.practicalpartnerships.handbook.pipeline.BuildRequest request =
        new org.practicalpartnerships.handbook.pipeline.BuildRequest(dir.resolve("content"), Path.of("templates").toAbsolutePath(), false);
    try (var session = org.practicalpartnerships.handbook.serve.ServeSession.start(
        new org.practicalpartnerships.handbook.serve.ServeSession.Settings(dir.resolve("content"), Path.of("templates").toAbsolutePath(), "127.0.0.1", 0),
        output -> new org.practicalpartnerships.handbook.serve.IncrementalRebuild(new org.practicalpartnerships.handbook.source.SourceLoader(dir),
            new org.practicalpartnerships.handbook.markdown.MarkdownEngine(), "test", request, output),
        new PrintWriter(out, true), new PrintWriter(err, true))) {
      String terminal = out + "\n" + err;
      noRawControls(terminal);
      assertTrue(terminal.contains("\\x1b]0;pwned\\x07\\u202e [x](gone.md)"), terminal);
    }
  }
}
