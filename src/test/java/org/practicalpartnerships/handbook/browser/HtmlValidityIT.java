package org.practicalpartnerships.handbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every page of the handbook passes the Nu HTML Checker (the W3C's validator) with no errors. */
class HtmlValidityIT {

  @Test
  void everyPageIsValidHtml() throws IOException, InterruptedException {
    List<String> pages = SitePages.all();
    assertTrue(pages.size() > 20, "the handbook has pages");
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
        "nu.validator.client.SimpleCommandLineValidator", "--errors-only", "--format", "gnu"));
    for (String page : pages) {
      command.add(SitePages.SITE.resolve(page).toString());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    assertEquals("", report.strip(), "the Nu HTML Checker found errors");
    assertEquals(0, exit, report);
  }
}
