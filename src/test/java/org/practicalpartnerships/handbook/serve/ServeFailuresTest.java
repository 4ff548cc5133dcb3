package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.pipeline.BuildRequest;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * Every failure in {@code serve} is a diagnostic, on the overlay and in the terminal, never
 * "rebuilding failed unexpectedly" and a stack trace: bad input that used to crash a rebuild, a
 * preview folder that disappears, and a rebuild that throws. The server carries on serving the
 * last good pages and recovers when the cause is gone. README, "Previewing while you edit".
 */
@Timeout(60)
class ServeFailuresTest {
  static final MarkdownEngine MARKDOWN = new MarkdownEngine();

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final HttpClient client = HttpClient.newHttpClient();
  ServeSession session;

  @BeforeEach
  void handbook() throws IOException {
    dir = dir.toRealPath();
    write("content/index.md", "---\ntitle: Home\ndescription: The start.\n---\n\nSee [the guide](guide.md).\n");
    write("content/guide.md", "---\ntitle: Guide\ndescription: How to.\n---\n\nFIRST VERSION\n");
    write("templates/page.ftlh", ServeSessionTest.TEMPLATE);
    write("outside/evil.ftlh", "evil\n");
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

  void start(AtomicReference<Throwable> thrown) throws IOException {
    session = ServeSession.start(new ServeSession.Settings(dir.resolve("content"), dir.resolve("templates"), "127.0.0.1", 0), output -> {
      IncrementalRebuild real = new IncrementalRebuild(new SourceLoader(dir), MARKDOWN, "test", new BuildRequest(dir.resolve("content"), dir.resolve("templates"), false), output);
      return changed -> {
        Throwable t = thrown.get();
        if (t instanceof IOException io) {
          throw io;
        } else if (t instanceof RuntimeException r) {
          throw r;
        } else if (t instanceof Error e) {
          throw e;
        }
        return real.rebuild(changed);
      };
    }, new PrintWriter(out, true), new PrintWriter(err, true), Duration.ofMillis(30), Duration.ofSeconds(15));
  }

  String await(String path, Predicate<String> condition) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String body = "";
    while (System.nanoTime() < end) {
      body = client.send(HttpRequest.newBuilder(session.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
      if (condition.test(body)) {
        return body;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("never satisfied; last body:\n" + body + "\nout:\n" + out + "\nerr:\n" + err);
  }

  void noTrace() {
    String terminal = out + "\n" + err;
    assertFalse(terminal.contains("\tat ") || terminal.contains("unexpectedly") || terminal.contains("Exception in"), terminal);
  }

  interface Breakage {
    void apply(Path dir) throws IOException;
  }

  static Arguments breaks(String name, Breakage breakage, String expected) {
    return Arguments.of(name, breakage, expected);
  }

  static Stream<Arguments> breakages() {
    return Stream.of(
        breaks("a folder named like a page", d -> Files.createDirectories(d.resolve("content/guide.html")),
            "content/guide.html: error: this folder has the address of"),
        breaks("a folder named like a page, with a file", d -> {
          Files.createDirectories(d.resolve("content/guide.html"));
          Files.writeString(d.resolve("content/guide.html/figure.png"), "png");
        }, "content/guide.html: error: this folder has the address of"),
        breaks("a folder named like the search index", d -> {
          Files.createDirectories(d.resolve("content/search-index.js"));
          Files.writeString(d.resolve("content/search-index.js/a.md"), "---\ntitle: A\n---\n");
        }, "content/search-index.js: error: this folder has the address of a file the build makes"),
        breaks("a template linked out of the templates folder", d -> Files.createSymbolicLink(d.resolve("templates/evil.ftlh"), d.resolve("outside/evil.ftlh")),
            "templates/evil.ftlh: error: this symbolic link leads outside the templates folder"),
        breaks("a template nested 5,000 deep", d -> Files.writeString(d.resolve("templates/deep.ftlh"), "<#if true>".repeat(5000) + "x" + "</#if>".repeat(5000)),
            "templates/deep.ftlh:1:1001: error: the template nests more than 100 levels deep here"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakages")
  void aBreakageIsADiagnosticAndThePreviewRecovers(String name, Breakage breakage, String expected) throws Exception {
    start(new AtomicReference<>());
    await("/guide.html", body -> body.contains("FIRST VERSION") && !body.contains("handbook-errors"));
    breakage.apply(dir);
    write("content/guide.md", "---\ntitle: Guide\ndescription: How to.\n---\n\nSECOND VERSION\n");
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!err.toString().contains(expected) && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertTrue(err.toString().contains(expected), "expected «" + expected + "» in the terminal:\n" + err + "\n" + out);
    noTrace();
    String page = await("/index.html", body -> body.contains("handbook-errors"));
    assertTrue(page.contains(expected.substring(0, expected.indexOf(": error"))), page);
  }

  @Test
  void aPreviewFolderThatCannotBeWrittenIsADiagnosticUntilItCanBe() throws Exception {
    start(new AtomicReference<>());
    Path output = session.output();
    Process lock = new ProcessBuilder("chattr", "+i", output.toString()).redirectErrorStream(true).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(lock.waitFor() == 0, "chattr +i is not available here");
    try {
      write("content/guide.md", "---\ntitle: Guide\ndescription: How to.\n---\n\nSECOND VERSION\n");
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!err.toString().contains("handbook: error: cannot write the preview") && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      assertTrue(err.toString().contains("handbook: error: cannot write the preview: operation not permitted"), err.toString());
      noTrace();
      assertTrue(await("/guide.html", body -> body.contains("handbook-errors")).contains("FIRST VERSION"));
    } finally {
      new ProcessBuilder("chattr", "-i", output.toString()).start().waitFor();
    }
    write("content/guide.md", "---\ntitle: Guide\ndescription: How to.\n---\n\nTHIRD VERSION\n");
    await("/guide.html", body -> body.contains("THIRD VERSION") && !body.contains("handbook-errors"));
  }

  @Test
  void aPreviewFolderDeletedUnderItIsMadeAgain() throws Exception {
    start(new AtomicReference<>());
    // As a system's cleaner of temporary files might.
    org.practicalpartnerships.handbook.output.OutputWriter.deleteTree(session.output());
    write("content/guide.md", "---\ntitle: Guide\ndescription: How to.\n---\n\nSECOND VERSION\n");
    await("/guide.html", body -> body.contains("SECOND VERSION") && !body.contains("handbook-errors"));
    await("/index.html", body -> body.contains("the guide"));
    noTrace();
  }

  @Test
  void aRebuildThatThrowsIsOneLineNotAStackTrace() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    start(thrown);
    for (Throwable t : new Throwable[] {new IllegalStateException("kaboom"), new java.io.UncheckedIOException(new IOException("disk")), new StackOverflowError(),
        new IOException("No space left on device"), new java.nio.file.AccessDeniedException("/tmp/handbook-serve1/index.html")}) {
      thrown.set(t);
      assertFalse(session.rebuildNow(Set.of(dir.resolve("content/guide.md"))).success());
      assertTrue(err.toString().contains("handbook: error: "), err.toString());
      noTrace();
      assertTrue(await("/guide.html", body -> body.contains("handbook-errors")).contains("FIRST VERSION"));
      thrown.set(null);
      assertTrue(session.rebuildNow(Set.of(dir.resolve("content"))).success(), err.toString());
    }
    assertTrue(err.toString().contains("cannot write the preview: No space left on device"), err.toString());
    assertTrue(err.toString().contains("cannot write the preview: access denied ('/tmp/handbook-serve1/index.html')")
        || err.toString().contains("cannot write the preview: /tmp/handbook-serve1/index.html"), err.toString());
    assertTrue(err.toString().contains("internal error while rebuilding (java.lang.IllegalStateException: kaboom)"), err.toString());
  }
}
