package org.practicalpartnerships.handbook.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.SourceText;

/**
 * SVG files in the content folder are held to the raw-HTML policy (README, "Security"): whatever
 * would run when a reader opens the drawing is an error at its line and column; drawings as
 * drawing programs write them (styles, embedded pictures, a DOCTYPE, links) are published.
 */
class SvgFileTest {
  private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n";

  private static List<Diagnostic> check(String svg) {
    return SvgFile.check(new SourceText("content/figure.svg", svg));
  }

  private static String headlines(List<Diagnostic> found) {
    return found.stream().map(Diagnostic::headline).collect(Collectors.joining("\n"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      a script                                  | <script>alert(1)</script>                                                     | 2:1  | <script> is not allowed in an SVG file
      a script with a namespace prefix          | <h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>          | 2:1  | <h:script> is not allowed
      a script in upper case                    | <SCRIPT>alert(1)</SCRIPT>                                                     | 2:1  | is not allowed in an SVG file
      an onload handler                         | <rect width="1" height="1" onload="alert(1)"/>                                | 2:28 | the event-handler attribute 'onload' is not allowed
      an event handler with a prefix            | <g xmlns:e="urn:x" e:onclick="alert(1)"/>                                      | 2:20 | the event-handler attribute 'e:onclick' is not allowed
      a foreignObject with HTML                 | <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject> | 2:1  | <foreignObject> is not allowed
      a javascript link                         | <a href="javascript:alert(1)"><text>x</text></a>                               | 2:4  | 'javascript:' URLs are not allowed
      a javascript xlink                        | <a xlink:href=" JaVaScRiPt:alert(1)"><text>x</text></a>                         | 2:4  | 'JaVaScRiPt:' URLs are not allowed
      an animation that sets a script link      | <a><animate attributeName="href" values="https://a.example;javascript:alert(1)"/><text>x</text></a> | 2:34 | this animation would set 'href'
      a set that adds an event handler          | <set attributeName="onmouseover" to="alert(1)"/>                                | 2:34 | this animation would set 'onmouseover'
      an iframe                                 | <iframe src="https://evil.example/"/>                                         | 2:1  | <iframe> is not allowed
      a data URL that is not a picture          | <use href="data:image/svg+xml;base64,PHN2Zz4="/>                               | 2:6  | 'data:' URLs are not allowed
      an HTML page as a data image              | <a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text>x</text></a> | 2:4  | 'data:' URLs are not allowed
      """)
  void codeInADrawingIsAnErrorAtItsPlace(String name, String element, String where, String message) {
    List<Diagnostic> found = check(OPEN + element + "\n</svg>\n");
    String expected = "content/figure.svg:" + where + ": error: ";
    assertTrue(found.stream().anyMatch(d -> d.headline().startsWith(expected) && d.headline().contains(message)),
        "expected «" + expected + "… " + message + "» in:\n" + headlines(found));
  }

  @Test
  void anXslStylesheetInstructionIsRefused() {
    List<Diagnostic> found = check("<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"evil.xsl\"?>\n" + OPEN + "</svg>\n");
    assertEquals("content/figure.svg:2:1: error: the processing instruction <?xml-stylesheet?> is not allowed in an SVG file: "
        + "<?xml-stylesheet?> can turn the drawing into a page that runs script", headlines(found));
  }

  @Test
  void aDtdOfItsOwnIsRefused() {
    String attlist = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ATTLIST svg onload CDATA \"alert(1)\">\n]>\n" + OPEN + "</svg>\n";
    assertTrue(headlines(check(attlist)).startsWith("content/figure.svg:2:1: error: this SVG file declares entities, elements or attributes of its own"), headlines(check(attlist)));
    String laughs = "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n" + OPEN + "<text>&b;</text></svg>\n";
    assertTrue(headlines(check(laughs)).contains("declares entities"), headlines(check(laughs)));
  }

  @Test
  void otherEncodingsAndOtherDocumentsAndBrokenXmlAreRefused() {
    assertTrue(headlines(check("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n" + OPEN + "</svg>\n"))
        .startsWith("content/figure.svg:1:31: error: this SVG file says its encoding is 'UTF-7'; save it as UTF-8"));
    assertTrue(headlines(check("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>x</body></html>\n"))
        .startsWith("content/figure.svg:1:1: error: this .svg file's root element is <html>, not <svg>"));
    String broken = headlines(check(OPEN + "<g><script>alert(1)</g>\n"));
    assertTrue(broken.contains("content/figure.svg:2:4: error: <script> is not allowed"), broken);
    assertTrue(broken.contains("is not well-formed XML"), broken);
  }

  @Test
  void drawingsAsDrawingProgramsWriteThemArePublished() {
    String inkscape = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
          <style>.a { fill: #123456 }</style>
          <title>Partners</title>
          <rect class="a" width="10" height="10" style="stroke: black"/>
          <image width="4" height="4" xlink:href="data:image/png;base64,iVBORw0KGgo="/>
          <a href="https://example.org/"><text x="1" y="5">Example &amp; more</text></a>
          <a xlink:href="guide.html#goals"><text>Goals</text></a>
          <animate attributeName="opacity" values="0;1" dur="1s"/>
        </svg>
        """;
    assertEquals("", headlines(check(inkscape)));
  }
}
