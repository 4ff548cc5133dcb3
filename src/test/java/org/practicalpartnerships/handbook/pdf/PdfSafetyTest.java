package org.practicalpartnerships.handbook.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;

/** The renderer reads only what it is given, never the network, and reports what it refuses. */
class PdfSafetyTest {
  private static final PdfRenderer RENDERER = new PdfRenderer();

  @Test
  void addressesOnTheNetworkAreRefusedAndNeverFetched() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + server.getLocalPort();
      String css = PdfFixture.stylesheet().css() + "\n.x { background-image: url(" + url + "/bg.png); }\n@import url(" + url + "/more.css);\n";
      PdfResult result = RENDERER.render(PdfFixture.page(
          "<h1>Remote</h1><p class=\"x\"><img src=\"" + url + "/a.png\" alt=\"A remote picture\"></p>", PdfFixture.stylesheet(css)));
      assertTrue(result.diagnostics().stream().anyMatch(d -> d.isError() && d.message().contains("'" + url + "/a.png'") && d.message().contains("fetches nothing from the network")),
          result.diagnostics().toString());
      assertEquals(0, result.pdf().length, "no PDF when an image cannot be used");
      server.setSoTimeout(300);
      assertThrows(SocketTimeoutException.class, server::accept, "nothing connected to the server");
    }
  }

  @Test
  void pathsOutsideTheSiteAreRefused() {
    PdfResult result = RENDERER.render(PdfFixture.page("""
        <h1>Escapes</h1>
        <p><img src="../../../../etc/passwd" alt="a"><img src="file:///etc/passwd" alt="b"><img src="jar:file:/x.jar!/y.png" alt="c"></p>""",
        PdfFixture.stylesheet()));
    List<String> messages = result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message).toList();
    assertTrue(messages.stream().anyMatch(m -> m.contains("'../../../../etc/passwd'") && m.contains("only files in the site")), messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.contains("'file:///etc/passwd'")), messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.contains("'jar:file:/x.jar!/y.png'")), messages.toString());
  }

  @Test
  void aMissingImageIsAnErrorNamingIt() {
    PdfResult result = RENDERER.render(PdfFixture.page("<h1>Gone</h1><p><img src=\"images/missing.png\" alt=\"x\"></p>", PdfFixture.stylesheet()));
    assertEquals(List.of("page.html: error: the PDF needs 'images/missing.png', which is not in the site"),
        result.diagnostics().stream().map(Diagnostic::headline).toList());
  }

  @Test
  void aFolderServesNothingThroughASymbolicLinkOutOfIt(@TempDir Path tmp) throws IOException {
    Path site = Files.createDirectories(tmp.resolve("site"));
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "secret");
    Files.writeString(site.resolve("inside.txt"), "inside");
    Files.createSymbolicLink(site.resolve("link.txt"), secret);
    PdfResources folder = PdfResources.folder(site);
    assertEquals("inside", new String(folder.read("inside.txt").orElseThrow()));
    assertEquals(Optional.empty(), folder.read("link.txt"));
    assertEquals(Optional.empty(), folder.read("../secret.txt"));
    assertEquals(Optional.empty(), folder.read("/etc/passwd"));
  }

  @Test
  void stylesheetProblemsAreDiagnosticsWithTheirLine() {
    String css = PdfFixture.stylesheet().css() + """

        body {
          colr: red;
        }
        p { margin: ; }
        """;
    int base = (int) PdfFixture.stylesheet().css().lines().count();
    PdfResult result = RENDERER.render(PdfFixture.page("<h1>Styled</h1><p>Text.</p>", PdfFixture.stylesheet(css)));
    List<Diagnostic> found = result.diagnostics();
    assertTrue(found.stream().anyMatch(d -> d.isError() && d.file().equals("templates/pdf.css") && d.line() == base + 3
        && d.message().contains("colr is an unrecognized CSS property") && d.sourceLine().equals("  colr: red;")), found.toString());
    assertTrue(found.stream().anyMatch(d -> d.isError() && d.line() == base + 5 && d.sourceLine().equals("p { margin: ; }")), found.toString());
  }

  @Test
  void aFontTheStylesheetNamesButTheTemplatesLackIsReported() {
    String css = "@font-face { font-family: Missing; src: url(assets/fonts/nope.ttf); }\nbody { font-family: Missing; }\n";
    PdfResult result = RENDERER.render(PdfFixture.page("<h1>Fonts</h1>", PdfFixture.stylesheet(css)));
    assertTrue(result.diagnostics().stream().anyMatch(d -> d.isError() && d.file().equals("templates/pdf.css")
        && d.message().contains("'assets/fonts/nope.ttf', which is not in the templates folder")), result.diagnostics().toString());
  }

  @Test
  void eventHandlersNeverBecomePdfScripts() throws IOException {
    PdfResult result = RENDERER.render(PdfFixture.page(
        "<h1>Script</h1><p id=\"x\"><a href=\"#x\" onclick=\"app.alert('hi')\">Click</a></p>", PdfFixture.stylesheet()));
    assertEquals(List.of(), result.diagnostics());
    try (PDDocument doc = Loader.loadPDF(result.pdf())) {
      int links = 0;
      for (PDPage page : doc.getPages()) {
        for (PDAnnotation a : page.getAnnotations()) {
          if (a instanceof PDAnnotationLink link) {
            links++;
            assertFalse(link.getAction() instanceof PDActionJavaScript, "a JavaScript action");
          }
        }
      }
      assertEquals(1, links);
      assertFalse(doc.getDocumentCatalog().getCOSObject().toString().contains("JavaScript"));
    }
  }
}
