package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that ask for a large file and never read it (real sockets whose receive buffers fill)
 * cannot starve the preview: each holds only its own thread, a fresh request is answered at once,
 * and a write that waits past the stall time is ended, freeing its thread. A client that reads,
 * however slowly, gets the whole file. README, "Security" (serve). The quick check of the same,
 * in {@code mvn test}, is {@link SlowReadersTest}.
 */
@Timeout(60)
class SlowReadersIT {
  static final int BIG = 24 * 1024 * 1024;

  @TempDir Path dir;
  PreviewServer server;
  byte[] big;
  final List<Socket> stalled = new ArrayList<>();

  @BeforeEach
  void serve() throws IOException {
    Path site = Files.createDirectories(dir.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html lang=\"en\"><head><title>Home</title></head><body>HOME</body></html>\n");
    big = new byte[BIG];
    new Random(15).nextBytes(big);
    Files.write(site.resolve("report.pdf"), big);
    Files.write(site.resolve("big.html"), new String(new char[BIG / 2]).replace('\0', 'x').getBytes(StandardCharsets.UTF_8));
    server = PreviewServer.start(site, "127.0.0.1", 0, PreviewServer.KEEP_ALIVE, Duration.ofSeconds(3));
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : stalled) {
      socket.close();
    }
    server.close();
  }

  /** Opens a connection that asks for a file and then never reads. */
  void stall(String target) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
    OutputStream out = socket.getOutputStream();
    out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    stalled.add(socket);
  }

  long timeToFetch(String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long start = System.nanoTime();
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void stalledReadersNeitherStarveTheServerNorKeepTheirThreads() throws Exception {
    for (int i = 0; i < 24; i++) {
      stall(i % 2 == 0 ? "/report.pdf" : "/big.html");
    }
    PreviewServerTest.waitFor(() -> server.stalledWrites() + server.endedWrites() >= 24);
    for (int i = 0; i < 5; i++) {
      long ms = timeToFetch("/index.html");
      assertTrue(ms < 2000, "a fresh request took " + ms + " ms");
    }
    // Past the stall time (3 s here) the stalled writes are ended and their connections closed.
    PreviewServerTest.waitFor(() -> server.endedWrites() >= 24 && server.stalledWrites() == 0);
    for (Socket socket : stalled) {
      assertTrue(endsSoon(socket), "a stalled connection is closed");
    }
  }

  @Test
  void aClientThatReadsSlowlyGetsTheWholeFile() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setReceiveBufferSize(64 * 1024);
      socket.getOutputStream().write(("GET /report.pdf HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      // About 4 s in all, more than the stall time: the limit is on each piece, not the file.
      java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
      byte[] piece = new byte[64 * 1024];
      for (int n = in.readNBytes(piece, 0, piece.length); n > 0; n = in.readNBytes(piece, 0, piece.length)) {
        received.write(piece, 0, n);
        Thread.sleep(10);
      }
      byte[] all = received.toByteArray();
      int body = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
      assertArrayEquals(big, java.util.Arrays.copyOfRange(all, body, all.length));
    }
  }

  @Test
  void slowReadersOfTheReloadStreamDoNotHoldUpTheOthers() throws Exception {
    for (int i = 0; i < 24; i++) {
      stall("/__handbook/events");
    }
    PreviewServerTest.waitFor(() -> server.eventClients() >= 24);
    for (int i = 0; i < 20; i++) {
      server.buildFinished(BuildResult.failure(List.of()));
    }
    long ms = timeToFetch("/index.html");
    assertTrue(ms < 2000, "a fresh request took " + ms + " ms");
  }

  static boolean endsSoon(Socket socket) throws IOException {
    socket.setSoTimeout(5000);
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[1 << 16];
    try {
      while (in.read(buffer) >= 0) {
        // Drain what the kernel still holds, until the server's close is seen.
      }
      return true;
    } catch (java.net.SocketException e) {
      return true; // reset: closed as well
    } catch (java.net.SocketTimeoutException e) {
      return false;
    }
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
