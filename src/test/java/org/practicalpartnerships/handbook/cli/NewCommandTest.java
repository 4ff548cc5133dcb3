package org.practicalpartnerships.handbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.frontmatter.FrontMatterParser;
import org.practicalpartnerships.handbook.model.FrontMatter;
import picocli.CommandLine;

/** handbook new: a page that builds, never an overwrite, never outside the content folder. */
class NewCommandTest {
  @TempDir Path dir;
  String stdout;
  String stderr;

  @BeforeEach
  void handbook() throws IOException {
    Files.createDirectories(dir.resolve("content/practice"));
    Files.writeString(dir.resolve("content/practice/a.md"), "---\ntitle: A\norder: 4\n---\n");
    Files.writeString(dir.resolve("content/practice/b.md"), "---\ntitle: B\norder: 7 # last\n---\n");
    Files.writeString(dir.resolve("content/practice/index.md"), "---\ntitle: Practice\norder: 99\n---\n");
  }

  int run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new NewCommand(dir));
    cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    stdout = out.toString();
    stderr = err.toString();
    return code;
  }

  FrontMatter frontMatter(String path) throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    var parsed = new FrontMatterParser().parse(new SourceText(path, Files.readString(dir.resolve(path))), diagnostics);
    assertFalse(diagnostics.hasErrors(), diagnostics.sorted().toString());
    return parsed.orElseThrow().frontMatter();
  }

  @Test
  void createsAPageThatBuildsAfterItsSiblings() throws IOException {
    assertEquals(0, run("practice/shared-goals"), stderr);
    assertEquals("content/practice/shared-goals.md\n", stdout);
    String text = Files.readString(dir.resolve("content/practice/shared-goals.md"));
    assertTrue(text.startsWith("---\ntitle: Shared goals\n# description: "), text);
    FrontMatter fm = frontMatter("content/practice/shared-goals.md");
    assertEquals("Shared goals", fm.title());
    assertEquals(8, fm.order().getAsInt());
    assertEquals("", fm.description());
  }

  @Test
  void theTitleOptionIsQuotedWhenYamlNeedsIt() throws IOException {
    assertEquals(0, run("new-folder/page.md", "--title", "Yes: \"quotes\" & #hash \\ back"), stderr);
    FrontMatter fm = frontMatter("content/new-folder/page.md");
    assertEquals("Yes: \"quotes\" & #hash \\ back", fm.title());
    assertEquals(1, fm.order().getAsInt());
    assertEquals(0, run("yes", "--title", "Yes"));
    assertEquals("Yes", frontMatter("content/yes.md").title());
    assertEquals(0, run("number", "--title", "2024"));
    assertEquals("2024", frontMatter("content/number.md").title());
  }

  @Test
  void refusesToOverwrite() throws IOException {
    assertEquals(1, run("practice/a"));
    assertTrue(stderr.contains("content/practice/a.md already exists; nothing was changed"), stderr);
    assertEquals("---\ntitle: A\norder: 4\n---\n", Files.readString(dir.resolve("content/practice/a.md")));
  }

  @Test
  void refusesPathsLeavingTheContentFolder() {
    for (String path : new String[] {"../escape", "practice/../../escape", "/tmp/escape", "content/../escape"}) {
      assertEquals(1, run(path), path);
      assertTrue(stderr.contains("is outside the content folder"), stderr);
    }
    assertFalse(Files.exists(dir.resolve("escape.md")));
  }

  @Test
  void refusesASymbolicLinkOutOfTheContentFolder() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    try {
      Files.createSymbolicLink(dir.resolve("content/link"), outside);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here");
    }
    assertEquals(1, run("link/page"));
    assertTrue(stderr.contains("is outside the content folder"), stderr);
    assertFalse(Files.exists(outside.resolve("page.md")));
  }

  @Test
  void aPathGivenFromTheWorkingFolderIsTakenAsItIs() {
    assertEquals(0, run("content/practice/c"), stderr);
    assertEquals("content/practice/c.md\n", stdout);
    assertTrue(Files.exists(dir.resolve("content/practice/c.md")));
  }

  @Test
  void aFolderPathMakesItsIndexPage() throws IOException {
    assertEquals(0, run("guides/"), stderr);
    assertEquals("Guides", frontMatter("content/guides/index.md").title());
  }

  @Test
  void refusesNamesTheBuildIgnores() {
    assertEquals(1, run(".hidden"));
    assertTrue(stderr.contains("the build ignores"), stderr);
  }

  @Test
  void aMissingContentFolderIsAUsageError() {
    assertEquals(2, run("x", "--content", "nowhere"));
    assertTrue(stderr.contains("no content folder"), stderr);
  }

  @Test
  void aNameWithCapitalsAndUnderscoresBecomesALowercaseHyphenatedAddressAndSaysSo() throws IOException {
    assertEquals(0, run("Another_Page"), stderr);
    assertEquals("content/another-page.md\n", stdout);
    assertEquals("handbook: named the page content/another-page.md, not content/Another_Page.md: a page's address comes from its file name,"
        + " and addresses read best in lowercase words joined by hyphens\n", stderr);
    assertFalse(Files.exists(dir.resolve("content/Another_Page.md")));
    assertEquals("Another Page", frontMatter("content/another-page.md").title(), "the title keeps the capitals as typed");
  }

  @Test
  void newFoldersAreTidiedTooButExistingFoldersKeepTheirNames() throws IOException {
    Files.createDirectories(dir.resolve("content/Old_Folder"));
    assertEquals(0, run("Old_Folder/New Folder/Café  Notes.md"), stderr);
    assertEquals("content/Old_Folder/new-folder/cafe-notes.md\n", stdout);
    assertEquals(0, run("practice/Shared Goals/"), stderr);
    assertEquals("content/practice/shared-goals/index.md\n", stdout);
    assertEquals("Shared Goals", frontMatter("content/practice/shared-goals/index.md").title());
  }

  @Test
  void aNameAlreadyInAddressFormIsTakenAsItIsWithoutANote() throws IOException {
    assertEquals(0, run("practice/plain-name-2"), stderr);
    assertEquals("", stderr);
    assertEquals("content/practice/plain-name-2.md\n", stdout);
  }

  @Test
  void theTidiedNameIsNeverAnOverwrite() throws IOException {
    assertEquals(1, run("practice/A"));
    assertTrue(stderr.contains("content/practice/a.md already exists; nothing was changed"), stderr);
    assertEquals("---\ntitle: A\norder: 4\n---\n", Files.readString(dir.resolve("content/practice/a.md")));
  }

  @Test
  void addressNames() {
    assertEquals("another-page", NewCommand.addressName("Another_Page"));
    assertEquals("cafe-notes", NewCommand.addressName("Café -- Notes!"));
    assertEquals("v1-2", NewCommand.addressName("v1.2"));
    assertEquals("日本", NewCommand.addressName("日本"));
  }
}
