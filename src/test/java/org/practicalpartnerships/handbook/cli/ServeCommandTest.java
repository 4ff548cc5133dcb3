package org.practicalpartnerships.handbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** handbook serve from the command line: prints the URL, serves, stops cleanly, leaves no trace. */
@Timeout(60)
class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void servesUntilStoppedAndCleansUp() throws Exception {
    Files.createDirectories(dir.resolve("content"));
    Files.writeString(dir.resolve("content/index.md"), "---\ntitle: Home\n---\n\nHELLO\n");
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/page.ftlh"), "<!DOCTYPE html><html lang=\"en\"><head><title>${page.title}</title></head><body>${page.content}</body></html>\n");
    ServeCommand command = new ServeCommand(dir);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--port", "0"));
    assertTrue(command.started.await(30, TimeUnit.SECONDS), out + "\n" + err);
    Path output = command.session.output();
    HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(command.session.url()).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(home.body().contains("HELLO"), home.body());
    assertTrue(out.toString().matches("(?s)Built in \\d+ ms .*\nServing content at http://127\\.0\\.0\\.1:\\d+/ \\(press Ctrl-C to stop\\)\\.\n"), out.toString());
    command.stop.countDown();
    assertEquals(0, exit.get(30, TimeUnit.SECONDS));
    assertFalse(Files.exists(output), "the temporary folder is deleted");
    assertFalse(Files.exists(dir.resolve("site")));
  }

  @Test
  void missingFoldersAreUsageErrors() throws IOException {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ServeCommand(dir)).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err, true));
    assertEquals(2, cli.execute("--port", "0"));
    assertTrue(err.toString().contains("no content folder"), err.toString());
  }
}
