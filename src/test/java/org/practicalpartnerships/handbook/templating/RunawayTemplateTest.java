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

/**
 * A template that never finishes, or whose output or values grow without end, is stopped and
 * reported at the line where it was; it neither hangs the build nor runs it out of memory. README,
 * "Security" (templates that never finish).
 */
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
    assertEquals("templates/page.ftlh:1:27: error: the template did not finish rendering a page: it wrote more than 100000 characters; look for a loop that never ends", d.headline());
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
    // No memory limit here: the boxed loop counter allocates fast enough to trip it first.
    TemplateEngine engine = new TemplateEngine(dir, p -> "templates/" + p.getFileName(), Long.MAX_VALUE, 300_000_000L, Long.MAX_VALUE);
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

  TemplateEngine engine(String template, long maxChars, long maxNanos, long maxBytes) throws IOException {
    Files.writeString(dir.resolve("page.ftlh"), template);
    TemplateEngine engine = new TemplateEngine(dir, p -> "templates/" + p.getFileName(), maxChars, maxNanos, maxBytes);
    Diagnostics diagnostics = new Diagnostics();
    engine.load(diagnostics);
    assertEquals(java.util.List.of(), diagnostics.sorted());
    return engine;
  }

  Diagnostic stopped(TemplateEngine engine) {
    Diagnostics diagnostics = new Diagnostics();
    long start = System.nanoTime();
    assertTrue(engine.render("page", Map.of(), diagnostics).isEmpty());
    assertTrue(System.nanoTime() - start < 20_000_000_000L, "stopped in time");
    assertEquals(1, diagnostics.sorted().size(), diagnostics.sorted().toString());
    return diagnostics.sorted().get(0);
  }

  @Test
  void outputThatDoublesIsStoppedAtItsLine() throws IOException {
    TemplateEngine engine = engine("<!DOCTYPE html>\n<#macro twice n><#if n == 0>xxxxxxxx<#else><@twice n - 1/><@twice n - 1/></#if></#macro>\n<@twice 40/>\n",
        1_000_000, 60_000_000_000L, Long.MAX_VALUE);
    Diagnostic d = stopped(engine);
    assertEquals("templates/page.ftlh", d.file());
    assertEquals(2, d.line(), d.headline());
    assertTrue(d.message().contains("it wrote more than 1000000 characters"), d.headline());
  }

  @Test
  void aStringThatDoublesIsStoppedBeforeMemoryRunsOut() throws IOException {
    TemplateEngine engine = engine("<#assign s = \"x\">\n<#list 1..60 as i><#assign s = s + s></#list>\n${s?length}\n", Long.MAX_VALUE, 60_000_000_000L, 64L * 1024 * 1024);
    Diagnostic d = stopped(engine);
    assertEquals(2, d.line(), d.headline());
    assertTrue(d.message().contains("it used more than 64 MiB of memory; look for a value that grows without end"), d.headline());
  }

  @Test
  void aFunctionThatDoublesItsArgumentIsStoppedBeforeMemoryRunsOut() throws IOException {
    TemplateEngine engine = engine("<#function d s n>\n<#if n == 0><#return s></#if>\n<#return d(s + s, n - 1)>\n</#function>\n${d(\"ab\", 60)?length}\n",
        Long.MAX_VALUE, 60_000_000_000L, 64L * 1024 * 1024);
    Diagnostic d = stopped(engine);
    assertTrue(d.line() >= 1 && d.line() <= 5, d.headline());
    assertTrue(d.message().contains("of memory"), d.headline());
  }

  @Test
  void afterALayoutRanAwayTheOtherPagesAreNotRenderedAgain() throws IOException {
    TemplateEngine engine = engine("<#list 1..2000000000 as i></#list>\n", Long.MAX_VALUE, 300_000_000L, Long.MAX_VALUE);
    Diagnostic first = stopped(engine);
    assertEquals("templates/page.ftlh:1:1: error: the template did not finish rendering a page: it ran for longer than the time allowed for one page; look for a loop that never ends",
        first.headline());
    Diagnostics diagnostics = new Diagnostics();
    long start = System.nanoTime();
    for (int page = 0; page < 10; page++) {
      assertTrue(engine.render("page", Map.of(), diagnostics).isEmpty());
    }
    assertTrue(System.nanoTime() - start < 1_000_000_000L, "not waited for again");
    assertEquals(java.util.List.of(), diagnostics.sorted(), "reported once");
  }

  @Test
  void pagesRenderingWithALayoutThatRanAwayAreStopped() throws Exception {
    TemplateEngine engine = engine("<#list 1..2000000000 as i></#list>\n", Long.MAX_VALUE, 1_000_000_000L, Long.MAX_VALUE);
    Diagnostics diagnostics = new Diagnostics();
    long start = System.nanoTime();
    java.util.stream.IntStream.range(0, 4).parallel().forEach(page -> engine.render("page", Map.of(), diagnostics));
    assertTrue(System.nanoTime() - start < 8_000_000_000L, "pages in flight stop with the first");
    assertEquals(1, diagnostics.sorted().size(), diagnostics.sorted().toString());
  }
}
