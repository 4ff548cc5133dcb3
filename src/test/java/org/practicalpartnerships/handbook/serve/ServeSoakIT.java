package org.practicalpartnerships.handbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.pipeline.BuildRequest;
import org.practicalpartnerships.handbook.source.SourceLoader;

/**
 * A long preview stays flat: 1,000 rebuilds in one {@code serve} session, in turn a text edit (the
 * page alone is redone), a front-matter edit (the whole pipeline, with the cache), a broken edit
 * (a failed build, with the overlay) and its fix, with a tab listening for reloads and every
 * edited page fetched after its rebuild. After a warm-up, the live threads and the heap after a
 * full GC must not grow, and no temporary file is left in the preview folder.
 *
 * <p>{@code mvn verify -Dit.test=ServeSoakIT -Dhandbook.soak.rebuilds=20000} runs longer. The
 * figures are printed: threads and heap at the start and the end, and the time per rebuild.
 */
class ServeSoakIT {
  static final int REBUILDS = Integer.getInteger("handbook.soak.rebuilds", 1000);
  static final int WARM_UP = Math.min(200, REBUILDS / 5);
  /** Heap after GC may vary by this much without counting as growth. */
  static final long HEAP_SLACK = 8L * 1024 * 1024;
  /** Threads that come and go (idle server and fork-join workers) without counting as growth. */
  static final int THREAD_SLACK = 4;

  @TempDir Path dir;

  @Test
  void athousandRebuildsLeaveThreadsAndHeapFlat() throws Exception {
    Path content = Files.createDirectories(dir.resolve("content"));
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("page.ftlh"), ServeSessionTest.TEMPLATE);
    Files.writeString(content.resolve("index.md"), "---\ntitle: Home\ndescription: The start.\n---\n\nSee [a](a.md), [b](b.md) and [c](sub/c.md).\n");
    for (String page : new String[] {"a", "b", "sub/c", "sub/d"}) {
      Files.createDirectories(content.resolve(page).getParent());
      Files.writeString(content.resolve(page + ".md"), "---\ntitle: Page " + page + "\ndescription: About " + page + ".\n---\n\nText of " + page + ".\n\n## Part {#part}\n");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    MarkdownEngine markdown = new MarkdownEngine();
    BuildRequest request = new BuildRequest(content, templates, false);
    Path a = content.resolve("a.md");
    try (ServeSession session = ServeSession.start(new ServeSession.Settings(content, templates, "127.0.0.1", 0),
        output -> new IncrementalRebuild(new SourceLoader(dir), markdown, "soak", request, output), new PrintWriter(out), new PrintWriter(err),
        Duration.ofMillis(30), Duration.ofSeconds(15))) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<InputStream> events = client.send(HttpRequest.newBuilder(session.url().resolve("/__handbook/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
      Thread tab = drain(events.body());
      long[] start = null;
      long began = 0;
      for (int i = 0; i < REBUILDS; i++) {
        if (i == WARM_UP) {
          start = measure();
          began = System.nanoTime();
        }
        String text = switch (i % 4) {
          case 0 -> page("Page a", "Text edit " + i + ".");
          case 1 -> page("Page a, edition " + i, "Front matter edit " + i + ".");
          case 2 -> "---\ntitle: [unclosed " + i + "\n---\n\nBroken.\n";
          default -> page("Page a", "Fixed " + i + ".");
        };
        Files.writeString(a, text);
        BuildResult result = session.rebuildNow(Set.of(a));
        assertEquals(i % 4 != 2, result.success(), i + ": " + result.diagnostics());
        String body = client.send(HttpRequest.newBuilder(session.url().resolve("/a.html")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertEquals(i % 4 == 2, body.contains("handbook-errors"), i + ": " + body);
      }
      double perRebuild = (System.nanoTime() - began) / 1e6 / (REBUILDS - WARM_UP);
      long[] end = measure();
      System.out.printf("ServeSoakIT: %d rebuilds, %.1f ms each; threads %d -> %d; heap after GC %.1f MB -> %.1f MB%n",
          REBUILDS, perRebuild, start[0], end[0], start[1] / 1e6, end[1] / 1e6);
      assertTrue(end[0] <= start[0] + THREAD_SLACK, "threads grew from " + start[0] + " to " + end[0]);
      assertTrue(end[1] <= start[1] + HEAP_SLACK, "heap after GC grew from " + start[1] + " to " + end[1]);
      try (Stream<Path> files = Files.walk(session.output())) {
        assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files left");
      }
      assertEquals(1, session.server().eventClients(), "the tab is still listening");
      events.body().close();
      tab.join(5000);
    }
    assertFalse(err.toString().contains("\tat "), err.toString());
  }

  static String page(String title, String text) {
    return "---\ntitle: " + title + "\ndescription: About a.\n---\n\n" + text + "\n\n## Part {#part}\n";
  }

  /** Reads the event stream as a tab would, until it is closed. */
  static Thread drain(InputStream stream) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[4096];
      try {
        while (stream.read(buffer) >= 0) {
          // Reload events; the tab would reload.
        }
      } catch (IOException closed) {
        // The test closed it.
      }
    }, "soak-tab");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Live threads, and the heap in use after full collections (the least of three). */
  static long[] measure() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heap = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
      heap = Math.min(heap, memory.getHeapMemoryUsage().getUsed());
    }
    return new long[] {ManagementFactory.getThreadMXBean().getThreadCount(), heap};
  }
}
