package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.TestFiles;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.output.OutputWriter;
import org.practicalpartnerships.handbook.pipeline.BuildRequest;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * The preview's rebuild: written atomically, reporting which outputs changed, and always leaving
 * the folder as a fresh build of the same sources would, whether it took the short way (a page's
 * text) or the whole pipeline.
 */
class IncrementalRebuildTest {
  @TempDir Path dir;
  Path out;
  IncrementalRebuild rebuild;

  @BeforeEach
  void handbook() throws IOException {
    write("content/index.md", "---\ntitle: Home\n---\n\nSee [the guide](guide.md).\n");
    write("content/guide.md", "---\ntitle: Guide\n---\n\nText.\n");
    write("content/picture.png", "png");
    write("templates/page.ftlh", ServeSessionTest.TEMPLATE);
    out = Files.createDirectory(dir.resolve("out"));
    rebuild = new IncrementalRebuild(new SourceLoader(dir), new MarkdownEngine(), "test", new BuildRequest(dir.resolve("content"), dir.resolve("templates"), false), out);
  }

  /** Lets the background writer finish before the temporary folder is deleted. */
  @AfterEach
  void close() {
    rebuild.close();
  }

  void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void theFirstBuildChangesEverythingAndAnUnchangedOneNothing() throws IOException {
    BuildResult first = rebuild.rebuild(Set.of(dir.resolve("content")));
    assertTrue(first.success(), first.diagnostics().toString());
    assertTrue(first.changedOutputs().containsAll(Set.of("index.html", "guide.html", "picture.png", "404.html")), first.changedOutputs().toString());
    assertTrue(Files.exists(out.resolve(OutputWriter.MARKER)));
    assertTrue(Files.exists(out.resolve("guide.html")));
    assertEquals(Set.of(), rebuild.rebuild(Set.of(dir.resolve("content/guide.md"))).changedOutputs());
  }

  @Test
  void anEditChangesThePageAndWhatShowsIt() throws IOException {
    rebuild.rebuild(Set.of(dir.resolve("content")));
    write("content/guide.md", "---\ntitle: Guide\n---\n\nNew text.\n");
    BuildResult second = rebuild.rebuild(Set.of(dir.resolve("content/guide.md")));
    assertTrue(second.changedOutputs().contains("guide.html"), second.changedOutputs().toString());
    assertFalse(second.changedOutputs().contains("index.html"), second.changedOutputs().toString());
    assertTrue(Files.readString(out.resolve("guide.html")).contains("New text."));
  }

  @Test
  void aDeletedPageIsAChangedOutputAndLeavesTheFolder() throws IOException {
    rebuild.rebuild(Set.of(dir.resolve("content")));
    Files.delete(dir.resolve("content/picture.png"));
    BuildResult second = rebuild.rebuild(Set.of(dir.resolve("content/picture.png")));
    assertTrue(second.changedOutputs().contains("picture.png"), second.changedOutputs().toString());
    assertFalse(Files.exists(out.resolve("picture.png")));
  }

  @Test
  void aFailedBuildLeavesTheLastGoodOutput() throws IOException {
    rebuild.rebuild(Set.of(dir.resolve("content")));
    write("content/guide.md", "---\ntitle: Guide\n---\n\n[broken](missing.md)\n");
    BuildResult failed = rebuild.rebuild(Set.of(dir.resolve("content/guide.md")));
    assertFalse(failed.success());
    assertTrue(failed.hasErrors());
    assertEquals(Set.of(), failed.changedOutputs());
    assertTrue(failed.diagnostics().stream().anyMatch(d -> d.file().equals("content/guide.md") && d.line() == 5), failed.diagnostics().toString());
    assertTrue(Files.readString(out.resolve("guide.html")).contains("Text."));
  }

  /** Copies the real handbook, whose pages use the glossary, the tree, the print page and search. */
  void realHandbook() throws IOException {
    TestFiles.copyTree(TestFiles.SAMPLE_CONTENT, dir.resolve("real"));
  }

  /** Every file of the folder with its text, as a fresh full build writes it. */
  static java.util.Map<String, String> files(Path folder) throws IOException {
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    try (var walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(p).toString(), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  java.util.Map<String, String> fresh(Path content) throws IOException {
    Path folder = dir.resolve("fresh-" + System.nanoTime());
    IncrementalRebuild full = new IncrementalRebuild(new SourceLoader(dir), new MarkdownEngine(), "test", new BuildRequest(content, Path.of("templates").toAbsolutePath(), false), Files.createDirectory(folder));
    assertTrue(full.rebuild(Set.of(content)).success());
    return files(folder);
  }

  static void edit(Path file, String from, String to) throws IOException {
    TestFiles.edit(file, from, to);
  }

  @Test
  void editsOfTextTitlesAndLinksLeaveWhatAFreshBuildWrites() throws IOException {
    realHandbook();
    Path content = dir.resolve("real");
    Path page = content.resolve("behaviours/co-operation.md");
    IncrementalRebuild serve = new IncrementalRebuild(new SourceLoader(dir), new MarkdownEngine(), "test", new BuildRequest(content, Path.of("templates").toAbsolutePath(), false), out);
    assertTrue(serve.rebuild(Set.of(content)).success());

    edit(page, "## ", "A new paragraph written while the preview runs.\n\n## ");
    BuildResult text = serve.rebuild(Set.of(page));
    assertTrue(text.success(), text.diagnostics().toString());
    assertEquals(Set.of("behaviours/co-operation.html", "print.html", "search-index.js"), text.changedOutputs(), "new text changes the page, the print page and the search index only");
    serve.awaitWritten("print.html");
    serve.awaitWritten("search-index.js");
    assertTrue(Files.readString(out.resolve("print.html")).contains("A new paragraph written while"));
    assertEquals(fresh(content), files(out), "after a text edit");

    edit(page, "title: Co-operation", "title: Co-operation between partners");
    BuildResult title = serve.rebuild(Set.of(page));
    assertTrue(title.success(), title.diagnostics().toString());
    assertTrue(title.changedOutputs().contains("behaviours/index.html"), "a new title shows in other pages' navigation: " + title.changedOutputs());
    assertEquals(fresh(content), files(out), "after a title edit");

    edit(page, "A new paragraph written while", "## A new heading\n\nSee [the check-up](../practice/check-up.md). A new paragraph written while");
    BuildResult links = serve.rebuild(Set.of(page));
    assertTrue(links.success(), links.diagnostics().toString());
    assertTrue(links.changedOutputs().contains("practice/check-up.html"), "a new link is a new backlink on its target: " + links.changedOutputs());
    assertEquals(fresh(content), files(out), "after new ids and links");

    serve.close();
  }

  @Test
  void aTextEditThatBreaksALinkFailsAndOneThatFixesItRecovers() throws IOException {
    realHandbook();
    Path content = dir.resolve("real");
    Path page = content.resolve("practice/shared-goals.md");
    IncrementalRebuild serve = new IncrementalRebuild(new SourceLoader(dir), new MarkdownEngine(), "test", new BuildRequest(content, Path.of("templates").toAbsolutePath(), false), out);
    assertTrue(serve.rebuild(Set.of(content)).success());
    java.util.Map<String, String> before = files(out);
    edit(page, "## ", "## [Broken](nowhere.md) ");
    BuildResult broken = serve.rebuild(Set.of(page));
    assertFalse(broken.success());
    assertTrue(broken.diagnostics().stream().anyMatch(d -> d.isError() && d.file().endsWith("practice/shared-goals.md")), broken.diagnostics().toString());
    assertEquals(before, files(out), "a failed rebuild writes nothing");
    edit(page, "## [Broken](nowhere.md) ", "## ");
    assertTrue(serve.rebuild(Set.of(page)).success());
    serve.awaitWritten("print.html");
    assertEquals(fresh(content), files(out));
    serve.close();
  }
  /**
   * A page added and then removed changes the set of printed pages twice, back to what it was:
   * the print sections kept for unchanged pages are checked against each build's set (issue 20
   * compares the set once a build), and each state is what a fresh build writes.
   */
  @Test
  void aPageAddedThenRemovedLeavesWhatAFreshBuildWrites() throws IOException {
    realHandbook();
    Path content = dir.resolve("real");
    IncrementalRebuild serve = new IncrementalRebuild(new SourceLoader(dir), new MarkdownEngine(), "test", new BuildRequest(content, Path.of("templates").toAbsolutePath(), false), out);
    assertTrue(serve.rebuild(Set.of(content)).success());
    java.util.Map<String, String> original = files(out);
    Path added = content.resolve("behaviours/aaa-first-in-the-folder.md");
    Files.writeString(added, "---\ntitle: Added while the preview runs\ndescription: A page added.\norder: 0\n---\n\nIt moves every printed page after it.\n");
    BuildResult grown = serve.rebuild(Set.of(added));
    assertTrue(grown.success(), grown.diagnostics().toString());
    serve.awaitWritten("print.html");
    assertTrue(Files.readString(out.resolve("print.html")).contains("It moves every printed page after it."));
    assertEquals(fresh(content), files(out), "after a page was added");
    Files.delete(added);
    assertTrue(serve.rebuild(Set.of(added)).success());
    serve.awaitWritten("print.html");
    assertEquals(fresh(content), files(out), "after it was removed");
    assertEquals(original.get("print.html"), files(out).get("print.html"), "the print page is as it was");
    serve.close();
  }

  /**
   * A text edit of a page with tag warnings keeps them, as a fresh build reports them (the short
   * way takes them from the build's own, found once).
   */
  @Test
  void aTextEditKeepsThePagesTagWarnings() throws IOException {
    write("content/guide.md", "---\ntitle: Guide\ntags: [goverance, lonely]\n---\n\nText.\n");
    write("content/other.md", "---\ntitle: Other\ntags: [governance]\n---\n\nText.\n");
    write("content/third.md", "---\ntitle: Third\ntags: [governance]\n---\n\nText.\n");
    BuildResult first = rebuild.rebuild(Set.of(dir.resolve("content")));
    assertTrue(first.success(), first.diagnostics().toString());
    java.util.List<String> warnings = first.diagnostics().stream().filter(d -> d.file().endsWith("guide.md")).map(Object::toString).toList();
    assertTrue(warnings.size() >= 2, "a near duplicate and a tag on one page: " + warnings);
    edit(dir.resolve("content/guide.md"), "Text.", "Text, edited.");
    BuildResult edited = rebuild.rebuild(Set.of(dir.resolve("content/guide.md")));
    assertEquals(Set.of("guide.html", "print.html", "search-index.js"), edited.changedOutputs(), "the short way was taken");
    assertEquals(warnings, edited.diagnostics().stream().filter(d -> d.file().endsWith("guide.md")).map(Object::toString).toList());
  }

  /**
   * The search index's budget warning comes with the text edit that takes the index over its
   * budget and goes with the one that brings it back, as a fresh build reports it, although the
   * preview makes the index itself after the edit is served.
   */
  @Test
  void aTextEditAcrossTheSearchIndexBudgetWarnsAsAFreshBuildDoes() throws IOException {
    String paragraph = "Partners agree what they will count before they pool any money. ".repeat(16) + "\n\n";
    for (int i = 0; i < 12; i++) {
      write("content/long-" + i + ".md", "---\ntitle: Long page " + i + "\n---\n\n" + paragraph.repeat(110));
    }
    BuildResult first = rebuild.rebuild(Set.of(dir.resolve("content")));
    assertTrue(first.success(), first.diagnostics().toString());
    assertFalse(overBudget(first), "1.4 MB is within the budget: " + first.diagnostics());
    Path page = dir.resolve("content/long-3.md");
    String original = Files.readString(page);

    Files.writeString(page, original + paragraph.repeat(150));
    BuildResult over = rebuild.rebuild(Set.of(page));
    assertEquals(Set.of("long-3.html", "print.html", "search-index.js"), over.changedOutputs(), "the short way was taken");
    assertTrue(overBudget(over), "150 more paragraphs take it over: " + over.diagnostics());
    assertLikeAFreshBuild(over);

    Files.writeString(page, original + paragraph.repeat(40));
    BuildResult under = rebuild.rebuild(Set.of(page));
    assertEquals(Set.of("long-3.html", "print.html", "search-index.js"), under.changedOutputs(), "the short way was taken");
    assertFalse(overBudget(under), "back within it: " + under.diagnostics());
    assertLikeAFreshBuild(under);
  }

  /**
   * A print page that cannot be written after a text edit (a folder stands at its address) does
   * not cost the next edit: that rebuild says what happened, builds in full and keeps the edit,
   * and the folder is what a fresh build writes. Until then the last good files are served.
   */
  @Test
  void whatTheBackgroundCouldNotWriteIsWrittenByTheNextRebuildWithItsEdit() throws IOException {
    assertTrue(rebuild.rebuild(Set.of(dir.resolve("content"))).success());
    Path print = out.resolve("print.html");
    Files.delete(print);
    Files.createDirectories(print.resolve("in-the-way"));
    edit(dir.resolve("content/guide.md"), "Text.", "Text, edited while the print page cannot be written.");
    BuildResult blocked = rebuild.rebuild(Set.of(dir.resolve("content/guide.md")));
    assertEquals(Set.of("guide.html", "print.html", "search-index.js"), blocked.changedOutputs(), "the short way was taken");
    rebuild.awaitWritten("print.html"); // returns: the server answers with what is there
    assertTrue(Files.isDirectory(print), "the background write failed");

    Files.delete(print.resolve("in-the-way"));
    Files.delete(print);
    edit(dir.resolve("content/index.md"), "See", "Now see");
    BuildResult next = rebuild.rebuild(Set.of(dir.resolve("content/index.md")));
    assertTrue(next.success(), next.diagnostics().toString());
    assertTrue(next.diagnostics().stream().anyMatch(d -> d.severity() == org.practicalpartnerships.handbook.diagnostics.Severity.WARNING
        && d.message().contains("print.html") && d.message().contains("could not all be written") && d.message().contains("built again in full")), next.diagnostics().toString());
    assertTrue(Files.readString(print).contains("cannot be written") && Files.readString(out.resolve("index.html")).contains("Now see"), "both edits are in");
    rebuild.awaitWritten("print.html");
    Path folder = Files.createDirectory(dir.resolve("fresh"));
    IncrementalRebuild full = new IncrementalRebuild(new SourceLoader(dir), new MarkdownEngine(), "test", new BuildRequest(dir.resolve("content"), dir.resolve("templates"), false), folder);
    assertTrue(full.rebuild(Set.of(dir.resolve("content"))).success());
    full.close();
    assertEquals(files(folder), files(out));
  }

  private static boolean overBudget(BuildResult result) {
    return result.diagnostics().stream().anyMatch(d -> d.message().contains("over its budget"));
  }

  /** The preview's diagnostics and files, once written, are a fresh build's of the same folders. */
  private void assertLikeAFreshBuild(BuildResult served) throws IOException {
    rebuild.awaitWritten("print.html");
    rebuild.awaitWritten("search-index.js");
    Path folder = Files.createDirectory(dir.resolve("fresh-" + System.nanoTime()));
    IncrementalRebuild full = new IncrementalRebuild(new SourceLoader(dir), new MarkdownEngine(), "test", new BuildRequest(dir.resolve("content"), dir.resolve("templates"), false), folder);
    BuildResult fresh = full.rebuild(Set.of(dir.resolve("content")));
    full.close();
    assertEquals(fresh.diagnostics(), served.diagnostics());
    assertEquals(files(folder), files(out));
  }

  /**
   * Edits of what other pages show of a page (title, description, order, tags, upkeep) take the
   * way that renders only the pages showing it (issue 20), and after each, at random pages and in
   * random combinations, the folder and the diagnostics are what a fresh build gives: on the real
   * handbook (glossary, tree, check-up, tags) and on a deeper one with few links, where only
   * navigation carries a title to other pages.
   */
  @Test
  void frontMatterEditsOfTheRealHandbookLeaveWhatAFreshBuildWrites() throws IOException {
    realHandbook();
    frontMatterEdits(dir.resolve("real"), 12, 20);
  }

  @Test
  void frontMatterEditsOfADeepHandbookLeaveWhatAFreshBuildWrites() throws IOException {
    Path content = dir.resolve("deep");
    java.util.Random random = new java.util.Random(7);
    java.util.List<String> paths = new java.util.ArrayList<>(java.util.List.of("index.md", "loose.md", "a/index.md", "a/sub/index.md", "a/sub/deeper/index.md", "b/index.md", "c/no-index.md"));
    for (int i = 1; i <= 4; i++) {
      paths.add("a/p" + i + ".md");
      paths.add("a/sub/q" + i + ".md");
      paths.add("a/sub/deeper/r" + i + ".md");
      paths.add("b/s" + i + ".md");
    }
    String[] words = {"Budgets", "Boards", "Care", "Discharge", "Evidence", "Goals", "Housing", "Trust", "Staff", "Pilots"};
    for (String path : paths) {
      StringBuilder page = new StringBuilder("---\ntitle: ").append(words[random.nextInt(words.length)]).append(' ').append(path.hashCode() & 0xff).append('\n');
      if (random.nextBoolean()) {
        page.append("order: ").append(random.nextInt(4)).append('\n');
      }
      page.append("---\n\nA page about ").append(path).append(".\n");
      if (random.nextInt(3) == 0) {
        String target = paths.get(random.nextInt(paths.size()));
        page.append("\nSee [another page](").append(SitePathsForTest.relative(path, target)).append(").\n");
      }
      write("deep/" + path, page.toString());
    }
    frontMatterEdits(content, 20, 8);
  }

  /** Relative links between content files, as an editor writes them. */
  static final class SitePathsForTest {
    static String relative(String from, String to) {
      int depth = from.split("/").length - 1;
      return "../".repeat(depth) + to;
    }
  }

  void frontMatterEdits(Path content, int rounds, long seed) throws IOException {
    IncrementalRebuild serve = new IncrementalRebuild(new SourceLoader(dir), new MarkdownEngine(), "test", new BuildRequest(content, Path.of("templates").toAbsolutePath(), false), out);
    BuildResult first = serve.rebuild(Set.of(content));
    assertTrue(first.success(), first.diagnostics().toString());
    java.util.List<Path> pages;
    try (var walk = Files.walk(content)) {
      pages = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    java.util.Random random = new java.util.Random(seed);
    int reshown = 0;
    for (int round = 0; round < rounds; round++) {
      Set<Path> changed = new java.util.HashSet<>();
      java.util.List<String> made = new java.util.ArrayList<>();
      for (int n = 1 + random.nextInt(2); n > 0; n--) {
        Path page = pages.get(random.nextInt(pages.size()));
        made.add(content.relativize(page) + ": " + editFrontMatter(page, random, round));
        changed.add(page);
      }
      int before = serve.reshown();
      BuildResult result = serve.rebuild(changed);
      reshown += serve.reshown() - before;
      serve.awaitWritten("print.html");
      serve.awaitWritten("search-index.js");
      serve.awaitWritten("handbook.pdf");
      Path folder = dir.resolve("fresh-" + System.nanoTime());
      IncrementalRebuild full = new IncrementalRebuild(new SourceLoader(dir), new MarkdownEngine(), "test", new BuildRequest(content, Path.of("templates").toAbsolutePath(), false), Files.createDirectory(folder));
      BuildResult fresh = full.rebuild(Set.of(content));
      full.awaitWritten("handbook.pdf");
      full.close();
      assertTrue(fresh.success(), "round " + round + " " + made + ": every edit is valid " + fresh.diagnostics());
      assertTrue(result.success(), "round " + round + " " + made);
      assertEquals(fresh.diagnostics(), result.diagnostics(), "round " + round + " " + made);
      assertEquals(files(folder), files(out), "round " + round + " " + made);
    }
    assertTrue(reshown >= rounds / 2, "most edits took the short way: " + reshown + " of " + rounds);
    serve.close();
  }

  /** One random change to what other pages show of the page: its title, description, order, tags or upkeep. */
  static String editFrontMatter(Path page, java.util.Random random, int round) throws IOException {
    String text = Files.readString(page);
    int end = text.indexOf("\n---", 4);
    String front = text.substring(0, end);
    String rest = text.substring(end);
    String edit;
    switch (random.nextInt(6)) {
      case 0 -> {
        edit = "title";
        front = front.replaceFirst("(?m)^title: (.*)$", "title: $1 " + (char) ('A' + random.nextInt(26)) + round);
      }
      case 1 -> {
        edit = "title sorting first";
        front = front.replaceFirst("(?m)^title: (.*)$", "title: Aardvark $1");
      }
      case 2 -> {
        edit = "description";
        front = front.contains("\ndescription:") ? front.replaceFirst("(?m)^description: .*$", "description: Changed in round " + round + ".")
            : front + "\ndescription: Added in round " + round + ".";
      }
      case 3 -> {
        edit = "order";
        int order = random.nextInt(6);
        front = front.contains("\norder:") ? front.replaceFirst("(?m)^order: .*$", "order: " + order) : front + "\norder: " + order;
      }
      case 4 -> {
        edit = "tags";
        String[] choices = {"tags: [understanding]", "tags: [understanding, purpose]", "tags: [behaviours, framework]", ""};
        String tags = choices[random.nextInt(choices.length)];
        front = front.replaceFirst("(?m)^tags: .*\\n?", "") + (tags.isEmpty() ? "" : "\n" + tags);
      }
      default -> {
        edit = "upkeep";
        front = front.replaceAll("(?m)^(updated|owner): .*\\n?", "") + "\nupdated: 2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "\nowner: Team " + round;
      }
    }
    Files.writeString(page, front + rest);
    return edit;
  }

  /**
   * Builds {@code content} in a preview, applies the edits, rebuilds the edited files, and
   * compares the preview's files and diagnostics with a fresh build's (cases found in review of
   * the front-matter path).
   */
  void editedLikeAFreshBuild(Path content, java.util.Map<String, String> edits, boolean expectReshow) throws IOException {
    Path served = Files.createDirectory(dir.resolve("serve-out-" + System.nanoTime()));
    IncrementalRebuild serve = new IncrementalRebuild(new SourceLoader(dir), new MarkdownEngine(), "test", new BuildRequest(content, Path.of("templates").toAbsolutePath(), false), served);
    BuildResult first = serve.rebuild(Set.of(content));
    assertTrue(first.success(), first.diagnostics().toString());
    Set<Path> changed = new java.util.HashSet<>();
    for (var e : edits.entrySet()) {
      Files.writeString(content.resolve(e.getKey()), e.getValue());
      changed.add(content.resolve(e.getKey()));
    }
    int before = serve.reshown();
    BuildResult result = serve.rebuild(changed);
    boolean reshown = serve.reshown() > before;
    serve.awaitWritten("print.html");
    serve.awaitWritten("search-index.js");
    serve.awaitWritten("handbook.pdf");
    Path folder = Files.createDirectory(dir.resolve("fresh-" + System.nanoTime()));
    IncrementalRebuild full = new IncrementalRebuild(new SourceLoader(dir), new MarkdownEngine(), "test", new BuildRequest(content, Path.of("templates").toAbsolutePath(), false), folder);
    BuildResult fresh = full.rebuild(Set.of(content));
    full.awaitWritten("handbook.pdf");
    full.close();
    serve.close();
    if (expectReshow) {
      assertTrue(reshown, "the fast path was taken");
    }
    assertEquals(fresh.success(), result.success(), "success; fresh: " + fresh.diagnostics() + " serve: " + result.diagnostics());
    assertEquals(fresh.diagnostics(), result.diagnostics());
    if (fresh.success()) {
      java.util.Map<String, String> want = files(folder);
      java.util.Map<String, String> got = files(served);
      java.util.List<String> differ = new java.util.ArrayList<>();
      for (String k : want.keySet()) {
        if (!want.get(k).equals(got.get(k))) {
          differ.add(k);
        }
      }
      assertEquals(java.util.List.of(), differ, "files that differ from a fresh build");
      assertEquals(want, got);
    }
  }

  /**
   * A nested section moved among its siblings moves its whole subtree in reading order: the page
   * after it, outside its parent, gets a new "Previous".
   */
  @Test
  void aNestedSectionMovedByItsOrderGivesThePageAfterItANewPrevious() throws IOException {
    editedLikeAFreshBuild(nestedHandbook("nested", "Page one\norder: 1", "Sub\norder: 5"), java.util.Map.of("a/sub/index.md", page("Sub\norder: 0", "Sub.")), true);
  }

  /** The same through a title: a nested section's index page retitled so it sorts first among its siblings. */
  @Test
  void aNestedSectionMovedByItsTitleGivesThePageAfterItANewPrevious() throws IOException {
    editedLikeAFreshBuild(nestedHandbook("nested2", "Middle page", "Zulu section"), java.util.Map.of("a/sub/index.md", page("Aardvark section", "Sub.")), true);
  }

  /** Home, section a with a page and a nested section a/sub with a page, then section b: each front matter from its title line on. */
  Path nestedHandbook(String name, String pageFront, String subFront) throws IOException {
    write(name + "/index.md", page("Home", "Home."));
    write(name + "/a/index.md", page("Alpha", "A."));
    write(name + "/a/p1.md", page(pageFront, "P1."));
    write(name + "/a/sub/index.md", page(subFront, "Sub."));
    write(name + "/a/sub/q1.md", page("Q one", "Q1."));
    write(name + "/b/index.md", page("Beta", "B."));
    return dir.resolve(name);
  }

  static String page(String titleAndMore, String text) {
    return "---\ntitle: " + titleAndMore + "\ndescription: d.\n---\n\n" + text + "\n";
  }

  /** A tag renamed so that its page lands on a written page's address: a fresh build reports two files at one address. */
  @Test
  void aTagRenamedOntoAWrittenPagesAddressFailsAsAFreshBuildDoes() throws IOException {
    Path content = dir.resolve("tagclash");
    write("tagclash/index.md", page("Home", "Home."));
    write("tagclash/x/index.md", page("Zed", "X."));
    write("tagclash/x/deep.md", page("Deep\ntags: [zebra]", "Deep."));
    write("tagclash/tags/trust.md", page("Trust page", "Written."));
    editedLikeAFreshBuild(content, java.util.Map.of("x/deep.md", page("Deep\ntags: [trust]", "Deep.")), false);
  }
}
