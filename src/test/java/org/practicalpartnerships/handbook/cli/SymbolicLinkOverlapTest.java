package org.practicalpartnerships.handbook.cli;

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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Data loss through symbolic links: the folders are compared by their real paths (links followed,
 * and for an output folder still to be made, its nearest existing parent's), in {@code build},
 * {@code check}, {@code serve} and {@code new}. Every refusal is a usage error (exit 2) that says
 * why, with every source file as it was. README, "What the build guarantees" ("No accidents").
 */
class SymbolicLinkOverlapTest {
  @TempDir Path dir;
  String stdout;
  String stderr;

  @BeforeEach
  void handbook() throws IOException {
    write("content/index.md", "---\ntitle: Home\n---\n\nSee [the guide](guide.md).\n");
    write("content/guide.md", "---\ntitle: Guide\n---\n\nText.\n");
    write("content/images/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    write("templates/page.ftlh", "<!DOCTYPE html><html lang=\"en\"><title>${page.title}</title><main>${page.content}</main></html>\n");
    write("templates/assets/style.css", "body { color: black; }\n");
  }

  int run(Path workingFolder, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, workingFolder, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    stdout = out.toString(StandardCharsets.UTF_8);
    stderr = err.toString(StandardCharsets.UTF_8);
    return code;
  }

  int run(String... args) {
    return run(dir, args);
  }

  void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  static Map<String, String> files(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }

  void link(String link, String target) throws IOException {
    Files.createSymbolicLink(dir.resolve(link), Path.of(target));
  }

  /** A usage error that names the overlap, without a trace. */
  void refused(int code, String... expected) {
    assertEquals(2, code, stderr);
    for (String e : expected) {
      assertTrue(stderr.contains(e), "expected «" + e + "» in:\n" + stderr);
    }
    assertFalse(stderr.contains("Exception") || stderr.contains("\tat ") || stderr.contains("internal error"), stderr);
  }

  @Test
  void theContentMovedIntoTheOutputAndLinkedBackIsRefused() throws IOException {
    assertEquals(0, run("build", "--out", "out"), stderr);
    Map<String, String> content = files(dir.resolve("content"));
    Files.move(dir.resolve("content"), dir.resolve("out/content"));
    link("pages", dir.resolve("out/content").toString());

    refused(run("build", "--content", "pages", "--templates", "templates", "--out", "out"), "must not contain, or be inside, the content folder", "following symbolic links");
    assertEquals(content, files(dir.resolve("out/content")), "not one page lost");
    // The same with a relative link and paths typed with '..' from a folder below.
    Files.delete(dir.resolve("pages"));
    link("pages", "out/content");
    Files.createDirectories(dir.resolve("work"));
    refused(run(dir.resolve("work"), "build", "--content", "../pages", "--templates", "../templates", "--out", "../out"), "must not contain");
    refused(run("build", "--content", "pages/../pages", "--out", "./templates/../out/"), "must not contain");
    assertEquals(content, files(dir.resolve("out/content")));
  }

  @Test
  void anOutputFolderThatIsALinkToTheContentOrTemplatesIsRefused() throws IOException {
    Map<String, String> content = files(dir.resolve("content"));
    Map<String, String> templates = files(dir.resolve("templates"));
    link("out", "content");
    refused(run("build", "--out", "out"), "the content folder");
    link("out2", dir.resolve("templates").toString());
    refused(run("build", "--out", "out2"), "the templates folder");
    link("up", "..");
    refused(run("build", "--out", "up/" + dir.getFileName()), "must not contain");
    assertEquals(content, files(dir.resolve("content")));
    assertEquals(templates, files(dir.resolve("templates")));
  }

  @Test
  void templatesLinkedFromInsideTheOutputAreRefused() throws IOException {
    assertEquals(0, run("build", "--out", "out"), stderr);
    Files.move(dir.resolve("templates"), dir.resolve("out/templates"));
    link("templates", "out/templates");
    Map<String, String> templates = files(dir.resolve("out/templates"));
    refused(run("build", "--out", "out"), "the templates folder");
    assertEquals(templates, files(dir.resolve("out/templates")));
  }

  @Test
  void anOutputFolderReachedThroughALinkIntoTheContentIsRefused() throws IOException {
    Map<String, String> content = files(dir.resolve("content"));
    link("docs", "content");
    refused(run("build", "--out", "docs/site"), "must not contain, or be inside, the content folder");
    // A link to a folder in the content that does not exist yet: the build would create it.
    link("public", dir.resolve("content/public").toString());
    refused(run("build", "--out", "public"), "the content folder");
    refused(run("build", "--out", "public/deeper/site"), "the content folder");
    assertFalse(Files.exists(dir.resolve("content/public")));
    assertFalse(Files.exists(dir.resolve("content/site")));
    assertEquals(content, files(dir.resolve("content")));
  }

  @Test
  void aSymbolicLinkLoopIsAUsageError() throws IOException {
    link("loop", "loop");
    refused(run("build", "--out", "loop"), "loop of symbolic links");
    refused(run("build", "--out", "loop/site"), "loop of symbolic links");
    link("a", "b");
    link("b", "a");
    refused(run("build", "--out", "a"), "loop of symbolic links");
    refused(run("build", "--content", "loop"), "no content folder");
    refused(run("check", "--templates", "a"), "no templates folder");
  }

  @Test
  void anOutputThatIsALinkToAnotherFolderIsBuiltThere() throws IOException {
    Files.createDirectories(dir.resolve("www/handbook"));
    link("site", dir.resolve("www/handbook").toString());
    assertEquals(0, run("build"), stderr);
    assertEquals(0, run("build"), stderr);
    assertTrue(Files.isSymbolicLink(dir.resolve("site")), "the link is kept");
    assertTrue(Files.exists(dir.resolve("www/handbook/guide.html")));
    try (Stream<Path> beside = Files.list(dir.resolve("www"))) {
      assertEquals(List.of("handbook"), beside.map(p -> p.getFileName().toString()).sorted().toList(), "nothing left beside it, the lock file neither");
    }
  }

  @Test
  void checkFollowsLinksToItsFolders() throws IOException {
    link("pages", "content");
    link("tpl", dir.resolve("templates").toString());
    assertEquals(0, run("check", "--content", "pages", "--templates", "tpl"), stderr);
    assertFalse(Files.exists(dir.resolve("site")));
  }

  @Test
  void serveRefusesAContentFolderThatHoldsItsTemporaryFolder() throws IOException {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ServeCommand(dir)).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err, true));
    Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
    assertEquals(2, cli.execute("--port", "0", "--content", temporary.toString()));
    assertTrue(err.toString().contains("lies inside"), err.toString());
    // Through a link, too, and for the templates folder.
    link("tmp", temporary.toString());
    assertEquals(2, cli.execute("--port", "0", "--templates", "tmp"));
    link("root", "/");
    assertTrue(ServeCommand.temporaryFolderProblem(dir.resolve("content"), dir.resolve("root"), temporary).isPresent());
    assertTrue(ServeCommand.temporaryFolderProblem(dir.resolve("content"), dir.resolve("templates"), temporary).isEmpty());
  }

  @Test
  void newFollowsLinksWithoutWritingOutsideTheContentFolder() throws IOException {
    Files.createDirectories(dir.resolve("outside"));
    link("content/dangling", dir.resolve("outside/missing").toString());
    link("content/loop", "loop");
    for (String path : new String[] {"dangling/page", "loop/page", "loop/deeper/page"}) {
      StringWriter err = new StringWriter();
      CommandLine cli = new CommandLine(new NewCommand(dir)).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err, true));
      assertEquals(1, cli.execute(path), path + ": " + err);
      assertTrue(err.toString().contains("is outside the content folder"), err.toString());
    }
    assertFalse(Files.exists(dir.resolve("outside/missing")));
    // A content folder that is itself a link works as the folder it leads to.
    link("pages", "content");
    CommandLine cli = new CommandLine(new NewCommand(dir)).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(new StringWriter()));
    assertEquals(0, cli.execute("--content", "pages", "practice/new"));
    assertTrue(Files.exists(dir.resolve("content/practice/new.md"), LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void serveWatchesAContentFolderThatIsALink() throws Exception {
    Files.move(dir.resolve("content"), dir.resolve("real-content"));
    link("content", "real-content");
    org.practicalpartnerships.handbook.pipeline.BuildRequest request =
        new org.practicalpartnerships.handbook.pipeline.BuildRequest(dir.resolve("content"), dir.resolve("templates"), false);
    try (var session = org.practicalpartnerships.handbook.serve.ServeSession.start(
        new org.practicalpartnerships.handbook.serve.ServeSession.Settings(dir.resolve("content"), dir.resolve("templates"), "127.0.0.1", 0),
        output -> new org.practicalpartnerships.handbook.serve.IncrementalRebuild(new org.practicalpartnerships.handbook.source.SourceLoader(dir),
            new org.practicalpartnerships.handbook.markdown.MarkdownEngine(), "test", request, output),
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))) {
      write("real-content/guide.md", "---\ntitle: Guide\n---\n\nEDITED THROUGH THE LINK\n");
      java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
      long end = System.nanoTime() + 20_000_000_000L;
      String body = "";
      while (!body.contains("EDITED THROUGH THE LINK") && System.nanoTime() < end) {
        Thread.sleep(50);
        body = client.send(java.net.http.HttpRequest.newBuilder(session.url().resolve("/guide.html")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      }
      assertTrue(body.contains("EDITED THROUGH THE LINK"), body);
    }
  }
}
