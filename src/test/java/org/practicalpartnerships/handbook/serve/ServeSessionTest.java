package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.TestFiles;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.pipeline.BuildRequest;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * The preview end to end: save a file, the site is rebuilt in a temporary folder, open tabs are
 * told to reload, problems show over the last good pages, and nothing lands in site/.
 */
@Timeout(60)
class ServeSessionTest {
  static final MarkdownEngine MARKDOWN = new MarkdownEngine();
  static final String TEMPLATE = "<!DOCTYPE html>\n<html lang=\"${site.language}\">\n<head>\n<meta charset=\"utf-8\">\n<title>${page.title}</title>\n</head>\n<body>\n<main>${page.content}</main>\n</body>\n</html>\n";

  @TempDir Path dir;
  Path content;
  Path templates;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final HttpClient client = HttpClient.newHttpClient();
  ServeSession session;

  @BeforeEach
  void handbook() throws IOException {
    dir = dir.toRealPath();
    content = dir.resolve("content");
    templates = dir.resolve("templates");
    write("content/index.md", "---\ntitle: Home\ndescription: The start.\n---\n\nSee [the guide](guide.md).\n");
    write("content/guide.md", "---\ntitle: Guide\ndescription: How to.\n---\n\nFIRST VERSION\n\n## Start {#start}\n");
    write("templates/page.ftlh", TEMPLATE);
  }

  @AfterEach
  void stop() {
    if (session != null) {
      session.close();
    }
  }

  void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  void start() throws IOException {
    start(output -> new IncrementalRebuild(new SourceLoader(dir), MARKDOWN, "test", new BuildRequest(content, templates, false, true), output));
  }

  void start(Function<Path, Rebuild> rebuilds) throws IOException {
    session = ServeSession.start(new ServeSession.Settings(content, templates, "127.0.0.1", 0), rebuilds,
        new PrintWriter(out, true), new PrintWriter(err, true), Duration.ofMillis(30), Duration.ofSeconds(15));
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(session.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Polls a page until it satisfies the condition (the rebuild runs on the watcher's thread). */
  String await(String path, Predicate<String> condition) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String body = "";
    while (System.nanoTime() < end) {
      body = get(path).body();
      if (condition.test(body)) {
        return body;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("never satisfied; last body:\n" + body + "\nout:\n" + out + "\nerr:\n" + err);
  }

  @Test
  void theFirstBuildIsServedFromATemporaryFolderWithTheScriptInjectedOnlyInTransit() throws Exception {
    start();
    assertTrue(session.output().getFileName().toString().startsWith("handbook-serve"), session.output().toString());
    assertFalse(session.output().startsWith(dir));
    HttpResponse<String> home = get("/");
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("<script src=\"/__handbook/reload.js\" defer></script></head>"), home.body());
    try (Stream<Path> files = Files.walk(session.output())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        String text = Files.readString(file);
        assertFalse(text.contains("__handbook"), file + " on disk carries the preview's script");
      }
    }
    assertFalse(Files.exists(dir.resolve("site")), "serve never writes site/");
    assertTrue(out.toString().startsWith("Built in "), out.toString());
  }

  @Test
  void savingAPageRebuildsItAndOpenTabsAreToldToReload() throws Exception {
    start();
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpResponse<Stream<String>> events = client.send(HttpRequest.newBuilder(session.url().resolve("/__handbook/events")).build(), HttpResponse.BodyHandlers.ofLines());
    Thread reader = new Thread(() -> {
      try {
        events.body().forEach(lines::add);
      } catch (UncheckedIOException closed) {
        // The session closed the stream.
      }
    });
    reader.setDaemon(true);
    reader.start();
    PreviewServerTest.waitFor(() -> session.server().eventClients() == 1);
    write("content/guide.md", "---\ntitle: Guide\ndescription: How to.\n---\n\nSECOND VERSION\n\n## Start {#start}\n");
    assertNotNull(PreviewServerTest.next(lines, "event: reload"), "no reload event; out:\n" + out + "\nerr:\n" + err);
    assertTrue(get("/guide.html").body().contains("SECOND VERSION"));
    assertTrue(out.toString().matches("(?s)Built in \\d+ ms.*Rebuilt in \\d+ ms \\(\\d+ files? changed; no problems\\)\\.\n.*"), out.toString());
    events.body().close();
  }

  @Test
  void aBrokenPageShowsTheOverlayOverTheLastGoodPagesUntilItIsFixed() throws Exception {
    start();
    write("content/guide.md", "---\ntitle: Guide\ndescription: How to.\n---\n\nBROKEN VERSION, see [nowhere](nowhere.md).\n");
    String broken = await("/guide.html", body -> body.contains("handbook-errors"));
    assertTrue(broken.contains("FIRST VERSION"), "the last good build is still served");
    assertTrue(broken.contains("<div id=\"handbook-errors\" role=\"alert\">"), broken);
    assertTrue(broken.contains("content/guide.md:6:"), broken);
    assertTrue(broken.contains("nowhere.md"), broken);
    assertTrue(broken.contains("<pre>BROKEN VERSION, see [nowhere](nowhere.md).\n"), broken);
    assertTrue(get("/").body().contains("handbook-errors"), "every page shows it");
    assertTrue(out.toString().contains("Build failed in "), out.toString());
    assertTrue(err.toString().contains("content/guide.md:6:"), err.toString());

    write("content/guide.md", "---\ntitle: Guide\ndescription: How to.\n---\n\nFIXED VERSION\n");
    // The page is on disk a moment before the session takes the overlay down and sends the reload.
    String fixed = await("/guide.html", body -> body.contains("FIXED VERSION") && !body.contains("handbook-errors"));
    assertFalse(fixed.contains("overlay.css"), fixed);
  }

  @Test
  void aBrokenTemplateShowsTheOverlayToo() throws Exception {
    start();
    write("templates/page.ftlh", TEMPLATE.replace("${page.title}</title>", "${page.title</title>"));
    String broken = await("/", body -> body.contains("handbook-errors"));
    assertTrue(broken.contains("templates/page.ftlh"), broken);
    write("templates/page.ftlh", TEMPLATE);
    await("/", body -> !body.contains("handbook-errors"));
  }

  @Test
  void newAndDeletedPagesAppearAndDisappear() throws Exception {
    start();
    assertEquals(404, get("/extra.html").statusCode());
    write("content/sub/extra.md", "---\ntitle: Extra\ndescription: More.\n---\n\nEXTRA PAGE\n");
    await("/sub/extra.html", body -> body.contains("EXTRA PAGE"));
    Files.move(dir.resolve("content/sub/extra.md"), dir.resolve("content/sub/renamed.md"), StandardCopyOption.ATOMIC_MOVE);
    await("/sub/renamed.html", body -> body.contains("EXTRA PAGE"));
    assertEquals(404, get("/sub/extra.html").statusCode());
    Files.delete(dir.resolve("content/sub/renamed.md"));
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (get("/sub/renamed.html").statusCode() != 404 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertEquals(404, get("/sub/renamed.html").statusCode());
  }

  @Test
  void aRebuildThatThrowsIsShownAsAnErrorAndTheServerCarriesOn() throws Exception {
    AtomicBoolean explode = new AtomicBoolean();
    start(output -> {
      IncrementalRebuild real = new IncrementalRebuild(new SourceLoader(dir), MARKDOWN, "test", new BuildRequest(content, templates, false), output);
      return changed -> {
        if (explode.get()) {
          throw new IllegalStateException("kaboom <b>");
        }
        return real.rebuild(changed);
      };
    });
    explode.set(true);
    BuildResult result = session.rebuildNow(Set.of(content.resolve("guide.md")));
    assertFalse(result.success());
    String page = get("/guide.html").body();
    assertTrue(page.contains("FIRST VERSION"), page);
    assertTrue(page.contains("internal error while rebuilding (java.lang.IllegalStateException: kaboom &lt;b&gt;)"), page);
    explode.set(false);
    assertTrue(session.rebuildNow(Set.of(content)).success());
    assertFalse(get("/guide.html").body().contains("handbook-errors"));
  }

  @Test
  void aFirstBuildThatFailsStillServesAPageWithTheProblems() throws Exception {
    write("content/guide.md", "---\ntitle: [unclosed\n---\n");
    start();
    HttpResponse<String> page = get("/");
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("No successful build yet"), page.body());
    assertTrue(page.body().contains("content/guide.md:2:"), page.body());
    write("content/guide.md", "---\ntitle: Guide\n---\n\nNOW GOOD\n");
    await("/guide.html", body -> body.contains("NOW GOOD") && !body.contains("handbook-errors"));
  }

  @Test
  void closingDeletesTheTemporaryFolder() throws Exception {
    start();
    Path output = session.output();
    assertTrue(Files.isDirectory(output));
    session.close();
    assertFalse(Files.exists(output));
    session = null;
  }

  @Test
  void theRealTemplatesBuildAndServeARealisticSite() throws Exception {
    TestFiles.copyTree(Path.of("templates"), templates);
    start();
    HttpResponse<String> home = get("/");
    assertEquals(200, home.statusCode(), err.toString());
    assertTrue(home.body().contains("script-src 'self'"), "the pages' CSP allows the same-origin script");
    assertTrue(home.body().contains(Injection.RELOAD_SCRIPT + "</head>"), home.body());
    HttpResponse<String> css = get("/assets/handbook.css");
    assertEquals(200, css.statusCode());
    assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElseThrow());
    HttpResponse<String> missing = get("/no/such/page.html");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("reload.js"), missing.body());
    assertTrue(missing.body().contains("<link rel=\"stylesheet\" href=\"/assets/handbook.css\">"), "the 404 page reaches its stylesheet from the preview's root, at any depth: " + missing.body());
    assertFalse(missing.body().contains("<base"), "no <base>, which would send the skip link to the home page");
    write("content/guide.md", "---\ntitle: Guide\ndescription: How to.\n---\n\nREAL TEMPLATE EDIT\n");
    await("/guide.html", body -> body.contains("REAL TEMPLATE EDIT"));
  }


}
