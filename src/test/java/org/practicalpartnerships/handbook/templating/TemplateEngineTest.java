package org.practicalpartnerships.handbook.templating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;

class TemplateEngineTest {
  @TempDir Path work;
  private final Diagnostics diagnostics = new Diagnostics();

  private void template(String name, String text) throws IOException {
    Path file = work.resolve("templates").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private TemplateEngine engine() throws IOException {
    TemplateEngine engine = new TemplateEngine(work.resolve("templates"), p -> work.relativize(p).toString().replace('\\', '/'));
    engine.load(diagnostics);
    return engine;
  }

  private List<String> headlines() {
    return diagnostics.sorted().stream().map(Diagnostic::headline).toList();
  }

  @Test
  void rendersTheModel() throws IOException {
    template("page.ftlh", "<h1>${title}</h1><#list items as i>[${i}]</#list>${body?no_esc}");
    Optional<String> html = engine().render("page", Map.of("title", "Home", "items", List.of("a", "b"), "body", "<p>x</p>"), diagnostics);
    assertEquals(Optional.of("<h1>Home</h1>[a][b]<p>x</p>"), html);
    assertEquals(List.of(), headlines());
  }

  @Test
  void textIsHtmlEscaped() throws IOException {
    template("page.ftlh", "<p title=\"${title}\">${title}</p>");
    String html = engine().render("page", Map.of("title", "<script>alert(\"x\")</script>"), diagnostics).orElseThrow();
    assertEquals("<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>", html);
    assertFalse(html.contains("<script>"));
  }

  @Test
  void syntaxErrorIsReportedWithTemplateLineAndColumn() throws IOException {
    template("page.ftlh", "<html>\n<body>\n  <#if title>\n  ${title}\n</body>\n");
    TemplateEngine engine = engine();
    assertEquals(1, headlines().size(), headlines().toString());
    assertTrue(
        headlines().get(0).startsWith("templates/page.ftlh:5:8: error: Unexpected end of file reached. You have an unclosed #if."),
        headlines().get(0));
    assertEquals(Optional.empty(), engine.render("page", Map.of("title", "x"), diagnostics));
    assertEquals(1, headlines().size(), "reported once, not again for every page: " + headlines());
  }

  @Test
  void syntaxErrorInAPartialNamesThePartial() throws IOException {
    template("page.ftlh", "<#include \"partials/nav.ftlh\">\n");
    template("partials/nav.ftlh", "<nav>\n${x\n</nav>\n");
    engine();
    assertEquals(1, headlines().size(), headlines().toString());
    assertTrue(headlines().get(0).startsWith("templates/partials/nav.ftlh:3:2: error: Encountered \"/\""), headlines().get(0));
    assertEquals("</nav>", diagnostics.sorted().get(0).sourceLine());
  }

  @Test
  void missingVariableIsReportedAtItsUse() throws IOException {
    template("page.ftlh", "<html>\n<h1>${title}</h1>\n<p>${sumary}</p>\n</html>\n");
    Optional<String> html = engine().render("page", Map.of("title", "Home"), diagnostics);
    assertEquals(Optional.empty(), html);
    assertEquals(
        List.of("templates/page.ftlh:3:6: error: 'sumary' is missing or null; give a default with ${sumary!\"\"} or test it with <#if sumary??>"),
        headlines());
    assertEquals("<p>${sumary}</p>", diagnostics.sorted().get(0).sourceLine());
  }

  @Test
  void newBuiltInCannotCreateObjects() throws IOException {
    Path proof = work.resolve("ran");
    template("page.ftlh", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>\n${ex(\"touch " + proof + "\")}\n");
    Optional<String> html = engine().render("page", Map.of(), diagnostics);
    assertEquals(Optional.empty(), html);
    assertFalse(Files.exists(proof));
    assertEquals(
        List.of("templates/page.ftlh:1:1: error: Instantiating freemarker.template.utility.Execute is not allowed in the template for security reasons"),
        headlines());
  }

  @Test
  void objectConstructorCannotBeCreatedEither() throws IOException {
    template("page.ftlh", "<#assign c = \"freemarker.template.utility.ObjectConstructor\"?new()>${c(\"java.io.File\", \"/\")}");
    assertEquals(Optional.empty(), engine().render("page", Map.of(), diagnostics));
    assertTrue(diagnostics.hasErrors());
  }

  @Test
  void apiBuiltInIsRefused() throws IOException {
    template("page.ftlh", "<p>\n${items?api.getClass()}\n</p>");
    assertEquals(Optional.empty(), engine().render("page", Map.of("items", new java.util.HashMap<>(Map.of("a", "b"))), diagnostics));
    assertEquals(1, headlines().size(), headlines().toString());
    assertTrue(
        headlines().get(0).startsWith("templates/page.ftlh:2:3: error: Can't use ?api, because the \"api_builtin_enabled\" configuration setting is false"),
        headlines().get(0));
  }

  @Test
  void layoutsAreTheTopLevelTemplates() throws IOException {
    template("page.ftlh", "x");
    template("wide.ftlh", "y");
    template("partials/nav.ftlh", "z");
    template("assets/site.css", "body{}");
    TemplateEngine engine = engine();
    assertEquals(Set.of("page", "wide"), engine.layouts());
    assertTrue(engine.hasLayout("wide"));
    assertFalse(engine.hasLayout("nav"));
    assertEquals(List.of(), headlines(), "files under assets/ are not templates");
  }

  @Test
  void unknownLayoutGetsASuggestion() throws IOException {
    template("page.ftlh", "x");
    template("landing.ftlh", "y");
    TemplateEngine engine = engine();
    assertEquals("; did you mean 'page'?", engine.suggestLayout("pgae"));
    assertEquals("; did you mean 'landing'?", engine.suggestLayout("landng"));
    assertEquals("", engine.suggestLayout("something-else"));
  }

  @Test
  void strayFilesAreAWarning() throws IOException {
    template("page.ftlh", "x");
    template("notes.txt", "todo");
    engine();
    assertEquals(List.of("templates/notes.txt: warning: not a template (.ftlh) and not under assets/, so it is not used"), headlines());
  }
}
