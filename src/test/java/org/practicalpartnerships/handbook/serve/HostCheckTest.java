package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DNS rebinding: a web page whose name is made to resolve to 127.0.0.1 reaches the preview from
 * the editor's browser, but with its own name in the Host header (and its own Origin). The preview
 * answers only its own address (421 otherwise) and its own origin (403 otherwise), so such a page
 * can read neither the handbook (drafts included) nor the reload stream. README, "Security".
 */
@Timeout(30)
class HostCheckTest {
  static final String DRAFT = "DRAFT-TEXT-NOT-FOR-OTHER-SITES";

  @TempDir Path dir;
  PreviewServer server;
  int port;

  @BeforeEach
  void serve() throws IOException {
    Files.createDirectories(dir.resolve("site"));
    Files.writeString(dir.resolve("site/index.html"), "<!DOCTYPE html><html lang=\"en\"><head><title>Home</title></head><body>" + DRAFT + "</body></html>\n");
    server = PreviewServer.start(dir.resolve("site"), "127.0.0.1", 0);
    port = server.port();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Http.Response request(String target, String... headers) throws IOException {
    StringBuilder sb = new StringBuilder("GET " + target + " HTTP/1.1\r\n");
    for (String h : headers) {
      sb.append(h).append("\r\n");
    }
    return Http.send(port, sb.append("Connection: close\r\n\r\n").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.example:PORT", "evil.example", "EVIL.example:PORT", "127.0.0.1.evil.example:PORT", "localhost.evil.example:PORT",
      "127.0.0.1:1", "127.0.0.1", "localhost:1", "127.0.0.1@evil.example:PORT", "evil.example:PORT, 127.0.0.1:PORT", "[dead.beef]:PORT",
      "10.0.0.1:PORT", "192.168.1.10:PORT", "0x7f000001:PORT", "2130706433:PORT", "127.1:PORT", ":PORT", "\u00e9vil.example:PORT"})
  void aRequestForAnotherHostIsRefused(String host) throws IOException {
    Http.Response response = request("/index.html", "Host: " + host.replace("PORT", Integer.toString(port)));
    assertEquals(421, response.status(), host);
    assertFalse(response.body().contains(DRAFT), host);
    assertTrue(response.body().startsWith("Misdirected request: "), response.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1:PORT", "localhost:PORT", "LocalHost:PORT", "localhost.:PORT", "preview.localhost:PORT", "127.0.0.2:PORT", "[::1]:PORT",
      "[::ffff:127.0.0.1]:PORT"})
  void theLoopbackNamesAndAddressesAreAnswered(String host) throws IOException {
    Http.Response response = request("/index.html", "Host: " + host.replace("PORT", Integer.toString(port)));
    assertEquals(200, response.status(), host);
    assertTrue(response.body().contains(DRAFT));
  }

  @Test
  void aRequestWithoutOneHostOrForAnotherInItsAddressIsRefused() throws IOException {
    assertEquals(421, Http.send(port, "GET /index.html HTTP/1.0\r\n\r\n").status(), "no Host");
    assertEquals(421, request("/index.html", "Host: 127.0.0.1:" + port, "Host: evil.example:" + port).status(), "two Hosts");
    assertEquals(421, request("http://evil.example:" + port + "/index.html", "Host: 127.0.0.1:" + port).status(), "the address names another host");
    assertEquals(200, request("http://localhost:" + port + "/index.html", "Host: evil.example").status(), "the address wins, as HTTP says");
    assertEquals(421, Http.send(port, "HEAD /index.html HTTP/1.1\r\nHost: evil.example:" + port + "\r\nConnection: close\r\n\r\n").status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/__handbook/events", "/__handbook/reload.js", "/__handbook/overlay.css", "/index.html", "/missing.html"})
  void anotherSitesOriginIsRefusedEverywhere(String target) throws IOException {
    String host = "Host: 127.0.0.1:" + port;
    for (String origin : new String[] {"http://evil.example", "https://evil.example", "null", "http://evil.example:" + port, "http://127.0.0.1:" + (port + 1),
        "https://127.0.0.1:" + port, "file://", "http://127.0.0.1.evil.example:" + port}) {
      Http.Response response = request(target, host, "Origin: " + origin);
      assertEquals(403, response.status(), target + " from " + origin);
      assertFalse(response.body().contains(DRAFT));
    }
  }

  @Test
  void thePreviewsOwnOriginReadsTheReloadStream() throws Exception {
    for (String origin : new String[] {"http://127.0.0.1:" + port, "http://localhost:" + port, "http://127.0.0.1:" + port + "/"}) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        socket.setSoTimeout(5000);
        socket.getOutputStream().write(("GET /__handbook/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: " + origin + "\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] head = new byte[200];
        int n = socket.getInputStream().read(head);
        assertTrue(new String(head, 0, n, java.nio.charset.StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"), origin);
      }
    }
  }

  @Test
  void listeningOnEveryAddressAcceptsAnyAddressButNoOtherName() throws IOException {
    server.close();
    server = PreviewServer.start(dir.resolve("site"), "0.0.0.0", 0);
    port = server.port();
    assertEquals(200, request("/index.html", "Host: 192.168.1.10:" + port).status());
    assertEquals(200, request("/index.html", "Host: 127.0.0.1:" + port).status());
    assertEquals(421, request("/index.html", "Host: evil.example:" + port).status());
    assertEquals(403, request("/index.html", "Host: 192.168.1.10:" + port, "Origin: http://evil.example").status());
  }

  @Test
  void theHostGivenIsAnsweredByName() throws Exception {
    HostCheck named = new HostCheck("my-laptop.lan", InetAddress.getByName("192.168.1.5"), 8000);
    assertTrue(named.refuseHost("my-laptop.lan:8000").isEmpty());
    assertTrue(named.refuseHost("MY-LAPTOP.LAN:8000").isEmpty());
    assertTrue(named.refuseHost("192.168.1.5:8000").isEmpty());
    assertTrue(named.refuseHost("localhost:8000").isEmpty());
    assertTrue(named.refuseHost("192.168.1.6:8000").isPresent());
    assertTrue(named.refuseHost("evil.example:8000").isPresent());
    assertTrue(named.refuseHost("my-laptop.lan:8001").isPresent());
    assertTrue(named.originAllowed("http://my-laptop.lan:8000"));
    assertFalse(named.originAllowed("http://evil.example:8000"));
    HostCheck port80 = new HostCheck("127.0.0.1", InetAddress.getByName("127.0.0.1"), 80);
    assertTrue(port80.refuseHost("localhost").isEmpty(), "no port means 80");
    assertTrue(port80.originAllowed("http://localhost"));
  }
}
