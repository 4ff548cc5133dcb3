package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick form of {@link SlowReadersIT}, for {@code mvn test}: two dozen real sockets ask for a
 * large file and never read; a fresh request is still answered within a second or two.
 */
@Timeout(30)
class SlowReadersTest {
  @TempDir Path dir;

  @Test
  void twoDozenStalledReadersDoNotStarveAFreshRequest() throws Exception {
    Path site = Files.createDirectories(dir.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html lang=\"en\"><head><title>Home</title></head><body>HOME</body></html>\n");
    Files.write(site.resolve("handbook.pdf"), new byte[16 * 1024 * 1024]);
    List<Socket> stalled = new ArrayList<>();
    try (PreviewServer server = PreviewServer.start(site, "127.0.0.1", 0)) {
      for (int i = 0; i < 24; i++) {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /handbook.pdf HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        stalled.add(socket);
      }
      PreviewServerTest.waitFor(() -> server.stalledWrites() >= 24);
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/index.html")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, response.statusCode());
        assertTrue(ms < 2000, "a fresh request took " + ms + " ms");
      }
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }
}
