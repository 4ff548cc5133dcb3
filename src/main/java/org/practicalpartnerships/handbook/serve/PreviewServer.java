package org.practicalpartnerships.handbook.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Severity;

/**
 * Serves one output folder over HTTP for the preview, with the JDK's built-in server (no HTTP
 * parsing of our own), on loopback unless told otherwise.
 *
 * <ul>
 *   <li>Only files inside the folder: the path is checked by {@link RequestPath} (one decoding,
 *       no {@code ..}, no encoded separators or dots, no NUL, no backslashes), then its real path
 *       (symbolic links followed) must lie inside the folder's real path. Hidden files are not
 *       served. A folder serves its {@code index.html}; a folder asked for without its trailing
 *       slash is redirected to it, so relative links work.
 *   <li>GET and HEAD only (405 otherwise), no request body (413), URIs up to {@value #MAX_URI}
 *       characters (414). A missing file gets the site's {@code 404.html} with status 404.
 *   <li>Every response: a Content-Type by extension, {@code X-Content-Type-Options: nosniff} and
 *       {@code Cache-Control: no-store}.
 *   <li>HTML gets the reload script and, while the latest build failed, the error overlay, at
 *       serve time only ({@link Injection}).
 *   <li>{@code /__handbook/events} is the reload event stream; {@code /__handbook/reload.js} and
 *       {@code /__handbook/overlay.css} come from the classpath.
 *   <li>Only requests for the preview's own address: a Host that is a loopback name or address, or
 *       the {@code --host} given, on the server's port (421 otherwise), and no Origin but the
 *       preview's own (403), against DNS rebinding ({@link HostCheck}).
 *   <li>Handler threads are made as requests need them (up to {@value #MAX_THREADS}, idle ones
 *       end), so clients that stall hold only their own; every write to a client has a time limit
 *       ({@link WriteGuard}), and a client that sends its request too slowly is dropped. Event
 *       streams hold no thread.
 * </ul>
 */
public final class PreviewServer implements AutoCloseable {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8000;
  /** How many ports above the asked one are tried when it is taken (8000 to 8100). */
  public static final int PORT_RANGE = 100;
  public static final String PREFIX = "/__handbook/";
  public static final String EVENTS = PREFIX + "events";
  public static final String RELOAD_JS = PREFIX + "reload.js";
  public static final String OVERLAY_CSS = PREFIX + "overlay.css";
  /** Longest request URI accepted. */
  public static final int MAX_URI = 4096;
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  /** How long one write to a client may wait for the client to read. */
  static final Duration WRITE_STALL = Duration.ofSeconds(10);
  /** Threads kept for requests, and the most there may be at once. */
  private static final int THREADS = 8;
  static final int MAX_THREADS = 512;
  private static final int BACKLOG = 256;

  static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("htm", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("avif", "image/avif"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("xml", "application/xml"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("md", "text/plain; charset=utf-8"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("woff", "font/woff"),
      Map.entry("ttf", "font/ttf"),
      Map.entry("otf", "font/otf"),
      Map.entry("mp4", "video/mp4"),
      Map.entry("webm", "video/webm"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("csv", "text/csv; charset=utf-8"),
      Map.entry("zip", "application/zip"));

  static {
    // The JDK's server leaves Nagle's algorithm on unless told otherwise, which delays every
    // keep-alive response by the client's delayed ACK (about 40 ms). Read once, when the JDK's
    // server is first used; a value set on the command line wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    // A client that sends its request slowly (or never finishes it) holds a worker thread; the
    // JDK's server closes such connections after this many seconds, so slow clients cannot starve
    // the others. (Responses are not timed: the reload event stream stays open.)
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", "3");
    }
  }

  private final Path root;
  private final HttpServer http;
  private final ThreadPoolExecutor executor;
  private final ReloadEvents events;
  private final HostCheck hosts;
  private final WriteGuard guard;
  private final URI url;
  private volatile List<Diagnostic> problems = List.of();
  /** Called with a file's site path before it is served, to wait while a rebuild writes it. */
  private volatile java.util.function.Consumer<String> beforeServing = path -> {};

  private PreviewServer(Path root, HttpServer http, ThreadPoolExecutor executor, ReloadEvents events, HostCheck hosts, WriteGuard guard) {
    this.root = root;
    this.http = http;
    this.executor = executor;
    this.events = events;
    this.hosts = hosts;
    this.guard = guard;
    InetSocketAddress address = http.getAddress();
    InetAddress ip = address.getAddress();
    String host = ip instanceof Inet6Address ? "[" + ip.getHostAddress().replaceAll("%.*", "") + "]" : ip.getHostAddress();
    this.url = URI.create("http://" + host + ":" + address.getPort() + "/");
  }

  /**
   * Starts serving {@code root}.
   *
   * @param host the address to listen on, such as {@code 127.0.0.1}
   * @param port the port to try first; when taken, the next ones up to {@code port +} {@value
   *     #PORT_RANGE} are tried. 0 lets the system choose a free one (for tests).
   * @throws BindException when no port in the range is free
   */
  public static PreviewServer start(Path root, String host, int port) throws IOException {
    return start(root, host, port, KEEP_ALIVE, WRITE_STALL);
  }

  static PreviewServer start(Path root, String host, int port, Duration keepAlive) throws IOException {
    return start(root, host, port, keepAlive, WRITE_STALL);
  }

  static PreviewServer start(Path root, String host, int port, Duration keepAlive, Duration writeStall) throws IOException {
    InetAddress address = InetAddress.getByName(host);
    HttpServer http = bind(address, port);
    AtomicInteger threadNumber = new AtomicInteger();
    // No queue: a request gets a thread at once, a new one when all are busy (with clients that
    // stall, say). Past MAX_THREADS the JDK's server closes the new connection.
    ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "handbook-serve-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
    WriteGuard guard = new WriteGuard(writeStall);
    ReloadEvents events = new ReloadEvents(keepAlive, guard);
    HostCheck hosts = new HostCheck(host, address, http.getAddress().getPort());
    PreviewServer server = new PreviewServer(root.toAbsolutePath().normalize(), http, executor, events, hosts, guard);
    http.createContext("/", server::handle);
    http.setExecutor(executor);
    http.start();
    return server;
  }

  private static HttpServer bind(InetAddress address, int port) throws IOException {
    if (port == 0) {
      return HttpServer.create(new InetSocketAddress(address, 0), BACKLOG);
    }
    int last = Math.min(65535, port + PORT_RANGE);
    for (int p = port; p <= last; p++) {
      try {
        return HttpServer.create(new InetSocketAddress(address, p), BACKLOG);
      } catch (BindException e) {
        // Taken: try the next one.
      }
    }
    throw new BindException("no free port from " + port + " to " + last + " on " + address.getHostAddress() + "; choose one with --port");
  }

  /** The address actually served, such as {@code http://127.0.0.1:8001/}. */
  public URI url() {
    return url;
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** The output folder being served. */
  public Path root() {
    return root;
  }

  /**
   * Records the latest build: while it has errors every HTML page carries the overlay. Then tells
   * every open tab to reload, whether the build failed or not.
   */
  public void buildFinished(BuildResult result) {
    if (!result.hasErrors()) {
      problems = List.of();
    } else if (result.diagnostics().isEmpty()) {
      problems = List.of(Diagnostic.ofFile("handbook", Severity.ERROR, "the build failed without saying why"));
    } else {
      problems = result.diagnostics();
    }
    events.reload();
  }

  /** How many tabs are listening for reload events. */
  public int eventClients() {
    return events.count();
  }

  /** Sends a keep-alive to every event client now, dropping those that went away. */
  void pingEventClients() {
    events.ping();
  }

  /** Handler threads alive now, for tests. */
  int threads() {
    return executor.getPoolSize();
  }

  /** Writes waiting on a client now, for tests. */
  int stalledWrites() {
    return guard.writing();
  }

  /** Writes ended because the client stopped reading, for tests. */
  long endedWrites() {
    return guard.ended();
  }

  @Override
  public void close() {
    events.close();
    http.stop(0);
    executor.shutdownNow();
    guard.close();
  }

  private void handle(HttpExchange exchange) {
    boolean keepOpen = false;
    boolean head = exchange.getRequestMethod().equals("HEAD");
    try {
      Headers headers = exchange.getResponseHeaders();
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Cache-Control", "no-store");
      Optional<String> wrongHost = hosts.refuseHost(hostOf(exchange));
      if (wrongHost.isPresent()) {
        headers.set("Connection", "close");
        text(exchange, 421, "Misdirected request: " + wrongHost.get() + ".", head);
        return;
      }
      if (!hosts.originAllowed(exchange.getRequestHeaders().getFirst("Origin"))) {
        headers.set("Connection", "close");
        text(exchange, 403, "Forbidden: the preview answers only its own pages, not requests from other web sites.", head);
        return;
      }
      String method = exchange.getRequestMethod();
      if (!head && !method.equals("GET")) {
        headers.set("Allow", "GET, HEAD");
        headers.set("Connection", "close");
        text(exchange, 405, "Method not allowed: the preview serves GET and HEAD only.", head);
        return;
      }
      URI uri = exchange.getRequestURI();
      if (uri.toString().length() > MAX_URI) {
        text(exchange, 414, "The address is too long.", head);
        return;
      }
      if (hasBody(exchange.getRequestHeaders())) {
        headers.set("Connection", "close");
        text(exchange, 413, "A request to the preview may not have a body.", head);
        return;
      }
      Optional<RequestPath> path = RequestPath.of(uri);
      if (path.isEmpty()) {
        text(exchange, 400, "Bad request: that path is not allowed.", head);
        return;
      }
      String relative = path.get().relative();
      if (("/" + relative).startsWith(PREFIX)) {
        keepOpen = own(exchange, relative.substring(PREFIX.length() - 1), head);
      } else {
        file(exchange, path.get(), head);
      }
    } catch (NoSuchFileException e) {
      // Deleted between the check and the read, as when a rebuild swaps the output in.
      try {
        notFound(exchange, head);
      } catch (IOException | RuntimeException ignored) {
        // Headers may already be sent.
      }
    } catch (IOException | UncheckedIOException e) {
      // The client went away or the output was replaced mid-response: nothing more to do.
    } catch (RuntimeException e) {
      try {
        text(exchange, 500, "Internal error in the preview server: " + e, false);
      } catch (IOException | RuntimeException ignored) {
        // Headers may already be sent.
      }
    } finally {
      if (!keepOpen) {
        exchange.close();
      }
    }
  }

  /**
   * The host a request is for: the Host header, or the host of an absolute request URI (which
   * takes precedence, as HTTP/1.1 says).
   */
  private static String hostOf(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    if (uri.isAbsolute() && uri.getRawAuthority() != null) {
      return uri.getRawAuthority();
    }
    List<String> hosts = exchange.getRequestHeaders().get("Host");
    return hosts == null || hosts.size() != 1 ? null : hosts.get(0);
  }

  private static boolean hasBody(Headers request) {
    String length = request.getFirst("Content-Length");
    if (length != null && !length.strip().equals("0")) {
      return true;
    }
    return request.containsKey("Transfer-Encoding");
  }

  /** The preview's own files under /__handbook/. Returns true when the exchange must stay open. */
  private boolean own(HttpExchange exchange, String name, boolean head) throws IOException {
    switch (name) {
      case "events" -> {
        if (head) {
          exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
          exchange.sendResponseHeaders(200, -1);
          return false;
        }
        events.open(exchange, lastEventId(exchange));
        return true;
      }
      case "reload.js", "overlay.css" -> {
        try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
          if (in == null) {
            throw new IllegalStateException("missing resource " + name);
          }
          send(exchange, 200, contentType(name), in.readAllBytes(), head);
        }
        return false;
      }
      default -> {
        notFound(exchange, head);
        return false;
      }
    }
  }

  /** Sets what to wait for before serving a file, such as {@link Rebuild#awaitWritten}. */
  public void beforeServing(java.util.function.Consumer<String> wait) {
    beforeServing = wait;
  }

  private void file(HttpExchange exchange, RequestPath path, boolean head) throws IOException {
    beforeServing.accept(path.relative());
    Optional<Path> realRoot = realRoot();
    if (realRoot.isEmpty() || path.hidden()) {
      notFound(exchange, head);
      return;
    }
    Path candidate = realRoot.get().resolve(path.relative()).normalize();
    if (!candidate.startsWith(realRoot.get()) || !Files.exists(candidate)) {
      notFound(exchange, head);
      return;
    }
    Path real = candidate.toRealPath();
    if (!real.startsWith(realRoot.get())) {
      notFound(exchange, head);
      return;
    }
    if (Files.isDirectory(real)) {
      if (!path.folder()) {
        exchange.getResponseHeaders().set("Location", path.folderUrl());
        text(exchange, 301, "Moved to " + path.folderUrl(), head);
        return;
      }
      real = real.resolve("index.html");
      if (!Files.exists(real) || !real.toRealPath().startsWith(realRoot.get())) {
        notFound(exchange, head);
        return;
      }
    }
    if (!Files.isRegularFile(real)) {
      notFound(exchange, head);
      return;
    }
    String type = contentType(real.getFileName().toString());
    if (type.startsWith("text/html")) {
      // Decoded leniently: an HTML file copied from the content may not be UTF-8.
      String html = new String(Files.readAllBytes(real), StandardCharsets.UTF_8);
      send(exchange, 200, type, Injection.inject(html, problems).getBytes(StandardCharsets.UTF_8), head);
      return;
    }
    long size = Files.size(real);
    exchange.getResponseHeaders().set("Content-Type", type);
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
    try (OutputStream out = guard.guard(exchange, exchange.getResponseBody())) {
      Files.copy(real, out);
    }
  }

  /**
   * The output folder's real path. It is absent for a moment while a rebuild swaps the new output
   * in, so a request that lands then waits briefly for it.
   */
  private Optional<Path> realRoot() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        return Optional.of(root.toRealPath());
      } catch (NoSuchFileException e) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return Optional.empty();
  }

  private void notFound(HttpExchange exchange, boolean head) throws IOException {
    Optional<Path> realRoot = realRoot();
    if (realRoot.isPresent()) {
      Path page = realRoot.get().resolve("404.html");
      if (Files.isRegularFile(page) && page.toRealPath().startsWith(realRoot.get())) {
        // The preview's build writes the 404 page's URLs from / (BuildRequest.preview), so it works at any depth here.
        String html = new String(Files.readAllBytes(page), StandardCharsets.UTF_8);
        send(exchange, 404, CONTENT_TYPES.get("html"), Injection.inject(html, problems).getBytes(StandardCharsets.UTF_8), head);
        return;
      }
    }
    String title = problems.isEmpty() ? "Page not found" : "No successful build yet";
    String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title + "</title>\n</head>\n<body>\n<main>\n<h1>" + title
        + "</h1>\n<p>" + (problems.isEmpty() ? "There is no page at this address." : "The preview will show the handbook as soon as it builds.") + "</p>\n</main>\n</body>\n</html>\n";
    send(exchange, 404, CONTENT_TYPES.get("html"), Injection.inject(html, problems).getBytes(StandardCharsets.UTF_8), head);
  }

  private void text(HttpExchange exchange, int status, String message, boolean head) throws IOException {
    send(exchange, status, CONTENT_TYPES.get("txt"), (message + "\n").getBytes(StandardCharsets.UTF_8), head);
  }

  /** The number in a reconnecting event stream's Last-Event-ID, or -1. */
  private static long lastEventId(HttpExchange exchange) {
    String id = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    try {
      return id == null ? -1 : Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void send(HttpExchange exchange, int status, String type, byte[] body, boolean head) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = guard.guard(exchange, exchange.getResponseBody())) {
      out.write(body);
    }
  }

  /** The Content-Type for a file name, by extension; unknown types are plain bytes. */
  static String contentType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }
}
