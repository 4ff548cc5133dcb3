package org.practicalpartnerships.handbook.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A plain static file server for tests, like the one a handbook is published on: it serves a
 * folder under a path prefix (such as {@code /handbook/}) on loopback, with nothing else: no
 * directory listings and no index fallback, so only links the way a file server reads them work.
 */
public final class StaticServer implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
      "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "xml", "application/xml", "txt", "text/plain; charset=utf-8");

  private final HttpServer server;
  private final String prefix;
  private final UnaryOperator<String> css;
  private final boolean errorPage;

  StaticServer(Path root, String prefix) throws IOException {
    this(root, prefix, UnaryOperator.identity(), false);
  }

  /** Serves every stylesheet rewritten by {@code css}, as a browser without some feature would read it. */
  StaticServer(Path root, String prefix, UnaryOperator<String> css) throws IOException {
    this(root, prefix, css, false);
  }

  /**
   * Answers any missing address with the site's {@code 404.html}, its bytes as they are, status
   * 404, at the address asked for: what nginx does with {@code error_page 404 /handbook/404.html}
   * (an internal redirect, so the browser's address stays the missing page's).
   */
  static StaticServer withErrorPage(Path root, String prefix) throws IOException {
    return new StaticServer(root, prefix, UnaryOperator.identity(), true);
  }

  private StaticServer(Path root, String prefix, UnaryOperator<String> css, boolean errorPage) throws IOException {
    this.prefix = prefix;
    this.css = css;
    this.errorPage = errorPage;
    Path base = root.toRealPath();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(prefix, exchange -> serve(exchange, base));
    server.start();
  }

  /** The address of the site's root, ending in the prefix. */
  public String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
  }

  private void serve(HttpExchange exchange, Path base) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(prefix.length());
      Path file = base.resolve(path).normalize();
      if (!file.startsWith(base) || !Files.isRegularFile(file)) {
        Path notFound = base.resolve("404.html");
        if (!errorPage || !Files.isRegularFile(notFound)) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        byte[] page = Files.readAllBytes(notFound);
        exchange.getResponseHeaders().set("Content-Type", TYPES.get("html"));
        exchange.sendResponseHeaders(404, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(page);
        }
        return;
      }
      String name = file.getFileName().toString();
      String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
      exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
      byte[] bytes = Files.readAllBytes(file);
      if (ext.equals("css")) {
        bytes = css.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      }
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
