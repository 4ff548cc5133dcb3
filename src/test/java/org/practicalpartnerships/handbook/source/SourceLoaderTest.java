package org.practicalpartnerships.handbook.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;

class SourceLoaderTest {
  private static final Set<String> DATA = Set.of("site.yml", "glossary.yml");

  @TempDir Path work;

  private Path write(String path, String text) throws IOException {
    Path file = work.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static List<String> paths(List<ContentFile> files) {
    return files.stream().map(ContentFile::relativePath).toList();
  }

  private static List<String> headlines(Diagnostics diagnostics) {
    return diagnostics.sorted().stream().map(Diagnostic::headline).toList();
  }

  private SourceSet load(Diagnostics diagnostics) {
    return new SourceLoader(work).load(work.resolve("content"), DATA, diagnostics);
  }

  @Test
  void splitsPagesDataAndAssetsEachSortedByPath() throws IOException {
    write("content/z.md", "# Z\n");
    write("content/b/index.md", "# B\n");
    write("content/a.md", "# A\n");
    write("content/site.yml", "title: T\n");
    write("content/img/logo.png", "png");
    write("content/b/notes.yml", "not: data\n");
    Diagnostics diagnostics = new Diagnostics();
    SourceSet set = load(diagnostics);
    assertEquals(List.of(), headlines(diagnostics));
    assertEquals(List.of("a.md", "b/index.md", "z.md"), paths(set.pages()));
    assertEquals(List.of("site.yml"), paths(set.data()));
    assertEquals(List.of("b/notes.yml", "img/logo.png"), paths(set.assets()));
    assertEquals("title: T\n", set.dataFile("site.yml").orElseThrow().text().text());
    assertNull(set.assets().get(0).text(), "assets are copied as bytes, not decoded");
  }

  @Test
  void diagnosticPathsAreShownFromTheWorkingFolder() throws IOException {
    write("content/a.md", "# A\n");
    SourceSet set = load(new Diagnostics());
    assertEquals("content/a.md", set.pages().get(0).text().displayPath());
  }

  @Test
  void hiddenAndBackupFilesAreSkipped() throws IOException {
    write("content/page.md", "# P\n");
    write("content/.draft.md", "# Hidden\n");
    write("content/page.md~", "# Backup\n");
    write("content/#page.md#", "# Emacs\n");
    write("content/.git/config.md", "# Git\n");
    write("content/.DS_Store", "x");
    SourceSet set = load(new Diagnostics());
    assertEquals(List.of("page.md"), paths(set.pages()));
    assertEquals(List.of(), paths(set.assets()));
  }

  @Test
  void symlinkToAFileOutsideTheContentFolderIsRefused() throws IOException {
    write("content/a.md", "# A\n");
    Path secret = write("secret.md", "# Secret\n");
    Path link = work.resolve("content/linked.md");
    try {
      Files.createSymbolicLink(link, secret);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links are not supported here");
    }
    Diagnostics diagnostics = new Diagnostics();
    SourceSet set = load(diagnostics);
    assertEquals(List.of("a.md"), paths(set.pages()));
    assertEquals(
        List.of("content/linked.md: error: this symbolic link leads outside the content folder; copy the file into it instead"),
        headlines(diagnostics));
  }

  @Test
  void symlinkToAFolderOutsideTheContentFolderIsRefused() throws IOException {
    write("content/a.md", "# A\n");
    write("elsewhere/b.md", "# B\n");
    try {
      Files.createSymbolicLink(work.resolve("content/more"), work.resolve("elsewhere"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links are not supported here");
    }
    Diagnostics diagnostics = new Diagnostics();
    SourceSet set = load(diagnostics);
    assertEquals(List.of("a.md"), paths(set.pages()));
    assertEquals(
        List.of("content/more: error: this symbolic link leads outside the content folder; move the files into it instead"),
        headlines(diagnostics));
  }

  @Test
  void symlinkInsideTheContentFolderIsFollowed() throws IOException {
    write("content/a.md", "# A\n");
    try {
      Files.createSymbolicLink(work.resolve("content/alias.md"), work.resolve("content/a.md"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links are not supported here");
    }
    Diagnostics diagnostics = new Diagnostics();
    assertEquals(List.of("a.md", "alias.md"), paths(load(diagnostics).pages()));
    assertFalse(diagnostics.hasErrors());
  }

  @Test
  void namesThatDifferOnlyInCaseCollide() throws IOException {
    write("content/a.md", "# lower\n");
    Path upper = write("content/A.md", "# upper\n");
    assumeTrue(Files.exists(work.resolve("content/a.md")) && !Files.isSameFile(upper, work.resolve("content/a.md")), "case-insensitive file system");
    Diagnostics diagnostics = new Diagnostics();
    load(diagnostics);
    assertEquals(
        List.of("content/a.md: error: this file would be published at the same address as 'content/A.md' (a.html): names that differ only in case are one file on macOS and Windows; rename one of them"),
        headlines(diagnostics));
  }

  @Test
  void aPageAndAnHtmlFileWithTheSameAddressCollide() throws IOException {
    write("content/guide.md", "# Guide\n");
    write("content/guide.html", "<p>old</p>");
    Diagnostics diagnostics = new Diagnostics();
    load(diagnostics);
    assertEquals(
        List.of("content/guide.md: error: this file would be published at the same address as 'content/guide.html' (guide.html): both become the same page; rename one of them"),
        headlines(diagnostics));
  }

  @Test
  void invalidUtf8InAPageIsReportedAndThePageLeftOut() throws IOException {
    write("content/good.md", "# Good\n");
    Files.createDirectories(work.resolve("content"));
    Files.write(work.resolve("content/bad.md"), new byte[] {'#', ' ', (byte) 0xE9, '\n'});
    Files.write(work.resolve("content/photo.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8});
    Diagnostics diagnostics = new Diagnostics();
    SourceSet set = load(diagnostics);
    assertEquals(List.of("good.md"), paths(set.pages()));
    assertEquals(List.of("photo.jpg"), paths(set.assets()));
    assertEquals(List.of("content/bad.md:1:3: error: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8"), headlines(diagnostics));
  }

  @Test
  void missingContentFolderIsAnError() {
    Diagnostics diagnostics = new Diagnostics();
    SourceSet set = load(diagnostics);
    assertTrue(set.pages().isEmpty());
    assertTrue(headlines(diagnostics).get(0).startsWith("content: error: cannot read the content folder"), headlines(diagnostics).toString());
  }

  @Test
  void outputPathTurnsPagesIntoHtml() {
    assertEquals("a/b.html", SourceLoader.outputPath("a/b.md"));
    assertEquals("a/b.png", SourceLoader.outputPath("a/b.png"));
  }

  /**
   * Differential: the refused names of random trees (bad names in folders at any depth, in bad
   * folders, beside good ones) are those the check before 2026-12-04 reported, which walked each
   * file's path part by part as {@link Path}s: the first bad part, once per folder or file.
   */
  @Test
  void refusedNamesAreTheSameAsThePartByPartCheck() throws IOException {
    String[] parts = {"a", "b c", "d#e", "f", "g%", "ok-name", "caf\u00e9", "x?y", "tab\u00a0s", "z"};
    java.util.Random random = new java.util.Random(20261204);
    for (int round = 0; round < 40; round++) {
      Path content = work.resolve("round" + round + "/content");
      Files.createDirectories(content);
      List<Path> files = new java.util.ArrayList<>();
      for (int i = 0; i < 25; i++) {
        Path folder = content;
        int depth = random.nextInt(4);
        for (int d = 0; d < depth; d++) {
          folder = folder.resolve(parts[random.nextInt(parts.length)]);
        }
        Path file = folder.resolve(parts[random.nextInt(parts.length)] + (random.nextBoolean() ? ".md" : ".png"));
        if (Files.isDirectory(file) || files.stream().anyMatch(f -> f.startsWith(file) || file.startsWith(f))) {
          continue; // a file where a folder is, or the other way round
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# T\n");
        files.add(file);
      }
      Diagnostics diagnostics = new Diagnostics();
      new SourceLoader(work).load(content, DATA, diagnostics);
      List<String> found = diagnostics.sorted().stream().map(Diagnostic::headline).filter(h -> h.contains("the name '")).toList();

      Diagnostics expected = new Diagnostics();
      Set<String> reported = new java.util.HashSet<>();
      files.sort(java.util.Comparator.comparing(f -> content.relativize(f).toString()));
      for (Path file : files) {
        Path prefix = null;
        for (Path part : content.relativize(file)) {
          prefix = prefix == null ? part : prefix.resolve(part);
          java.util.Optional<String> problem = FileNames.problem(part.toString());
          if (problem.isPresent()) {
            if (reported.add(prefix.toString())) {
              expected.add(Diagnostic.ofFile(new SourceLoader(work).display(content.resolve(prefix)), org.practicalpartnerships.handbook.diagnostics.Severity.ERROR, problem.get()));
            }
            break;
          }
        }
      }
      List<String> wanted = expected.sorted().stream().map(Diagnostic::headline).toList();
      assertEquals(wanted, found, "round " + round);
      assertTrue(round > 0 || !wanted.isEmpty(), "the random tree has no refused name");
    }
  }
}
