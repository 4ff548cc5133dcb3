package org.practicalpartnerships.handbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guarded table, autolink and admonition extensions and the text renderer must render exactly
 * what flexmark's own do: they only skip work that could not have changed anything.
 */
class GuardedExtensionsTest {
  private static final MarkdownEngine GUARDED = new MarkdownEngine();
  private static final MarkdownEngine FLEXMARK = new MarkdownEngine(false);

  @ParameterizedTest
  @ValueSource(strings = {
      "See https://example.org/a?b=c#d for more.",
      "Write to help@example.org for a copy.",
      "Or go to www.example.org now.",
      "Mail info@example.org or o'brien@example.org today.",
      "Visit www.example.org, WWW.EXAMPLE.ORG or wWw.example.org.",
      "A scheme alone: ftp:// and mailto:someone@example.org.",
      "\"Quoted https://example.org/it's\" and 'www.example.org'.",
      "Entity&amp;https://example.org and &copy; www.example.org",
      "Not a link: ratio 3:1, time 10:30, e-mail at-sign @ alone, w.w.w. and ww.example.",
      "`https://example.org` in code, [a link](https://example.org) and <https://example.org>.",
      "!!! note \"Title\"\n    Body with https://example.org.\n",
      "!!! warning\n    Careful.\n\nAfter.",
      "??? tip \"Folded\"\n    Hidden.\n",
      "???+ info \"Open\"\n    Shown.\n",
      "   !!! note\n    Indented marker.\n",
      "    !!! note\n    Four spaces: code, not a callout.\n",
      "Text\n!!! note\n    Interrupts a paragraph.\n",
      "- item\n  !!! note\n      In a list.\n",
      "!!!\n!! note\n?? note\n!!!note\n!!! \n",
      "> !!! note\n>     In a quote.\n",
      "| a | b |\n|---|---|\n| 1 | 2 |\n",
      "a | b\n--|--\n1 | 2\n",
      "Text first\n| a | b |\n|---|---|\n",
      "| a |\n|---|\n",
      "Pipes | in | prose but no separator.\n",
      "Escapes \\* and \\_ and &amp; &copy; &#169; &nbsp; <b>raw</b> \"quotes\" 'single' & < > done.",
      "Line one\r\nline two\rline three\n",
      "Backslash at end \\\nhard break  \nand text.",
  })
  void rendersWhatFlexmarkRenders(String markdown) {
    assertEquals(FLEXMARK.render(markdown, 0).html(), GUARDED.render(markdown, 0).html());
  }

  @Test
  void theGuardsStillFindLinksAndCallouts() {
    String html = GUARDED.render("!!! note \"Read\"\n    See www.example.org.\n\n    Write to help@example.org.\n\nhttps://example.org\n", 0).html();
    assertTrue(html.contains("adm-block"), html);
    assertTrue(html.contains("href=\"http://www.example.org\""), html);
    assertTrue(html.contains("href=\"mailto:help@example.org\""), html);
    assertTrue(html.contains("href=\"https://example.org\""), html);
  }

  @Test
  void everyPageOfTheHandbookAndTheFixturesRendersTheSame() throws IOException {
    List<Path> pages = new ArrayList<>();
    for (Path root : List.of(TestFiles.SAMPLE_CONTENT, Path.of("src/test/resources/fixtures"))) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
      }
    }
    assertTrue(pages.size() > 20, "expected the handbook's pages, found " + pages.size());
    for (Path page : pages) {
      // Some fixtures are invalid UTF-8 on purpose; replacement characters do for this comparison.
      String text = new String(Files.readAllBytes(page), StandardCharsets.UTF_8);
      assertEquals(FLEXMARK.render(text, 0).html(), GUARDED.render(text, 0).html(), page.toString());
    }
  }
}
