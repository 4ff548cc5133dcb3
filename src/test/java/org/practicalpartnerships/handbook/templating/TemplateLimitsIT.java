package org.practicalpartnerships.handbook.templating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runaway templates at the real limits, as a user meets them: {@code java -Xmx384m -jar
 * target/handbook.jar build} on a handbook whose layout's output or values double without end, or
 * nest thousands deep, ends with exit 1 and an error at the template's line, never exit 70 or an
 * OutOfMemoryError, in a heap far smaller than the doubling would need. README, "Security".
 * ({@link RunawayTemplateTest} holds the same with small limits, in {@code mvn test}.)
 */
class TemplateLimitsIT {
  @TempDir Path dir;

  static Stream<Arguments> templates() {
    return Stream.of(
        Arguments.of("output that doubles",
            "<!DOCTYPE html><title>${page.title}</title>\n<#macro twice n><#if n == 0>xxxxxxxxxxxxxxxx<#else><@twice n - 1/><@twice n - 1/></#if></#macro>\n<@twice 40/>\n",
            "templates/page.ftlh:2:"),
        Arguments.of("a string that doubles",
            "<!DOCTYPE html><title>${page.title}</title>\n<#assign s = \"x\">\n<#list 1..60 as i><#assign s = s + s></#list>\n${s?length}\n",
            "templates/page.ftlh:3:"),
        Arguments.of("a function that doubles its argument",
            "<!DOCTYPE html><title>${page.title}</title>\n<#function d s n><#if n == 0><#return s></#if><#return d(s + s, n - 1)></#function>\n${d(\"ab\", 60)?length}\n",
            "templates/page.ftlh:"),
        Arguments.of("directives nested 10,000 deep",
            "<!DOCTYPE html><title>${page.title}</title>\n" + "<#if true>".repeat(10_000) + "x" + "</#if>".repeat(10_000) + "\n",
            "templates/page.ftlh:2:1001: error: the template nests more than 100 levels deep here"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void anErrorAtTheTemplatesLineInABoundedHeap(String name, String template, String expected) throws Exception {
    Files.createDirectories(dir.resolve("content"));
    Files.createDirectories(dir.resolve("templates"));
    for (int i = 0; i < 6; i++) {
      Files.writeString(dir.resolve("content/page" + i + ".md"), "---\ntitle: Page " + i + "\ndescription: One.\n---\n\nText.\n");
    }
    Files.writeString(dir.resolve("content/index.md"), "---\ntitle: Home\ndescription: Home.\n---\n\nText.\n");
    Files.writeString(dir.resolve("templates/page.ftlh"), template);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = Path.of("target/handbook.jar").toAbsolutePath();
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "build", "--out", "site"))
        .directory(dir.toFile()).redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the build did not finish");
    String stderr = Files.readString(err);
    assertEquals(1, process.exitValue(), stderr);
    assertTrue(stderr.contains(expected), "expected «" + expected + "» in:\n" + stderr);
    assertFalse(stderr.contains("internal error") || stderr.contains("OutOfMemoryError") || stderr.contains("\tat "), stderr);
    assertFalse(Files.exists(dir.resolve("site")));
  }

}
