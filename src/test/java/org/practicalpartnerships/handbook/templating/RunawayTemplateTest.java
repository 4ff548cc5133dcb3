package org.practicalpartnerships.handbook.templating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;

/** A template that never finishes is stopped and reported; it does not hang the build. */
class RunawayTemplateTest {
  @TempDir Path dir;

  @Test
  void endlessOutputIsStoppedWithADiagnostic() throws IOException {
    Files.writeString(dir.resolve("page.ftlh"), "<#list 1..2000000000 as i>${i} </#list>\n");
    TemplateEngine engine = new TemplateEngine(dir, p -> "templates/" + p.getFileName(), 100_000, 60_000_000_000L);
    Diagnostics diagnostics = new Diagnostics();
    engine.load(diagnostics);
    long start = System.nanoTime();
    assertTrue(engine.render("page", Map.of(), diagnostics).isEmpty());
    assertTrue(System.nanoTime() - start < 10_000_000_000L, "stopped quickly");
    Diagnostic d = diagnostics.sorted().get(0);
    assertEquals("templates/page.ftlh: error: the template did not finish rendering a page: it wrote more than 100000 characters; look for a loop that never ends", d.headline());
  }

  @Test
  void slowOutputIsStoppedByTheClock() throws IOException {
    Files.writeString(dir.resolve("page.ftlh"), "<#list 1..2000000000 as i>${i} </#list>\n");
    TemplateEngine engine = new TemplateEngine(dir, p -> "templates/" + p.getFileName(), Long.MAX_VALUE, 200_000_000L);
    Diagnostics diagnostics = new Diagnostics();
    engine.load(diagnostics);
    assertTrue(engine.render("page", Map.of(), diagnostics).isEmpty());
    assertTrue(diagnostics.sorted().get(0).message().contains("ran for longer than the time allowed"), diagnostics.sorted().toString());
  }

  @Test
  void aLoopThatWritesNothingIsStoppedByTheClock() throws IOException {
    Files.writeString(dir.resolve("page.ftlh"), "<#list 1..2000000000 as i></#list>done\n");
    TemplateEngine engine = new TemplateEngine(dir, p -> "templates/" + p.getFileName(), Long.MAX_VALUE, 300_000_000L);
    Diagnostics diagnostics = new Diagnostics();
    engine.load(diagnostics);
    long start = System.nanoTime();
    assertTrue(engine.render("page", Map.of(), diagnostics).isEmpty());
    assertTrue(System.nanoTime() - start < 10_000_000_000L, "stopped by the watchdog");
    assertTrue(diagnostics.sorted().get(0).message().contains("ran for longer than the time allowed"), diagnostics.sorted().toString());
    assertTrue(!Thread.currentThread().isInterrupted(), "the interrupt does not leak");
  }

  @Test
  void endlessRecursionIsADiagnosticNotACrash() throws IOException {
    Files.writeString(dir.resolve("page.ftlh"), "<#macro r n><@r n + 1/></#macro><@r 0/>\n");
    TemplateEngine engine = new TemplateEngine(dir, p -> "templates/" + p.getFileName());
    Diagnostics diagnostics = new Diagnostics();
    engine.load(diagnostics);
    assertTrue(engine.render("page", Map.of(), diagnostics).isEmpty());
    assertEquals("templates/page.ftlh: error: the template never finished: a macro, function or include calls itself without end", diagnostics.sorted().get(0).headline());
  }
}
