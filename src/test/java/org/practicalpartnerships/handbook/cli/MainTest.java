package org.practicalpartnerships.handbook.cli;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: commands, exit codes, messages and what lands on disk. */
class MainTest {
  @TempDir Path dir;
  String stdout;
  String stderr;

  @BeforeEach
  void handbook() throws IOException {
    write("content/index.md", "---\ntitle: Home\n---\n\nSee [the guide](guide.md).\n");
    write("content/guide.md", "---\ntitle: Guide\n---\n\n## Start {#start}\n");
    write("templates/page.ftlh", "<!DOCTYPE html><html lang=\"${site.language}\"><title>${page.title}</title><main>${page.content}</main></html>\n");
    write("templates/assets/style.css", "body { color: black; }\n");
  }

  int run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, dir, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    stdout = out.toString(StandardCharsets.UTF_8);
    stderr = err.toString(StandardCharsets.UTF_8);
    return code;
  }

  void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void buildWritesPagesAndAssetsWithDefaultFolders() throws IOException {
    assertEquals(0, run("build"), stderr);
    assertTrue(Files.readString(dir.resolve("site/index.html")).contains("<a href=\"guide.html\">the guide</a>"));
    assertTrue(Files.exists(dir.resolve("site/guide.html")));
    assertTrue(Files.exists(dir.resolve("site/assets/style.css")));
    assertTrue(stdout.contains("Built 6 pages"), stdout);
  }

  @Test
  void timingsNameEveryStageFromReadingToTheSwap() {
    assertEquals(0, run("build", "--timings"), stderr);
    java.util.List<String> stages = stderr.lines().filter(l -> l.matches(".*\\S\\s+\\d+ ms")).map(l -> l.replaceAll("\\s+\\d+ ms$", "").strip()).toList();
    assertEquals(java.util.List.of("inputs and front matter", "pages from data files; Markdown, HTML, glossary links, search text, print sections",
        "navigation and pages made from the site", "checks, link graph and files", "templates and output",
        "files copied; the output swapped in, the old one deleted"), stages);
    assertEquals(0, run("build"), stderr);
    assertFalse(stderr.contains(" ms"), "timings without --timings: " + stderr);
    assertEquals(0, run("check", "--timings"), stderr);
    assertFalse(stderr.contains("swapped in"), "check writes nothing to swap: " + stderr);
  }

  @Test
  void checkReportsButWritesNothing() {
    assertEquals(0, run("check"), stderr);
    assertFalse(Files.exists(dir.resolve("site")));
    assertTrue(stdout.contains("Checked 6 pages"), stdout);
  }

  @Test
  void errorsExitOneAndLeaveThePreviousOutputByteForByte() throws IOException {
    assertEquals(0, run("build"));
    byte[] before = Files.readAllBytes(dir.resolve("site/index.html"));
    write("content/index.md", "---\ntitle: Home\n---\n\nSee [the guide](gide.md).\n");
    write("content/broken.md", "---\ntitle: [unclosed\n---\n");

    assertEquals(1, run("build"));
    assertTrue(stderr.contains("content/index.md:5:17: error: no page or file 'gide.md' in the content folder; did you mean 'guide.md'?"), stderr);
    assertTrue(stderr.contains("content/broken.md:2:8: error: invalid YAML: this list is never closed"), stderr);
    assertTrue(stderr.contains("build failed: 2 errors, ") && stderr.contains("; site was left as it was"), stderr);
    assertArrayEquals(before, Files.readAllBytes(dir.resolve("site/index.html")));
    assertEquals(1, run("check"));
  }

  @Test
  void filesWhoseSourceIsGoneDisappear() throws IOException {
    write("content/old.md", "---\ntitle: Old\n---\n");
    assertEquals(0, run("build"));
    assertTrue(Files.exists(dir.resolve("site/old.html")));
    Files.delete(dir.resolve("content/old.md"));
    assertEquals(0, run("build"));
    assertFalse(Files.exists(dir.resolve("site/old.html")));
  }

  @Test
  void refusesToReplaceAFolderItDidNotMake() throws IOException {
    write("precious/thesis.txt", "years of work");
    assertEquals(2, run("build", "--out", "precious"));
    assertTrue(stderr.contains("refusing to replace"), stderr);
    assertEquals("years of work", Files.readString(dir.resolve("precious/thesis.txt")));
  }

  @Test
  void customFoldersAndDrafts() throws IOException {
    Files.move(dir.resolve("content"), dir.resolve("pages"));
    write("pages/wip.md", "---\ntitle: Work in progress\ndraft: true\n---\n");
    assertEquals(0, run("build", "--content", "pages", "--out", "public"));
    assertFalse(Files.exists(dir.resolve("public/wip.html")));
    assertEquals(0, run("build", "--content", "pages", "--out", "public", "--drafts"));
    assertTrue(Files.exists(dir.resolve("public/wip.html")));
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("build", "--no-such-option"));
    assertTrue(stderr.contains("Unknown option: '--no-such-option'"), stderr);
    assertEquals(2, run("frobnicate"));
    assertEquals(2, run());
    assertTrue(stderr.contains("Usage: handbook"), stderr);
    assertEquals(2, run("build", "--content", "nowhere"));
    assertTrue(stderr.contains("no content folder"), stderr);
    assertEquals(2, run("build", "--out", "content/site"));
  }

  @Test
  void helpAndVersion() {
    assertEquals(0, run("--help"));
    assertTrue(stdout.contains("build") && stdout.contains("check") && stdout.contains("Exit codes"), stdout);
    assertEquals(0, run("build", "--help"));
    assertTrue(stdout.contains("--content") && stdout.contains("--out"), stdout);
    assertEquals(0, run("--version"));
    assertTrue(stdout.startsWith("handbook "), stdout);
  }

  @Test
  void strictTurnsWarningsIntoErrors() throws IOException {
    write("templates/notes.txt", "not a template");
    assertEquals(0, run("check"));
    assertTrue(stderr.contains("warning: not a template"), stderr);
    assertEquals(1, run("check", "--strict"));
  }

  @Test
  void aSecondBuildIntoTheSameFolderIsRefusedWhileOneRuns() throws Exception {
    try (AutoCloseable running = org.practicalpartnerships.handbook.output.OutputWriter.lock(dir.resolve("site")).orElseThrow()) {
      assertEquals(3, run("build"));
      assertTrue(stderr.contains("another build is writing to 'site' right now"), stderr);
      assertEquals(0, run("check"), "check writes nothing, so it needs no lock");
    }
    assertEquals(0, run("build"));
    assertFalse(Files.exists(dir.resolve(".site.handbook-lock")), "the build removes its lock file when it ends");
  }

  @Test
  void aBuildKilledBetweenTheTwoRenamesIsRepairedByTheNextBuild() throws IOException {
    assertEquals(0, run("build"));
    // What a kill between "site -> .site.old-1" and ".site.staging-2 -> site" leaves behind:
    Files.move(dir.resolve("site"), dir.resolve(".site.old-1"));
    write(".site.staging-2/index.html", "half written");
    write("content/index.md", "---\ntitle: Home\n---\n\n[Broken](nowhere.md)\n");
    assertEquals(1, run("build"));
    assertTrue(Files.exists(dir.resolve("site/index.html")), "the previous output is back after a failed build too");
    assertFalse(Files.exists(dir.resolve(".site.old-1")));
    assertFalse(Files.exists(dir.resolve(".site.staging-2")));
  }

  @Test
  void aBrokenPageIsReportedOnceNotAgainAtEveryLinkToIt() throws IOException {
    write("content/guide.md", "---\ntitle: [unclosed\n---\n\n## Start {#start}\n");
    assertEquals(1, run("check"));
    assertTrue(stderr.contains("content/guide.md:2:8: error: invalid YAML"), stderr);
    assertFalse(stderr.contains("no page or file"), "the link to the broken page is not a second error:\n" + stderr);
    assertTrue(stderr.contains("check failed: 1 error,"), stderr);
  }

  @Test
  void todayDecidesTheReviewWarningButNeverTheBytes() throws IOException {
    write("content/guide.md", "---\ntitle: Guide\ndescription: D.\nupdated: 2026-01-15\nreview_by: 2027-01-01\n---\n\n## Start {#start}\n");
    assertEquals(0, run("build", "--today", "2026-12-31"), stderr);
    assertFalse(stderr.contains("due for review"), stderr);
    java.util.Map<String, byte[]> before = org.practicalpartnerships.handbook.pipeline.FixtureSitesTest.files(dir.resolve("site"));
    assertEquals(0, run("build", "--today", "2027-01-02"), stderr);
    assertTrue(stderr.contains("content/guide.md:5:12: warning: this page was due for review on 2027-01-01"), stderr);
    java.util.Map<String, byte[]> after = org.practicalpartnerships.handbook.pipeline.FixtureSitesTest.files(dir.resolve("site"));
    assertEquals(before.keySet(), after.keySet());
    before.forEach((path, bytes) -> assertTrue(java.util.Arrays.equals(bytes, after.get(path)), path + " differs"));
    assertEquals(1, run("check", "--today", "2027-01-02", "--strict"));
    assertEquals(2, run("check", "--today", "2 January 2027"));
    assertTrue(stderr.contains("--today"), stderr);
  }
}
