package org.practicalpartnerships.handbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicalpartnerships.handbook.cli.Main;

/**
 * Input that used to crash the build (exit 70, "a bug in Handbook"): a folder named like a page or
 * a generated file, templates linked out of the templates folder or nested thousands deep, and
 * output folders that cannot be made or written. Each is now a diagnostic at its path (exit 1) or
 * a usage error that says what to do (exit 2), with no stack trace and the previous output as it
 * was. (Templates whose output or memory grows without end: {@code templating.RunawayTemplateTest}.)
 */
class NoCrashBatteryTest {
  @TempDir Path dir;
  static final List<Path> immutable = new ArrayList<>();

  interface Setup {
    void apply(Path dir) throws IOException;
  }

  @BeforeEach
  void handbook() throws IOException {
    write("content/index.md", "---\ntitle: Home\ndescription: Home.\n---\n\nSee [references](references.md).\n");
    write("content/references.md", "---\ntitle: References\ndescription: Books.\n---\n\nBooks.\n");
    write("templates/page.ftlh", "<!DOCTYPE html><html lang=\"en\"><title>${page.title}</title>\n<#include \"partials/main.ftlh\">\n</html>\n");
    write("templates/partials/main.ftlh", "<main>${page.content}</main>\n");
    write("outside/evil.ftlh", "<#-- outside the templates folder -->\n");
  }

  @AfterEach
  void mutable() throws Exception {
    for (Path p : immutable) {
      new ProcessBuilder("chattr", "-i", p.toString()).start().waitFor();
    }
    immutable.clear();
  }

  void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  static Arguments bad(String name, Setup setup, String expected) {
    return Arguments.of(name, setup, expected);
  }

  static String nested(String open, String middle, String close, int depth) {
    return open.repeat(depth) + middle + close.repeat(depth);
  }

  static Stream<Arguments> inputs() {
    return Stream.of(
        bad("an empty folder named like a page", d -> Files.createDirectories(d.resolve("content/references.html")),
            "content/references.html: error: this folder has the address of 'content/references.md' (references.html), which is published as a file; rename the folder"),
        bad("a folder named like a page, with a file in it", d -> {
          Files.createDirectories(d.resolve("content/references.html"));
          Files.writeString(d.resolve("content/references.html/figure.png"), "png");
        }, "content/references.html: error: this folder has the address of 'content/references.md'"),
        bad("a folder named like a page but for case", d -> Files.createDirectories(d.resolve("content/Index.HTML/more")),
            "content/Index.HTML: error: this folder has the address of 'content/index.md'"),
        bad("a folder named like a file", d -> {
          Files.writeString(d.resolve("content/logo.png"), "png");
          Files.createDirectories(d.resolve("content/Logo.png"));
        }, "content/Logo.png: error: this folder has the address of 'content/logo.png'"),
        bad("a folder named like the search index", d -> {
          Files.createDirectories(d.resolve("content/search-index.js"));
          Files.writeString(d.resolve("content/search-index.js/a.md"), "---\ntitle: A\n---\n");
        }, "content/search-index.js: error: this folder has the address of a file the build makes (search-index.js); rename the folder"),
        bad("a folder named like the sitemap", d -> Files.createDirectories(d.resolve("content/sitemap.xml")),
            "content/sitemap.xml: error: this folder has the address of a file the build makes (sitemap.xml)"),
        bad("a folder named like a generated page", d -> Files.createDirectories(d.resolve("content/print.html")),
            "content/print.html: error: this folder has the address of a file the build makes (print.html)"),
        bad("a folder named like the tags index", d -> Files.createDirectories(d.resolve("content/tags/index.html")),
            "content/tags/index.html: error: this folder has the address of a file the build makes (tags/index.html)"),
        bad("a template linked out of the templates folder", d -> Files.createSymbolicLink(d.resolve("templates/evil.ftlh"), d.resolve("outside/evil.ftlh")),
            "templates/evil.ftlh: error: this symbolic link leads outside the templates folder"),
        bad("a partial linked out of the templates folder", d -> {
          Files.delete(d.resolve("templates/partials/main.ftlh"));
          Files.createSymbolicLink(d.resolve("templates/partials/main.ftlh"), Path.of("../../outside/evil.ftlh"));
        }, "templates/partials/main.ftlh: error: this symbolic link leads outside the templates folder"),
        bad("a folder of templates linked out", d -> Files.createSymbolicLink(d.resolve("templates/more"), d.resolve("outside")),
            "templates/more: error: this symbolic link leads outside the templates folder"),
        bad("a template linked to /etc/passwd", d -> Files.createSymbolicLink(d.resolve("templates/passwd.ftlh"), Path.of("/etc/passwd")),
            "templates/passwd.ftlh: error: this symbolic link leads outside the templates folder"),
        bad("a dangling template link", d -> Files.createSymbolicLink(d.resolve("templates/gone.ftlh"), Path.of("nowhere.ftlh")),
            "templates/gone.ftlh: error: this symbolic link leads nowhere"),
        bad("a template link loop", d -> Files.createSymbolicLink(d.resolve("templates/loop.ftlh"), Path.of("loop.ftlh")),
            "templates/loop.ftlh: error: this symbolic link leads nowhere (or round a loop)"),
        bad("directives nested 5,000 deep", d -> Files.writeString(d.resolve("templates/partials/main.ftlh"), "<main>\n" + nested("<#if true>", "${page.content}", "</#if>", 5000) + "\n</main>\n"),
            "templates/partials/main.ftlh:2:1001: error: the template nests more than 100 levels deep here"),
        bad("directives nested 3,000 deep, one a line", d -> Files.writeString(d.resolve("templates/deep.ftlh"), nested("<#list 1..1 as i>\n", "x", "</#list>", 3000)),
            "templates/deep.ftlh:101:1: error: the template nests more than 100 levels deep here"),
        bad("brackets nested 3,000 deep", d -> Files.writeString(d.resolve("templates/deep.ftlh"), "a\n${" + nested("(", "1", ")", 3000) + "}\n"),
            "templates/deep.ftlh:2:103: error: the template nests more than 100 levels deep here"),
        bad("list literals nested 2,000 deep", d -> Files.writeString(d.resolve("templates/deep.ftlh"), "<#assign x = " + nested("[", "1", "]", 2000) + ">\n"),
            "templates/deep.ftlh:1:114: error: the template nests more than 100 levels deep here"),
        bad("macro calls nested 2,000 deep", d -> Files.writeString(d.resolve("templates/deep.ftlh"), "<#macro m><#nested></#macro>\n" + nested("<@m>", "x", "</@m>", 2000) + "\n"),
            "templates/deep.ftlh:2:401: error: the template nests more than 100 levels deep here"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void anErrorAtItsPathAndThePreviousOutputKept(String name, Setup setup, String expected) throws IOException {
    assertEquals(0, run("build").code(), "the good handbook builds");
    Map<String, byte[]> before = FixtureSitesTest.files(dir.resolve("site"));
    setup.apply(dir);
    for (String command : new String[] {"check", "build"}) {
      Result result = run(command);
      assertEquals(1, result.code(), result.err());
      assertTrue(result.err().contains(expected), "expected «" + expected + "» in:\n" + result.err());
      noTrace(result.err());
    }
    Map<String, byte[]> after = FixtureSitesTest.files(dir.resolve("site"));
    assertEquals(before.keySet(), after.keySet());
    before.forEach((path, bytes) -> assertTrue(java.util.Arrays.equals(bytes, after.get(path)), path + " changed"));
  }

  static Stream<Arguments> outputs() {
    return Stream.of(
        bad("inside a file", d -> Files.writeString(d.resolve("a-file"), "x"), "a-file/site:cannot be made: '" + "@/a-file' is a file, not a folder; choose another --out"),
        bad("inside /dev/null", d -> {}, "/dev/null/site:cannot be made: '/dev/null' is a file"),
        bad("under /proc", d -> {}, "/proc/handbook-site:choose another --out"),
        bad("in a process's folder under /proc", d -> {}, "/proc/self/handbook-site:choose another --out"),
        bad("under /sys", d -> {}, "/sys/handbook-site:choose another --out"),
        bad("a dangling symbolic link", d -> Files.createSymbolicLink(d.resolve("dangling"), Path.of("missing/folder")),
            "dangling:is a symbolic link to 'missing/folder', which does not exist; create that folder, remove the link, or choose another --out"),
        bad("below a dangling symbolic link", d -> Files.createSymbolicLink(d.resolve("dangling"), Path.of("missing/folder")),
            "dangling/site:is a symbolic link to 'missing/folder', which does not exist"),
        bad("in a folder no one may write to", d -> chattr(Files.createDirectories(d.resolve("locked"))), "locked/site:you may not write to that folder"),
        bad("an output folder no one may change", d -> chattr(Files.createDirectories(d.resolve("locked"))), "locked:choose another --out"));
  }

  static void chattr(Path folder) throws IOException {
    try {
      Process p = new ProcessBuilder("chattr", "+i", folder.toString()).redirectErrorStream(true).start();
      assumeTrue(p.waitFor() == 0, "chattr +i is not available here");
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
    immutable.add(folder);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outputs")
  void anOutputFolderThatCannotBeWrittenIsAUsageError(String name, Setup setup, String expected) throws IOException {
    String out = expected.substring(0, expected.indexOf(':'));
    String message = expected.substring(expected.indexOf(':') + 1).replace("@", dir.toString());
    setupWith(setup);
    Result result = run("build", "--out", out);
    assertEquals(2, result.code(), result.err());
    assertTrue(result.err().contains(message), "expected «" + message + "» in:\n" + result.err());
    noTrace(result.err());
  }

  private void setupWith(Setup setup) throws IOException {
    setup.apply(dir);
  }

  @Test
  void anImmutablePreviousOutputIsLeftAsItWas() throws IOException {
    assertEquals(0, run("build", "--out", "locked").code());
    Map<String, byte[]> before = FixtureSitesTest.files(dir.resolve("locked"));
    chattr(dir.resolve("locked"));
    write("content/new.md", "---\ntitle: New\n---\n");
    assertEquals(2, run("build", "--out", "locked").code());
    assertEquals(before.keySet(), FixtureSitesTest.files(dir.resolve("locked")).keySet());
  }

  @Test
  void newWithANameTooLongForTheFileSystemIsAUsageError() {
    for (String name : new String[] {"x".repeat(300), "é".repeat(200), "folder/" + "y".repeat(253), "a".repeat(256) + "/page", ("deep/" + "z".repeat(200) + "/").repeat(25) + "page"}) {
      Result result = run("new", name);
      assertEquals(2, result.code(), result.err());
      assertTrue(result.err().contains("too long"), result.err());
      noTrace(result.err());
    }
    assertEquals(0, run("new", "y".repeat(252)).code(), "255 bytes with '.md' is allowed");
  }

  record Result(int code, String err) {}

  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.get(0).equals("new")) {
      all.addAll(List.of("--templates", "templates"));
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(all.toArray(String[]::new), dir, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, err.toString(StandardCharsets.UTF_8));
  }

  static void noTrace(String stderr) {
    assertFalse(stderr.contains("Exception") || stderr.contains("\tat ") || stderr.contains("internal error") || stderr.contains("Error:"), stderr);
  }
}
