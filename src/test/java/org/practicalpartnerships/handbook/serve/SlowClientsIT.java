package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slow clients ("slowloris": requests whose headers never end) cannot starve the preview server:
 * with more of them than it has threads, a normal reader is still answered.
 */
class SlowClientsIT {

  @Test
  void aReaderIsAnsweredWhileManyClientsNeverFinishTheirRequests() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try (PreviewServer server = PreviewServer.start(Path.of("site"), "127.0.0.1", 0)) {
      for (int i = 0; i < 40; i++) {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        OutputStream out = socket.getOutputStream();
        out.write("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        slow.add(socket);
      }
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/index.html")).timeout(Duration.ofSeconds(20)).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }
}
