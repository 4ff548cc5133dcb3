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
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicalpartnerships.handbook.cli.Main;

/**
 * Bad input that fixture folders cannot hold (files made at run time: symbolic links, names that
 * differ only in case, bytes that are not UTF-8, very large files). Each ends with its diagnostic at
 * path:line:col, exit code 1, no stack trace, and the previous output exactly as it was.
 */
class BadInputBatteryTest {
  @TempDir Path dir;

  interface Setup {
    void apply(Path content) throws IOException;
  }

  static Arguments bad(String name, Setup setup, String expected) {
    return Arguments.of(name, setup, expected);
  }

  static String page(String frontMatter) {
    return "---\n" + frontMatter + "---\n\nBody.\n";
  }

  static Stream<Arguments> cases() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      bomb.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(", *").append((char) (c - 1)).append(", *").append((char) (c - 1)).append("]\n");
    }
    return Stream.of(
        bad("an alias bomb", c -> Files.writeString(c.resolve("bomb.md"), "---\ntitle: Bomb\n" + bomb + "---\n"),
            "content/bomb.md:2:1: error: invalid YAML: too many aliases"),
        bad("huge front matter", c -> Files.writeString(c.resolve("huge.md"), "---\ntitle: Huge\ndescription: " + "x".repeat(70_000) + "\n---\n"),
            "content/huge.md:2:1: error: front matter is larger than 64 KiB"),
        bad("names that differ only in case", c -> {
          Files.writeString(c.resolve("Guide.md"), page("title: One\n"));
          Files.writeString(c.resolve("guide.md"), page("title: Two\n"));
        }, "would be published at the same address as"),
        bad("a symbolic link out of the content folder", c -> Files.createSymbolicLink(c.resolve("secret.md"), Path.of("/etc/hostname")),
            "content/secret.md: error: this symbolic link leads outside the content folder"),
        bad("a layout that is a path", c -> Files.writeString(c.resolve("layout.md"), page("title: L\nlayout: ../../../etc/passwd\n")),
            "content/layout.md:3:9: error: 'layout' must be a template name"),
        // Browsers drop tabs and line breaks anywhere in a URL, and control characters at its start.
        bad("a javascript: link with a tab written as an entity", c -> Files.writeString(c.resolve("tab.md"), page("title: T\n") + "[x](java&#9;script:alert(1))\n"),
            "content/tab.md:6:5: error: 'javascript:' URLs are not allowed"),
        bad("a javascript: link in raw HTML with a line break written as an entity", c -> Files.writeString(c.resolve("nl.md"), page("title: N\n") + "<p><a href=\"java&#x0A;script:alert(1)\">x</a></p>\n"),
            "content/nl.md:6:7: error: 'javascript:' URLs are not allowed"),
        bad("a javascript: image after a control character", c -> Files.writeString(c.resolve("ctl.md"), page("title: C\n") + "![x](&#1;javascript:alert(1))\n"),
            "content/ctl.md:6:6: error: 'javascript:' URLs are not allowed"),
        bad("a script URL written as an autolink, in capitals", c -> Files.writeString(c.resolve("auto.md"), page("title: A\n") + "See <JavaScript:alert(1)>.\n"),
            "content/auto.md:6:6: error: 'JavaScript:' URLs are not allowed"),
        bad("a bare script URL that the autolink extension links", c -> Files.writeString(c.resolve("bare.md"), page("title: B\n") + "See JavaScript://%0Aalert(1) here.\n"),
            "content/bare.md:6:5: error: 'JavaScript:' URLs are not allowed"),
        bad("a data: image among srcset's candidates", c -> Files.writeString(c.resolve("srcset.md"), page("title: S\n") + "<img alt=\"x\" srcset=\"a.png 1x, data:image/svg+xml,x 2x\">\n"),
            "content/srcset.md:6:14: error: 'data:' URLs are not allowed"),
        bad("a script URL in a {href} attribute written with an entity", c -> Files.writeString(c.resolve("attr.md"), page("title: At\n") + "[x](index.md){href=\"javascript&#58;alert(1)\"}\n"),
            "content/attr.md:6:15: error: 'javascript:' URLs are not allowed"),
        bad("a vbscript: link with a carriage return inside", c -> Files.writeString(c.resolve("cr.md"), page("title: V\n") + "<a href=\"vb&#13;script:msgbox\">x</a>\n"),
            "content/cr.md:6:4: error: 'vbscript:' URLs are not allowed"),
        bad("an image outside the content folder", c -> Files.writeString(c.resolve("img.md"), page("title: I\n") + "![x](../../../etc/hostname)\n"),
            "content/img.md:6:6: error: this image leads outside the content folder"),
        bad("wrong value types", c -> Files.writeString(c.resolve("types.md"), page("title: [a, b]\norder: 1.5\n")),
            "content/types.md:2:8: error: 'title' must be text, not a list"),
        bad("an empty file", c -> Files.writeString(c.resolve("empty.md"), ""),
            "content/empty.md:1:1: error: the page is empty"),
        bad("bytes that are not UTF-8", c -> Files.write(c.resolve("latin.md"), "---\ntitle: Caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1)),
            "content/latin.md:2:11: error: the file is not valid UTF-8 (byte 0xE9)"),
        bad("a Java type tag in the decision tree", c -> Files.writeString(c.resolve("decide.yml"), "title: !!java.lang.ProcessBuilder [x]\n"),
            "content/decide.yml:1:8: error: invalid YAML: the YAML tag '!!java.lang.ProcessBuilder' is not allowed"),
        bad("a tab in the decision tree", c -> Files.writeString(c.resolve("decide.yml"), "title: T\nintro: I\nstart: a\nnodes:\n\ta: {}\n"),
            "content/decide.yml:5:1: error: invalid YAML: this line is indented with a tab; YAML indents with spaces only"),
        bad("a glossary alias bomb", c -> Files.writeString(c.resolve("glossary.yml"), bomb.toString()),
            "content/glossary.yml:1:1: error: invalid YAML: too many aliases"),
        // File names that links cannot hold as they are: refused, with a name to use instead.
        bad("a '#' in a page's name", c -> Files.writeString(c.resolve("a#b.md"), page("title: A\n")),
            "content/a#b.md: error: the name 'a#b.md' has '#', which has a meaning in web addresses, so links to it would break; rename it, for example to 'a-b.md'"),
        bad("a '?' in a page's name", c -> Files.writeString(c.resolve("q?x.md"), page("title: Q\n")),
            "content/q?x.md: error: the name 'q?x.md' has '?'"),
        bad("a '%' in a page's name", c -> Files.writeString(c.resolve("100%.md"), page("title: P\n")),
            "rename it, for example to '100.md'"),
        bad("a space in a page's name", c -> Files.writeString(c.resolve("my page.md"), page("title: M\n")),
            "content/my page.md: error: the name 'my page.md' has a space, which cannot be written in a web address as it is, so links to it would break; rename it, for example to 'my-page.md'"),
        bad("a space in a folder's name", c -> {
          Files.createDirectories(c.resolve("my notes"));
          Files.writeString(c.resolve("my notes/one.md"), page("title: One\n"));
          Files.write(c.resolve("my notes/two.png"), new byte[] {1, 2, 3});
        }, "content/my notes: error: the name 'my notes' has a space"),
        bad("a ':' in an image's name", c -> Files.write(c.resolve("javascript:alert(1).png"), new byte[] {1}),
            "the name 'javascript:alert(1).png' has ':'"),
        bad("a right-to-left override in a name", c -> Files.writeString(c.resolve("report\u202Egpj.md"), page("title: R\n")),
            "has an invisible character (U+202E)"),
        bad("names that differ only in how an accent is written (NFC and NFD)", c -> {
          Files.writeString(c.resolve("caf\u00e9.md"), page("title: One\n"));
          Files.writeString(c.resolve("cafe\u0301.md"), page("title: Two\n"));
        }, "write an accented letter in two ways"),
        bad("a link that writes an accent another way than the file's name", c -> {
          Files.writeString(c.resolve("cafe\u0301.md"), page("title: Cafe\n"));
          Files.writeString(c.resolve("index.md"), page("title: Home\ndescription: Home.\n") + "[cafe](caf\u00e9.md)\n");
        }, "content/index.md:7:8: error: no page or file 'caf\u00e9.md' in the content folder: 'cafe\u0301.html' looks the same but writes an accented letter another way"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedWithItsDiagnosticAndThePreviousOutputKept(String name, Setup setup, String expected) throws IOException {
    Path content = dir.resolve("content");
    Files.createDirectories(content);
    Files.writeString(content.resolve("index.md"), page("title: Home\ndescription: Home.\n"));
    assertEquals(0, run(), "the good handbook builds");
    Map<String, byte[]> before = FixtureSitesTest.files(dir.resolve("site"));

    setup.apply(content);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"build", "--templates", Path.of("templates").toAbsolutePath().toString()}, dir,
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, stderr);
    assertTrue(stderr.contains(expected), "expected «" + expected + "» in:\n" + stderr);
    assertFalse(stderr.contains("Exception") || stderr.contains("\tat ") || stderr.contains("internal error"), stderr);
    Map<String, byte[]> after = FixtureSitesTest.files(dir.resolve("site"));
    assertEquals(before.keySet(), after.keySet());
    before.forEach((path, bytes) -> assertTrue(java.util.Arrays.equals(bytes, after.get(path)), path + " changed"));
  }

  private int run() {
    return Main.run(new String[] {"build", "--templates", Path.of("templates").toAbsolutePath().toString()}, dir,
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
  }

}
