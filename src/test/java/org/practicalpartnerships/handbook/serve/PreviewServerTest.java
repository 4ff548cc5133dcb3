package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Severity;

/**
 * The preview server on its own, serving a hand-made output folder: only files inside it, the
 * right types and headers, the site's 404 page, and steady answers under load.
 */
@Timeout(30)
class PreviewServerTest {
  static final String SECRET = "TOP-SECRET-OUTSIDE-THE-SITE";
  static final String PAGE = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>Home</title>\n</head>\n<body>\n<main>Welcome</main>\n</body>\n</html>\n";

  @TempDir Path dir;
  Path site;
  PreviewServer server;
  final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void serve() throws IOException {
    site = dir.resolve("site");
    write("index.html", PAGE);
    write("a/index.html", PAGE.replace("Home", "Section"));
    write("a/b.html", PAGE.replace("Home", "Page B"));
    write("404.html", "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>Not found</title>\n</head>\n<body>\n<main>NOT-FOUND-PAGE</main>\n</body>\n</html>\n");
    write(".handbook-output", "marker\n");
    for (String ext : List.of("css", "js", "json", "svg", "png", "jpg", "gif", "webp", "ico", "pdf", "xml", "txt", "woff2")) {
      write("assets/file." + ext, "x");
    }
    write("assets/unknown.bin", "x");
    Files.writeString(dir.resolve("secret.txt"), SECRET);
    server = PreviewServer.start(site, "127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  void write(String path, String text) throws IOException {
    Path file = site.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(server.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesPagesWithTheReloadScriptButLeavesTheFileAlone() throws Exception {
    HttpResponse<String> home = get("/");
    assertEquals(200, home.statusCode());
    assertEquals("text/html; charset=utf-8", home.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("nosniff", home.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals("no-store", home.headers().firstValue("Cache-Control").orElseThrow());
    assertTrue(home.body().contains("<script src=\"/__handbook/reload.js\" defer></script></head>"), home.body());
    assertFalse(Files.readString(site.resolve("index.html")).contains("reload.js"));
    assertTrue(get("/a/b.html").body().contains("Page B"));
    assertTrue(get("/a/").body().contains("Section"));
  }

  @Test
  void htmlThatIsNotUtf8IsStillServed() throws Exception {
    Files.write(site.resolve("latin.html"), "<html><head></head><body>caf\u00e9</body></html>".getBytes(StandardCharsets.ISO_8859_1));
    HttpResponse<String> response = get("/latin.html");
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("reload.js"), response.body());
  }

  @Test
  void aFolderWithoutItsSlashIsRedirectedToIt() throws Exception {
    HttpResponse<String> response = get("/a");
    assertEquals(301, response.statusCode());
    assertEquals("/a/", response.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void contentTypesFollowTheExtension() throws Exception {
    var expected = new java.util.LinkedHashMap<String, String>();
    expected.put("css", "text/css; charset=utf-8");
    expected.put("js", "text/javascript; charset=utf-8");
    expected.put("json", "application/json");
    expected.put("svg", "image/svg+xml");
    expected.put("png", "image/png");
    expected.put("jpg", "image/jpeg");
    expected.put("gif", "image/gif");
    expected.put("webp", "image/webp");
    expected.put("ico", "image/x-icon");
    expected.put("pdf", "application/pdf");
    expected.put("xml", "application/xml");
    expected.put("txt", "text/plain; charset=utf-8");
    expected.put("woff2", "font/woff2");
    for (var entry : expected.entrySet()) {
      HttpResponse<String> response = get("/assets/file." + entry.getKey());
      assertEquals(200, response.statusCode(), entry.getKey());
      assertEquals(entry.getValue(), response.headers().firstValue("Content-Type").orElseThrow(), entry.getKey());
      assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
      assertEquals("x", response.body());
    }
    assertEquals("application/octet-stream", get("/assets/unknown.bin").headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void aMissingPageGetsTheSites404PageWithStatus404() throws Exception {
    HttpResponse<String> response = get("/no/such/page.html");
    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains("NOT-FOUND-PAGE"), response.body());
    assertTrue(response.body().contains("reload.js"));
    assertEquals(404, get("/__handbook/nothing").statusCode());
  }

  @Test
  void headAnswersLikeGetWithoutABody() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.url().resolve("/assets/file.css")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals("text/css; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("1", response.headers().firstValue("Content-Length").orElseThrow());
    assertEquals("", response.body());
    Http.Response page = Http.raw(server.port(), "HEAD", "/");
    assertEquals(200, page.status());
    assertEquals("", page.body());
    assertEquals(Integer.toString(get("/").body().getBytes(StandardCharsets.UTF_8).length), page.header("Content-Length"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"})
  void otherMethodsGet405(String method) throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.url().resolve("/index.html")).method(method, HttpRequest.BodyPublishers.ofString("x=1")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, response.statusCode());
    assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElseThrow());
    assertTrue(Files.exists(site.resolve("index.html")));
  }

  @Test
  void aRequestBodyAndOverlongAddressesAreRefused() throws Exception {
    Http.Response withBody = Http.send(server.port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
    assertEquals(413, withBody.status());
    assertEquals(414, Http.raw(server.port(), "GET", "/" + "a".repeat(PreviewServer.MAX_URI + 10)).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/../secret.txt", "/../pom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e/secret.txt", "/..%2f..%2fetc/passwd", "/..%2fsecret.txt",
      "//etc/passwd", "/a%00b", "/a/..%5c..%5csecret.txt", "/.%2e/secret.txt", "/a/../../secret.txt", "/etc/passwd",
      "/%2Fetc%2Fpasswd", "/C:/Windows/win.ini", "http://127.0.0.1/../secret.txt", "file:///etc/passwd", "/.handbook-output"})
  void traversalAttemptsNeverReachAFileOutside(String target) throws Exception {
    Http.Response response = Http.raw(server.port(), "GET", target);
    // 421: an absolute address for another host (here, the wrong port) is not answered at all.
    assertTrue(response.status() == 400 || response.status() == 404 || response.status() == 421, target + " gave " + response.status());
    assertFalse(response.body().contains(SECRET), target);
    assertFalse(response.body().contains("root:"), target);
    assertFalse(response.body().contains("<project"), target);
    assertFalse(response.body().contains("marker"), target);
  }

  @Test
  void aSymbolicLinkOutOfTheFolderIsRefused() throws Exception {
    try {
      Files.createSymbolicLink(site.resolve("leak.txt"), dir.resolve("secret.txt"));
      Files.createSymbolicLink(site.resolve("leakdir"), dir);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here");
    }
    for (String target : List.of("/leak.txt", "/leakdir/secret.txt", "/leakdir/")) {
      Http.Response response = Http.raw(server.port(), "GET", target);
      assertEquals(404, response.status(), target);
      assertFalse(response.body().contains(SECRET), target);
    }
  }

  @Test
  void theOverlayAppearsAfterAFailedBuildAndGoesAfterAGoodOne() throws Exception {
    server.buildFinished(BuildResult.failure(List.of(new Diagnostic("content/a.md", 2, 3, Severity.ERROR, "bad <thing>", "x <y> z"))));
    String broken = get("/a/b.html").body();
    assertTrue(broken.contains("<body><div id=\"handbook-errors\" role=\"alert\">"), broken);
    assertTrue(broken.contains("content/a.md:2:3"), broken);
    assertTrue(broken.contains("bad &lt;thing&gt;"), broken);
    assertTrue(broken.contains("<link rel=\"stylesheet\" href=\"/__handbook/overlay.css\">"), broken);
    assertTrue(get("/missing.html").body().contains("handbook-errors"), "the 404 page shows it too");
    server.buildFinished(new BuildResult(true, List.of(), Set.of("a/b.html")));
    String fixed = get("/a/b.html").body();
    assertFalse(fixed.contains("handbook-errors"), fixed);
    assertFalse(fixed.contains("overlay.css"), fixed);
  }

  @Test
  void theScriptAndStylesheetComeFromTheClasspath() throws Exception {
    HttpResponse<String> script = get("/__handbook/reload.js");
    assertEquals(200, script.statusCode());
    assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(script.body().contains("new EventSource(\"/__handbook/events\")"), script.body());
    assertTrue(script.body().contains("\"reload\""), script.body());
    HttpResponse<String> css = get("/__handbook/overlay.css");
    assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(css.body().contains("#handbook-errors"));
  }

  @Test
  void reloadEventsReachListenersAndGoneListenersAreDropped() throws Exception {
    var lines = new java.util.concurrent.LinkedBlockingQueue<String>();
    HttpRequest request = HttpRequest.newBuilder(server.url().resolve(PreviewServer.EVENTS)).build();
    var response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    var stream = response.get(10, TimeUnit.SECONDS);
    assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElseThrow());
    Thread reader = new Thread(() -> {
      try {
        stream.body().forEach(lines::add);
      } catch (java.io.UncheckedIOException closed) {
        // The test closed the stream.
      }
    });
    reader.setDaemon(true);
    reader.start();
    waitFor(() -> server.eventClients() == 1);
    server.buildFinished(new BuildResult(true, List.of(), Set.of()));
    assertEquals("event: reload", next(lines, "event: reload"));
    stream.body().close();
    reader.interrupt();
    waitFor(() -> {
      server.pingEventClients();
      return server.eventClients() == 0;
    });
  }

  @Test
  void manyConcurrentClientsAreAllAnswered() throws Exception {
    int threads = 50;
    int requests = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger ok = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Future<?>> futures = new ArrayList<>();
    List<String> paths = List.of("/", "/a/b.html", "/assets/file.css", "/assets/file.png");
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < requests; i++) {
          try {
            HttpResponse<String> response = get(paths.get((thread + i) % paths.size()));
            if (response.statusCode() == 200) {
              ok.incrementAndGet();
            } else {
              failures.add(response.statusCode() + "");
            }
          } catch (Exception e) {
            failures.add(e.toString());
          }
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get(25, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(List.of(), List.copyOf(failures));
    assertEquals(threads * requests, ok.get());
  }

  @Test
  void aTakenPortMovesToTheNextFreeOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assumeTrue(port < 65535);
      try (PreviewServer next = PreviewServer.start(site, "127.0.0.1", port)) {
        assertNotEquals(port, next.port());
        assertTrue(next.port() > port && next.port() <= port + PreviewServer.PORT_RANGE);
        assertEquals(URI.create("http://127.0.0.1:" + next.port() + "/"), next.url());
      }
    }
  }

  @Test
  void withoutAnyOutputYetItSaysSoWithTheOverlay() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    try (PreviewServer bare = PreviewServer.start(empty, "127.0.0.1", 0)) {
      bare.buildFinished(BuildResult.failure(List.of(Diagnostic.ofFile("templates/page.ftlh", Severity.ERROR, "broken template"))));
      Http.Response response = Http.raw(bare.port(), "GET", "/");
      assertEquals(404, response.status());
      assertTrue(response.body().contains("No successful build yet"), response.body());
      assertTrue(response.body().contains("broken template"), response.body());
    }
  }

  static String next(java.util.concurrent.BlockingQueue<String> lines, String wanted) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (wanted.equals(line)) {
        return line;
      }
    }
    return null;
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting");
      }
      Thread.sleep(20);
    }
  }
}
