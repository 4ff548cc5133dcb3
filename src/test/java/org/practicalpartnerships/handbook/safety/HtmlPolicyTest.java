package org.practicalpartnerships.handbook.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.html.Html;

/** README, "Markdown" and "Security": what the one HTML policy refuses, and that it removes exactly that. */
class HtmlPolicyTest {
  private static List<String> refused(String html) {
    return Html.parse(html).body().getAllElements().stream()
        .flatMap(e -> HtmlPolicy.violations(e).stream())
        .map(v -> (v.wholeElement() ? "<element> " : v.attribute() + ": ") + v.message())
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<svg><a><animate attributeName=\"href\" values=\"javascript:alert(1)\"/><text>x</text></a></svg>",
      "<svg><a><animate attributeName=\"href\" values=\"#ok; JavaScript:alert(1)\"/></a></svg>",
      "<svg><a><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a></svg>",
      "<svg><a><set attributeName=\"xlink:href\" to=\"&#106;avascript:alert(1)\"/></a></svg>",
      "<svg><a><animate attributeName=\"href\" from=\"#a\" to=\"javascript:alert(1)\"/></a></svg>",
      "<svg><a><animate attributeName=\"href\" by=\"javascript:alert(1)\"/></a></svg>",
      "<svg><animateMotion attributeName=\"href\" values=\"vbscript:x\"/></svg>",
      "<svg><animateTransform attributeName=\"href\" values=\"data:text/html,x\"/></svg>",
      "<svg><set attributeName=\"onclick\" to=\"alert(1)\"/></svg>",
      "<svg><animate attributename=\"ONLOAD\" values=\"alert(1)\"/></svg>"})
  void svgAnimationsThatWouldSetWhatContentMayNotWriteAreRefused(String html) {
    List<String> found = refused(html);
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).contains("this animation would set"), found.get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<svg><animate attributeName=\"opacity\" values=\"0;1\" dur=\"1s\"/></svg>",
      "<svg><a href=\"#x\"><animate attributeName=\"href\" values=\"#a;#b\"/></a></svg>",
      "<svg><set attributeName=\"fill\" to=\"red\"/></svg>",
      "<svg><circle r=\"4\"><animateTransform attributeName=\"transform\" type=\"rotate\" from=\"0\" to=\"360\"/></circle></svg>"})
  void harmlessAnimationsPass(String html) {
    assertEquals(List.of(), refused(html));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<svg><foreignObject><div>HTML inside a drawing</div></foreignObject></svg>",
      "<svg><handler>alert(1)</handler></svg>",
      "<svg><svg:script>alert(1)</svg:script></svg>"})
  void elementsThatSmuggleScriptOrHtmlIntoADrawingAreRefused(String html) {
    assertTrue(refused(html).stream().anyMatch(v -> v.startsWith("<element>")), refused(html).toString());
  }

  @Test
  void prefixedEventHandlersAndBaseAddressesAreRefused() {
    assertEquals(1, refused("<svg><a xlink:onclick=\"x()\">a</a></svg>").size());
    assertEquals(1, refused("<svg><a xml:base=\"javascript:alert(1)//\" href=\"x\">a</a></svg>").size());
    assertEquals(1, refused("<math href=\"javascript:alert(1)\">x</math>").size());
  }

  @Test
  void strippingRemovesTheAnimationsValuesAndKeepsTheDrawing() {
    Element body = Html.parse("<svg><a href=\"#x\"><animate attributeName=\"href\" values=\"javascript:alert(1)\" dur=\"1s\"/><text>x</text></a></svg>").body();
    body.getAllElements().forEach(HtmlPolicy::stripAttributes);
    Element animate = body.selectFirst("animate");
    assertFalse(animate.hasAttr("values"), body.html());
    assertEquals("1s", animate.attr("dur"));
    assertEquals("x", body.selectFirst("text").text());
  }

  /** srcset and ping hold several addresses; each is judged, as a browser reads each. */
  @Test
  void everyAddressInAListIsJudged() {
    for (String html : List.of("<img alt=\"x\" srcset=\"a.png 1x, data:image/svg+xml,x 2x\">", "<img alt=\"x\" srcset=\",data:image/png;base64,AA\">",
        "<picture><source srcset=\"a.png 480w,\n\tDATA:image/png;base64,AA 800w\"><img alt=\"x\" src=\"a.png\"></picture>",
        "<a href=\"a.html\" ping=\"https://example.org/p data:text/plain,x\">x</a>")) {
      assertEquals(1, refused(html).size(), html);
    }
    for (String html : List.of("<img alt=\"x\" srcset=\"a.png 1x, images/b,2.png 2x\">", "<a href=\"a.html\" ping=\"https://example.org/p https://example.org/q\">x</a>")) {
      assertEquals(0, refused(html).size(), html);
    }
  }
}
