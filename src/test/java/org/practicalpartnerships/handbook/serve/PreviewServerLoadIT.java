package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand requests over fifty connections, sent by a second process, to the preview server
 * serving the real handbook: every one answered.
 */
class PreviewServerLoadIT {

  @Test
  void tenThousandRequestsOverFiftyConnectionsAllSucceed() throws Exception {
    try (PreviewServer server = PreviewServer.start(Path.of("site"), "127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + server.port() + "/";
      List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
          Path.of("src/test/resources/load/LoadClient.java").toString(), base, "50", "200",
          "index.html", "behaviours/co-operation.html", "assets/handbook.css", "search-index.js", "decide/overview.html"));
      Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      client.waitFor();
      assertEquals("answered=10000 unanswered=0", output.lines().reduce((a, b) -> b).orElse(""), output);
    }
  }
}
