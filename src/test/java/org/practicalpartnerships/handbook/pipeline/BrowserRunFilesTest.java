package org.practicalpartnerships.handbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicalpartnerships.handbook.cli.Main;

/**
 * Content files a browser would run are never published (README, "Security"): documents and
 * scripts ({@code .html}, {@code .htm}, {@code .xhtml}, {@code .js}, {@code .mjs}, {@code .xml},
 * {@code .xsl}, ...) are errors at the file in any letters, and SVG drawings are held to the
 * raw-HTML policy, each problem at its line, with {@code raw_html: strip} too; the previous output
 * is kept. A harmless drawing is published byte for byte.
 */
class BrowserRunFilesTest {
  @TempDir Path dir;
  Path content;

  @BeforeEach
  void handbook() throws IOException {
    content = dir.resolve("content");
    Files.createDirectories(content.resolve("files"));
    Files.writeString(content.resolve("index.md"), "---\ntitle: Home\ndescription: Home.\n---\n\nBody.\n");
  }

  static Arguments bad(String path, byte[] bytes, String expected) {
    return Arguments.of(path, bytes, expected);
  }

  static Arguments bad(String path, String text, String expected) {
    return bad(path, text.getBytes(StandardCharsets.UTF_8), expected);
  }

  static Stream<Arguments> refused() {
    String runs = "error: a browser runs '.";
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n";
    return Stream.of(
        bad("files/evil.html", "<script>alert(document.cookie)</script>\n", "content/files/evil.html: " + runs + "html' files as code"),
        bad("files/EVIL.HTM", "<p>hello</p>\n", "content/files/EVIL.HTM: " + runs + "htm' files as code"),
        bad("files/page.xhtml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>\n", "content/files/page.xhtml: " + runs + "xhtml' files"),
        bad("files/app.js", "alert(1)\n", "content/files/app.js: " + runs + "js' files as code, with the handbook's address and without its pages' Content-Security-Policy"),
        bad("files/module.MJS", "export default 1;\n", "content/files/module.MJS: " + runs + "mjs' files"),
        bad("files/data.xml", "<?xml-stylesheet type=\"text/xsl\" href=\"t.xsl\"?><r/>\n", "content/files/data.xml: " + runs + "xml' files"),
        bad("files/t.xsl", "<xsl:stylesheet/>\n", "content/files/t.xsl: " + runs + "xsl' files"),
        bad("files/figure.svgz", new byte[] {0x1f, (byte) 0x8b, 8, 0}, "content/files/figure.svgz: error: a compressed SVG cannot be checked for script; save the drawing as a plain .svg"),
        bad("files/onload.svg", svg + "  <rect onload=\"alert(1)\"/>\n</svg>\n", "content/files/onload.svg:2:9: error: the event-handler attribute 'onload' is not allowed"),
        bad("files/script.svg", svg + "<script>alert(1)</script>\n</svg>\n", "content/files/script.svg:2:1: error: <script> is not allowed in an SVG file"),
        bad("files/link.SVG", svg + "<a href=\"javascript:alert(1)\"><text>x</text></a></svg>\n", "content/files/link.SVG:2:4: error: 'javascript:' URLs are not allowed"),
        bad("files/html-in.svg", svg + "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>\n",
            "content/files/html-in.svg:2:1: error: <foreignObject> is not allowed in an SVG file"),
        bad("files/utf16.svg", (svg + "<script>alert(1)</script></svg>\n").getBytes(StandardCharsets.UTF_16), "content/files/utf16.svg:1:1: error: the file is not valid UTF-8"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusedAtTheFileAndThePreviousOutputKept(String path, byte[] bytes, String expected) throws IOException {
    assertEquals(0, run().code());
    Map<String, byte[]> before = FixtureSitesTest.files(dir.resolve("site"));
    Files.write(content.resolve(path), bytes);
    Run bad = run();
    assertEquals(1, bad.code(), bad.stderr());
    assertTrue(bad.stderr().contains(expected), "expected «" + expected + "» in:\n" + bad.stderr());
    assertFalse(bad.stderr().contains("Exception") || bad.stderr().contains("\tat "), bad.stderr());
    Map<String, byte[]> after = FixtureSitesTest.files(dir.resolve("site"));
    assertEquals(before.keySet(), after.keySet());
    before.forEach((p, b) -> assertArrayEquals(b, after.get(p), p + " changed"));
  }

  @Test
  void stripDoesNotPublishAnUnsafeDrawingEither() throws IOException {
    Files.writeString(content.resolve("site.yml"), "title: Strip\nraw_html: strip\n");
    Files.writeString(content.resolve("files/onload.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>\n");
    Run run = run();
    assertEquals(1, run.code(), run.stderr());
    assertTrue(run.stderr().contains("content/files/onload.svg:1:41: error: the event-handler attribute 'onload' is not allowed"), run.stderr());
  }

  @Test
  void aHarmlessDrawingAndOtherFilesArePublishedByteForByte() throws IOException {
    String drawing = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\">"
        + "<style>rect{fill:teal}</style><rect width=\"4\" height=\"4\" style=\"stroke:red\"/></svg>\n";
    Files.writeString(content.resolve("files/figure.svg"), drawing);
    Files.writeString(content.resolve("files/data.csv"), "a,b\n1,2\n");
    Files.writeString(content.resolve("files/data.json"), "{\"a\": 1}\n");
    Files.writeString(content.resolve("index.md"), "---\ntitle: Home\ndescription: Home.\n---\n\n![A figure](files/figure.svg)\n");
    Run run = run();
    assertEquals(0, run.code(), run.stderr());
    assertEquals(drawing, Files.readString(dir.resolve("site/files/figure.svg")));
    assertTrue(Files.exists(dir.resolve("site/files/data.csv")) && Files.exists(dir.resolve("site/files/data.json")));
  }

  record Run(int code, String stderr) {}

  private Run run() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"build", "--templates", Path.of("templates").toAbsolutePath().toString()}, dir,
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, err.toString(StandardCharsets.UTF_8));
  }
}
