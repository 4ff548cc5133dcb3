package org.practicalpartnerships.handbook.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A time limit on every write to a client. The JDK's server writes with blocking sockets, so a
 * client that asks for a large file and never reads it would hold a server thread for ever; here a
 * write that makes no progress for the stall time has its exchange closed, which closes the
 * connection and ends the write with an exception. Responses are written in pieces of at most
 * {@value #PIECE} bytes, so a slow but reading client is never cut off, however large the file.
 *
 * <p>Closing an exchange from another thread ends the blocked write only when the response has a
 * fixed length (the JDK then closes the connection at once); every response of the preview has
 * one, the reload event stream included.
 */
final class WriteGuard implements AutoCloseable {
  static final int PIECE = 64 * 1024;

  private final long stallNanos;
  private final Map<Guarded, Long> writing = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong ended = new java.util.concurrent.atomic.AtomicLong();
  private final ScheduledExecutorService timer;

  WriteGuard(Duration stall) {
    this.stallNanos = stall.toNanos();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "handbook-serve-write-guard");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(20, stall.toMillis() / 4);
    timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
  }

  /** The exchange's response body, with every write timed. */
  OutputStream guard(HttpExchange exchange, OutputStream body) {
    return new Guarded(exchange, body);
  }

  /** Writes waiting on a client right now, for tests. */
  int writing() {
    return writing.size();
  }

  /** Writes ended because they stalled, for tests. */
  long ended() {
    return ended.get();
  }

  private void check() {
    long now = System.nanoTime();
    writing.forEach((write, started) -> {
      if (now - started > stallNanos && writing.remove(write, started)) {
        ended.incrementAndGet();
        write.abort();
      }
    });
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private final class Guarded extends FilterOutputStream {
    private final HttpExchange exchange;

    Guarded(HttpExchange exchange, OutputStream out) {
      super(out);
      this.exchange = exchange;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      for (int done = 0; done < length; done += PIECE) {
        int n = Math.min(PIECE, length - done);
        int from = offset + done;
        timed(() -> out.write(bytes, from, n));
      }
    }

    @Override
    public void flush() throws IOException {
      timed(out::flush);
    }

    @Override
    public void close() throws IOException {
      timed(out::close);
    }

    private void timed(IoAction action) throws IOException {
      writing.put(this, System.nanoTime());
      try {
        action.run();
      } finally {
        writing.remove(this);
      }
    }

    /** Ends a stalled write: the connection is closed and the blocked write fails. */
    void abort() {
      try {
        exchange.close();
      } catch (RuntimeException e) {
        // Closed already.
      }
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }
}
