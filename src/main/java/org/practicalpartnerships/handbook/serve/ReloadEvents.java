package org.practicalpartnerships.handbook.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Server-Sent Events stream that tells open tabs to reload. A client's exchange stays open
 * after its handler returns (so a tab holds no server thread); events are written to every client
 * from one timer thread, and a client whose connection fails on a write is dropped. A comment
 * line every {@code keepAlive} keeps proxies from closing idle streams and finds clients that went
 * away. Writes are timed ({@link WriteGuard}): a client that stops reading is dropped rather than
 * holding up the others.
 *
 * <p>Each event carries the number of builds so far as its id, and so does the greeting, so a tab
 * whose stream was cut reconnects with {@code Last-Event-ID} and is told to reload at once if a
 * build finished while it was away.
 */
final class ReloadEvents implements AutoCloseable {
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer;
  /**
   * The stream's Content-Length: a fixed length (never reached) rather than chunks, so that the
   * write guard can end a stalled stream by closing its exchange from another thread.
   */
  static final long STREAM_LENGTH = 1L << 50;

  private final AtomicLong builds = new AtomicLong();
  private final WriteGuard guard;

  ReloadEvents(Duration keepAlive, WriteGuard guard) {
    this.guard = guard;
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "handbook-reload-events");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1, keepAlive.toMillis());
    timer.scheduleWithFixedDelay(this::ping, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts an event stream on this exchange and keeps it open.
   *
   * @param lastEventId the Last-Event-ID the tab sent when reconnecting, or -1
   */
  void open(HttpExchange exchange, long lastEventId) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.sendResponseHeaders(200, STREAM_LENGTH);
    Client client = new Client(exchange, guard.guard(exchange, exchange.getResponseBody()));
    clients.add(client);
    long now = builds.get();
    // The retry hint makes a tab reconnect quickly after the server restarts; the id tells it,
    // when it reconnects, which build it saw last.
    String greeting = "retry: 1000\nid: " + now + "\n: connected\n\n";
    if (lastEventId >= 0 && lastEventId < now) {
      greeting += "event: reload\nid: " + now + "\ndata: " + now + "\n\n";
    }
    if (!client.send(greeting)) {
      clients.remove(client);
    }
  }

  /** Tells every client to reload (asynchronously, so a slow tab never holds up a build). */
  void reload() {
    long n = builds.incrementAndGet();
    submit("event: reload\nid: " + n + "\ndata: " + n + "\n\n");
  }

  /** A keep-alive comment to every client; those whose connection is gone are removed. */
  void ping() {
    broadcast(": keep-alive\n\n");
  }

  int count() {
    return clients.size();
  }

  private void submit(String event) {
    try {
      timer.execute(() -> broadcast(event));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Closed: no one is listening any more.
    }
  }

  private void broadcast(String event) {
    for (Client client : clients) {
      if (!client.send(event)) {
        clients.remove(client);
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    for (Client client : clients) {
      client.close();
    }
    clients.clear();
  }

  private static final class Client {
    private final HttpExchange exchange;
    private final OutputStream out;
    private boolean closed;

    Client(HttpExchange exchange, OutputStream out) {
      this.exchange = exchange;
      this.out = out;
    }

    synchronized boolean send(String event) {
      if (closed) {
        return false;
      }
      try {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return true;
      } catch (IOException | RuntimeException e) {
        close();
        return false;
      }
    }

    synchronized void close() {
      if (!closed) {
        closed = true;
        try {
          exchange.close();
        } catch (RuntimeException e) {
          // Already gone.
        }
      }
    }
  }
}
