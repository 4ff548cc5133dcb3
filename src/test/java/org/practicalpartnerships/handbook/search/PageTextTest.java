package org.practicalpartnerships.handbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.html.Html;
import org.practicalpartnerships.handbook.html.VerbatimText;
import org.practicalpartnerships.handbook.model.Heading;

class PageTextTest {
  @Test
  void collapseIsTheRegularExpressionItReplaced() {
    String alphabet = "ab \t\n\r\f\u000b\u00a0\u2003\u2028\u2029\u001c\u00e9\u2019.";
    Random random = new Random(3);
    for (int round = 0; round < 5000; round++) {
      StringBuilder text = randomText(random, alphabet, 30);
      String expected = text.toString().replaceAll("[\\s\\p{Z}]+", " ").strip();
      assertEquals(expected, PageText.collapse(text), text.toString());
    }
  }

  /**
   * Issue 20: {@link PageText#blocks} collapses each block in one pass; before, it cut the text
   * into blocks and collapsed each copy, as this test's reference does.
   */
  @Test
  void blocksAreWhatCuttingAndCollapsingEachBlockGave() {
    String alphabet = "ab \t\n\r\f\u000b\u00a0\u2003\u2028\u2029\u001c\u001f\u00e9\u2019.\uE000\uE000\uD83D\uDE00";
    Random random = new Random(20);
    for (int round = 0; round < 5000; round++) {
      StringBuilder text = randomText(random, alphabet, 40);
      String expected = Arrays.stream(text.toString().split("\uE000", -1))
          .map(block -> block.replaceAll("[\\s\\p{Z}]+", " ").strip())
          .filter(block -> !block.isEmpty())
          .collect(Collectors.joining("\n"));
      assertEquals(expected, PageText.blocks(text), text.toString());
    }
  }

  /**
   * Issue 20: the build swaps a body's plain text for {@link VerbatimText} before it is read here;
   * the page's text and sections are the same either way, on random bodies.
   */
  @Test
  void verbatimTextReadsAsTheTextItReplaced() {
    List<String> blocks = List.of("<p>%s</p>", "<ul><li>%s</li><li>%s</li></ul>", "<p><em>%s</em> %s <a href=\"x.html\">%s</a></p>",
        "<table><tr><td>%s</td><td>%s</td></tr></table>", "<pre><code>%s</code></pre>", "<nav>%s</nav>", "<p>%s<span class=\"term-tip\">%s</span></p>");
    List<String> words = List.of("Pooled budgets", "a &amp; b", "x &lt; y", "no&nbsp;break", "\u2019quoted\u2019", "  spaced \n out ", "caf\u00e9", "");
    Random random = new Random(9);
    int verbatim = 0;
    for (int round = 0; round < 300; round++) {
      StringBuilder html = new StringBuilder();
      List<Heading> headings = new ArrayList<>();
      for (int b = random.nextInt(8); b >= 0; b--) {
        if (random.nextInt(4) == 0) {
          String id = "s" + b;
          String heading = words.get(random.nextInt(words.size())) + " " + b;
          html.append("<h2 id=\"").append(id).append("\">").append(heading).append("</h2>");
          headings.add(new Heading(2, id, Html.parse(heading).body().text()));
        }
        String block = blocks.get(random.nextInt(blocks.size()));
        Object[] fill = new Object[3];
        for (int k = 0; k < 3; k++) {
          fill[k] = words.get(random.nextInt(words.size()));
        }
        html.append(String.format(block, fill));
      }
      Element body = Html.parse(html.toString()).body();
      PageText.Sections escaped = PageText.of(body, headings);
      VerbatimText.swapIn(body);
      verbatim += body.getAllElements().stream().mapToInt(e -> (int) e.childNodes().stream().filter(VerbatimText.class::isInstance).count()).sum();
      assertEquals(escaped, PageText.of(body, headings), html.toString());
    }
    assertTrue(verbatim > 500, "text was swapped: " + verbatim);
  }

  /** Up to {@code maxLength} characters drawn from {@code alphabet}. */
  private static StringBuilder randomText(Random random, String alphabet, int maxLength) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(maxLength); i > 0; i--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text;
  }
}
