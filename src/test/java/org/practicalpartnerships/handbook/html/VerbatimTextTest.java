package org.practicalpartnerships.handbook.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a body with its plain text swapped for {@link VerbatimText} prints the same bytes as
 * the body jsoup escapes in full, on random bodies whose text holds every character the escaper
 * treats specially, and characters it does not.
 */
class VerbatimTextTest {
  /** Pieces of text: plain, and each kind of character jsoup's escaper changes or might. */
  private static final List<String> PIECES = List.of(
      "partnership", " ", "  ", "\n", "\t", "\r\n", "health & care", "a < b", "b > a", "&amp;", "&lt;", "no\u00A0break",
      "\u0001", "\u000B", "\u000C", "\u001F", "\u007F", "caf\u00E9", "\u2019quoted\u201D", "\u2014", "\u00AB\u00BB",
      "\uD83D\uDE00", "\uD800", "x\uDC00", "\"double\"", "'single'", "&nbsp;", "&#39;", "]]>", "<!--", "\u2028", "\uFEFF");

  private static final List<String> TAGS = List.of("p", "em", "strong", "li", "td", "code", "pre", "a", "span", "h2", "figcaption", "textarea", "title");

  @Test
  void printsTheSameBytesAsFullEscaping() {
    Random random = new Random(2026);
    int swapped = 0;
    int kept = 0;
    for (int round = 0; round < 400; round++) {
      Document doc = Html.parse("");
      fill(doc.body(), random, 3);
      String escaped = doc.body().html();
      VerbatimText.swapIn(doc.body());
      assertEquals(escaped, doc.body().html(), "round " + round);
      swapped += doc.body().select("*").stream().mapToInt(e -> (int) e.childNodes().stream().filter(VerbatimText.class::isInstance).count()).sum();
      kept += doc.body().select("*").stream().mapToInt(e -> e.textNodes().size()).sum();
    }
    assertTrue(swapped > 1000, "plain text was swapped: " + swapped);
    assertTrue(kept > 1000, "text that needs escaping was kept: " + kept);
  }

  @Test
  void parsedMarkupPrintsTheSameBytes() {
    String html = "<p>Plain, then <a href=\"x.html?a=1&amp;b=2\" title=\"&quot;q&quot;\">a link</a> &amp; more&nbsp;text.</p>"
        + "<pre><code>if (a &lt; b) { return; }\n\tindented</code></pre><p><![CDATA[kept as cdata]]></p>"
        + "<textarea>raw &amp; text</textarea><table><tr><td>cell</td><td>x &gt; y</td></tr></table><p>\uD83D\uDE00 end</p>";
    Document doc = Html.parse(html);
    String escaped = doc.body().html();
    VerbatimText.swapIn(doc.body());
    assertEquals(escaped, doc.body().html());
  }

  @Test
  void onlyTextThatEscapingLeavesAloneIsSwapped() {
    assertTrue(VerbatimText.needsNoEscaping("Shared budgets, pooled \u2019funds\u2019 \u2014 and \"quotes\"\ttab\r\nline"));
    for (String special : List.of("&", "<", ">", "\u00A0", "\u0000", "\u000B", "\u000C", "\u001B", "\uD800", "\uDFFF", "\uD83D\uDE00")) {
      assertFalse(VerbatimText.needsNoEscaping("text " + special + " text"), () -> "U+" + Integer.toHexString(special.charAt(0)));
    }
    Element p = Html.parse("<p>plain</p><p>a &amp; b</p>").body();
    VerbatimText.swapIn(p);
    assertEquals("plain", ((VerbatimText) p.child(0).childNode(0)).text());
    assertTrue(p.child(1).childNode(0) instanceof TextNode);
  }

  private static void fill(Element parent, Random random, int depth) {
    for (int n = random.nextInt(5); n >= 0; n--) {
      if (depth > 0 && random.nextInt(3) == 0) {
        Element child = parent.appendElement(TAGS.get(random.nextInt(TAGS.size())));
        if (random.nextBoolean()) {
          child.attr("title", piece(random));
        }
        fill(child, random, depth - 1);
      } else {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(4); k >= 0; k--) {
          text.append(piece(random));
        }
        parent.appendChild(new TextNode(text.toString()));
      }
    }
  }

  private static String piece(Random random) {
    // Plain pieces most of the time, so that whole text nodes are often plain.
    return random.nextInt(3) > 0 ? PIECES.get(random.nextInt(6)) : PIECES.get(random.nextInt(PIECES.size()));
  }
}
