package org.practicalpartnerships.handbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * The handbook's one-page summary prints on one side of A4: the committed site is served under
 * a path prefix by a plain file server, Chromium prints the page as a reader's "Print" would
 * (A4, the page's own print stylesheet), and PDFBox counts the pages of the PDF it returns.
 */
class OnePageSummaryIT {
  static final Path SITE = Path.of("site");
  static final String PAGE = "one-page.html";
  /** The printed PDF, kept for people to look at. */
  static final Path OUT = Path.of("target", "print", "one-page-a4.pdf");
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  @Test
  void theOnePageSummaryPrintsOnOneSideOfA4() throws IOException {
    assertTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
        "install Debian's chromium and chromium-driver first: .ci/install-browser");
    assertTrue(Files.isRegularFile(SITE.resolve(PAGE)), "build the site first: ./handbook build");
    HttpServer server = serve(SITE.toRealPath(), "/handbook/");
    ChromeDriver driver = chromium();
    try {
      driver.get("http://127.0.0.1:" + server.getAddress().getPort() + "/handbook/" + PAGE);
      PrintOptions a4 = new PrintOptions();
      a4.setPageSize(new PageSize(29.7, 21.0));
      Pdf pdf = driver.print(a4);
      byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
      Files.createDirectories(OUT.getParent());
      Files.write(OUT, bytes);
      try (PDDocument doc = Loader.loadPDF(bytes)) {
        String text = new PDFTextStripper().getText(doc);
        assertTrue(text.contains("One-page summary"), "the PDF is the summary page:\n" + text);
        assertTrue(text.contains("Source"), "the summary printed to its end, Source included:\n" + text);
        assertEquals(1, doc.getNumberOfPages(), "the one-page summary must print on one side of A4; it takes "
            + doc.getNumberOfPages() + " (see " + OUT + "). Shorten content/one-page.md.");
      }
    } finally {
      driver.quit();
      server.stop(0);
    }
  }

  /** Headless Debian Chromium, fully offline: no driver download (see toolchain notes). */
  static ChromeDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
    return new ChromeDriver(service, options);
  }

  /** A plain static file server for the built site under a path prefix, on loopback. */
  static HttpServer serve(Path root, String prefix) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(prefix, exchange -> {
      try (exchange) {
        Path file = root.resolve(exchange.getRequestURI().getPath().substring(prefix.length())).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        String name = file.getFileName().toString();
        String type = name.endsWith(".html") ? "text/html; charset=utf-8"
            : name.endsWith(".css") ? "text/css; charset=utf-8"
            : name.endsWith(".js") ? "text/javascript; charset=utf-8"
            : name.endsWith(".svg") ? "image/svg+xml" : "application/octet-stream";
        exchange.getResponseHeaders().set("Content-Type", type);
        byte[] bytes = Files.readAllBytes(file);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    });
    server.start();
    return server;
  }
}
