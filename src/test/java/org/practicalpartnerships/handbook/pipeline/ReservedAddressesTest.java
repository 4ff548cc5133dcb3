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
import org.practicalpartnerships.handbook.TestFiles;
import org.practicalpartnerships.handbook.cli.Main;

/**
 * Every address the build publishes itself is reserved (README, "Security"): a content file at
 * one of them (the search index and page, the sitemap, 404, print, A to Z, glossary, tags, the
 * decision tree's and the check-up's pages, the PDF edition, the templates' assets), in a folder
 * the build writes a file at, or under a folder that is one of the build's files, is an error at
 * that content file, compared as macOS and Windows compare names; the previous output is kept, and
 * nothing the build made is ever replaced by a content file.
 */
class ReservedAddressesTest {
  @TempDir Path dir;
  Path content;

  interface Setup {
    void apply(Path content) throws IOException;
  }

  static String page(String title) {
    return "---\ntitle: " + title + "\ndescription: A page.\n---\n\nBody.\n";
  }

  static Setup file(String path, String text) {
    return c -> {
      Files.createDirectories(c.resolve(path).getParent());
      Files.writeString(c.resolve(path), text);
    };
  }

  /** A handbook that makes every kind of output: tags, glossary, tree, check-up, sitemap, PDF. */
  @BeforeEach
  void handbook() throws IOException {
    content = dir.resolve("content");
    TestFiles.copyTree(Path.of("src/test/resources/fixtures/tree-pages/content"), content);
    Files.copy(Path.of("src/test/resources/fixtures/checkup-basic/content/checkup.yml"), content.resolve("checkup.yml"));
    Files.copy(Path.of("src/test/resources/fixtures/checkup-basic/content/guide/index.md"), content.resolve("guide/index.md"));
    Files.writeString(content.resolve("index.md"), "---\ntitle: Welcome\ndescription: Home.\ntags: [Trust]\n---\n\nTrust matters. [Start](decide/index.md).\n");
    Files.writeString(content.resolve("glossary.yml"), "- term: Trust\n  definition: Belief that partners keep their word.\n");
    Files.writeString(content.resolve("site.yml"), "title: Reserved\nbase_url: https://example.org/h/\npdf: true\nedition: 2026-01-15\n");
  }

  static Stream<Arguments> reserved() {
    String js = "alert(document.cookie)\n";
    return Stream.of(
        Arguments.of("the search index", file("search-index.js", js), "content/search-index.js: error: 'search-index.js' is an address the build publishes itself"),
        Arguments.of("the sitemap", file("sitemap.xml", "<urlset/>\n"), "content/sitemap.xml: error: 'sitemap.xml' is an address the build publishes itself"),
        Arguments.of("the search page, as a page", file("search.md", page("Search")), "content/search.md: error: 'search.html' is an address the build publishes itself"),
        Arguments.of("the 404 page", file("404.md", page("Lost")), "content/404.md: error: '404.html' is an address"),
        Arguments.of("the print page, in other letters", file("Print.md", page("Print")), "content/Print.md: error: 'print.html' is an address"),
        Arguments.of("the A to Z", file("a-z.md", page("A to Z")), "content/a-z.md: error: 'a-z.html' is an address"),
        Arguments.of("the glossary", file("glossary.md", page("Glossary")), "content/glossary.md: error: 'glossary.html' is an address"),
        Arguments.of("a tag's page", file("tags/trust.md", page("Trust")), "content/tags/trust.md: error: 'tags/trust.html' is an address"),
        Arguments.of("the list of tags", file("tags/index.md", page("Tags")), "content/tags/index.md: error: 'tags/index.html' is an address"),
        Arguments.of("the tree's start page", file("decide/index.md", page("Decide")), "content/decide/index.md: error: 'decide/index.html' is an address"),
        Arguments.of("the tree's overview", file("decide/overview.md", page("Overview")), "content/decide/overview.md: error: 'decide/overview.html' is an address"),
        Arguments.of("the check-up", file("checkup/index.md", page("Check-up")), "content/checkup/index.md: error: 'checkup/index.html' is an address"),
        Arguments.of("the PDF edition", file("handbook.pdf", "%PDF-1.4\n"), "content/handbook.pdf: error: 'handbook.pdf' is an address"),
        Arguments.of("a page's own PDF", (Setup) c -> {
          Files.writeString(c.resolve("form.md"), "---\ntitle: Form\ndescription: A form.\npdf: true\n---\n\nSign here.\n");
          Files.writeString(c.resolve("form.pdf"), "%PDF-1.4\n");
        }, "content/form.pdf: error: 'form.pdf' is an address"),
        Arguments.of("the templates' stylesheet", file("assets/handbook.css", "body{}\n"), "content/assets/handbook.css: error: 'assets/handbook.css' is an address"),
        Arguments.of("the templates' search script", file("assets/search.js", js), "content/assets/search.js: error: 'assets/search.js' is an address"),
        Arguments.of("the check-up's script, in other letters", file("assets/CheckUp.JS", js), "content/assets/CheckUp.JS: error: 'assets/checkup.js' is an address"),
        Arguments.of("a file under the search index as a folder", file("search-index.js/x.png", "png"),
            "content/search-index.js/x.png: error: this file would be in a folder 'search-index.js', but the build publishes the build's own file"),
        Arguments.of("a file under a page the build makes", file("glossary.html/notes.md", page("Notes")), "content/glossary.html/notes.md: error: this file would be in a folder 'glossary.html'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reserved")
  void aContentFileAtAnAddressTheBuildMakesIsAnErrorThere(String name, Setup setup, String expected) throws IOException {
    Run good = run();
    assertEquals(0, good.code(), good.stderr());
    Map<String, byte[]> before = FixtureSitesTest.files(dir.resolve("site"));

    setup.apply(content);
    Run bad = run();
    assertEquals(1, bad.code(), bad.stderr());
    assertTrue(bad.stderr().contains(expected), "expected «" + expected + "» in:\n" + bad.stderr());
    assertFalse(bad.stderr().contains("Exception") || bad.stderr().contains("\tat ") || bad.stderr().contains("bug in Handbook"), bad.stderr());
    Map<String, byte[]> after = FixtureSitesTest.files(dir.resolve("site"));
    assertEquals(before.keySet(), after.keySet());
    before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path + " changed"));
  }

  @Test
  void addressesTheBuildDoesNotMakeAreTheContentsToUse() throws IOException {
    Files.delete(content.resolve("glossary.yml"));
    Files.writeString(content.resolve("site.yml"), "title: Free\nedition: 2026-01-15\n");
    Files.writeString(content.resolve("glossary.md"), page("Our glossary"));
    Files.writeString(content.resolve("tags.md"), page("About tags"));
    Files.writeString(content.resolve("handbook.pdf"), "%PDF-1.4\n");
    Files.createDirectories(content.resolve("assets"));
    Files.writeString(content.resolve("assets/photo.png"), "png");
    Run run = run();
    assertEquals(0, run.code(), run.stderr());
    Path site = dir.resolve("site");
    assertTrue(Files.readString(site.resolve("glossary.html")).contains("Our glossary"));
    assertEquals("%PDF-1.4\n", Files.readString(site.resolve("handbook.pdf")));
    assertTrue(Files.exists(site.resolve("assets/photo.png")) && Files.exists(site.resolve("tags.html")));
  }

  record Run(int code, String stderr) {}

  private Run run() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"build", "--templates", Path.of("templates").toAbsolutePath().toString()}, dir,
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, err.toString(StandardCharsets.UTF_8));
  }
}
