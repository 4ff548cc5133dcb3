package org.practicalpartnerships.handbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * README, "Performance" and "What the build guarantees": any page up to 1 MB is rendered in time
 * linear in its size, or refused at once with a diagnostic that names the limit.
 *
 * <p>Each case is timed by the CPU time of this thread (not the wall clock, which other work on a
 * shared machine stretches) at two sizes, four times apart. Linear work takes about four times as
 * long; quadratic work sixteen times. The test allows up to ten, taking the fastest of three runs
 * of each and measuring again when a figure is over, so it fails on quadratic work and not on
 * noise ({@link #theMeasureCatchesQuadraticWork} shows it can fail). Before the fix, 10,000 links in one
 * paragraph took 23 s and 20,000 took 91 s.
 */
class LinearTimeTest {
  private static final MarkdownEngine ENGINE = new MarkdownEngine();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int SMALL = 2_000;
  private static final int LARGE = 4 * SMALL;
  /** Four times the input, at most this many times the time: linear is 4, quadratic 16. */
  private static final double MOST_GROWTH = 10;
  /** CPU time within which a page is rendered or refused: the meter's second of work, with room for a loaded machine. */
  private static final long BOUND = 8_000_000_000L;

  @BeforeAll
  static void warmUp() {
    for (int i = 0; i < 3; i++) {
      ENGINE.render("[a](b.md) *c* `d` <span>e</span> https://example.org\n".repeat(2_000), 0);
    }
  }

  static Stream<Arguments> writing() {
    return Stream.of(
        Arguments.of("links in one paragraph", (IntFunction<String>) i -> "[link " + i + "](page.md#part) "),
        Arguments.of("links one per line in one paragraph", (IntFunction<String>) i -> "[link " + i + "](page.md)\n"),
        Arguments.of("images", (IntFunction<String>) i -> "![picture " + i + "](images/p.png) "),
        Arguments.of("reference links", (IntFunction<String>) i -> "[link][ref] "),
        Arguments.of("reference definitions", (IntFunction<String>) i -> "[ref" + i + "]: page.md\n"),
        Arguments.of("bare web addresses", (IntFunction<String>) i -> "https://example.org/" + i + " "),
        Arguments.of("raw HTML links", (IntFunction<String>) i -> "<a href=\"page.md\">link</a> "),
        Arguments.of("emphasis and code", (IntFunction<String>) i -> "*a* `b` "),
        Arguments.of("lines of prose", (IntFunction<String>) i -> "Partners agree what they share and count it the same way.\n"),
        Arguments.of("headings", (IntFunction<String>) i -> "\n## Part " + i + "\n\nText.\n"),
        Arguments.of("table rows", (IntFunction<String>) i -> i == 0 ? "| a | b |\n|---|---|\n" : "| x | [y](page.md) |\n"),
        Arguments.of("unclosed HTML comments", (IntFunction<String>) i -> "<!-- a "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writing")
  void growsLinearlyOrIsRefusedAtOnce(String name, IntFunction<String> piece) {
    String small = text(piece, SMALL);
    String large = text(piece, LARGE);
    if (refused(small) || refused(large)) {
      return; // refused, quickly: see refusedQuickly
    }
    Growth growth = growth(text -> ENGINE.render(text, 0), small, large);
    assertTrue(growth.factor() < MOST_GROWTH, name + ": four times the text took " + growth);
  }

  /** The measure can fail: work that is quadratic in its input is caught by it. */
  @Test
  void theMeasureCatchesQuadraticWork() {
    Function<String, Object> quadratic = text -> {
      int matches = 0;
      for (int i = 0; i < text.length(); i += 4) {
        matches += text.indexOf(text.charAt(i), i + 1) >= 0 ? 1 : 0;
        matches += text.substring(0, i).lastIndexOf('#');
      }
      return matches;
    };
    Growth growth = growth(quadratic, "ab ".repeat(6_000), "ab ".repeat(24_000));
    assertTrue(growth.factor() >= MOST_GROWTH, "quadratic work measured as " + growth);
  }

  /**
   * A link closed inside unclosed {@code [} walks back over them: quadratic by design in flexmark
   * (LinearInlineParser's Javadoc), so it is not in {@link #writing}, whose growth would be near 16
   * and, measured on a loaded machine, flaky. What holds is the bound: whatever the count, the
   * page is rendered or refused within a bounded time (the meter allows about 1 s of parsing; the
   * test allows 8 s of CPU, so a loaded machine cannot fail it, while the 23 s and more that
   * unbounded work took before cannot pass).
   */
  @ParameterizedTest(name = "{0} times")
  @org.junit.jupiter.params.provider.ValueSource(ints = {2_000, 8_000, 32_000, 80_000})
  void unclosedBracketsAroundLinksAreBoundedByTheMeter(int count) {
    String text = "[ [a](b.md) ".repeat(count);
    long start = THREADS.getCurrentThreadCpuTime();
    try {
      ENGINE.render(text, 0);
    } catch (MarkdownEngine.TooComplex refused) {
      assertTrue(refused.getMessage().contains("limit"), refused.getMessage());
    }
    long spent = THREADS.getCurrentThreadCpuTime() - start;
    assertTrue(spent < BOUND, count + " unclosed brackets took " + spent / 1_000_000 + " ms");
  }

  @Test
  void twentyThousandLinksInOneParagraphAreRenderedWithEveryLink() {
    RenderedMarkdown rendered = ENGINE.render("[link](page.md) ".repeat(20_000), 0);
    assertEquals(20_000, rendered.links().size());
  }

  static Stream<Arguments> pathological() {
    return Stream.of(
        Arguments.of("links inside thousands of unclosed brackets", "[a [b](c.md) ".repeat(20_000)),
        Arguments.of("link destinations that never end", "[a](b".repeat(40_000)),
        Arguments.of("angle destinations that never end", "[a](<b".repeat(40_000)),
        Arguments.of("closing '*' with no opener (the multiple-of-3 rule)", "a**b" + "c* ".repeat(12_000)),
        Arguments.of("callouts nested thousands deep", "!!! note\n    a\n".repeat(4_000)),
        Arguments.of("quotes nested thousands deep", "> ".repeat(5_000) + "a\n"),
        Arguments.of("thousands of footnotes in a long page", "x[^1]\n\n".repeat(10_000) + "[^1]: n\n\n".repeat(5_000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pathological")
  void refusedQuickly(String name, String text) {
    long start = THREADS.getCurrentThreadCpuTime();
    MarkdownEngine.TooComplex refused = assertThrows(MarkdownEngine.TooComplex.class, () -> ENGINE.render(text, 100));
    long spent = THREADS.getCurrentThreadCpuTime() - start;
    assertTrue(spent < BOUND, name + " took " + spent / 1_000_000 + " ms to refuse");
    assertTrue(refused.getMessage().contains("limit") || refused.getMessage().contains("too deeply nested"), refused.getMessage());
    assertTrue(refused.offset() >= 100 && refused.offset() <= 100 + text.length(), "the offset is in the page: " + refused.offset());
  }

  @Test
  void aLimitThatIsNamed() {
    MarkdownEngine.TooComplex refused = assertThrows(MarkdownEngine.TooComplex.class, () -> ENGINE.render("*a _b ".repeat(20_000), 0));
    assertTrue(refused.getMessage().contains("more than 10000 emphasis marks"), refused.getMessage());
  }

  private static String text(IntFunction<String> piece, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(piece.apply(i));
    }
    return text.append("\n\n[ref]: page.md\n").toString();
  }

  private static boolean refused(String text) {
    try {
      ENGINE.render(text, 0);
      return false;
    } catch (MarkdownEngine.TooComplex e) {
      return true;
    }
  }

  /** How many times as long the large text took as the small one, with both figures. */
  record Growth(double factor, long smallNanos, long largeNanos) {
    @Override
    public String toString() {
      return String.format("%.1f times as long (%d ms, then %d ms)", factor, smallNanos / 1_000_000, largeNanos / 1_000_000);
    }
  }

  /**
   * The growth from the small text to the large, each timed at its fastest of three runs taken in
   * turn after a warm-up on the large one. A machine busy with other work, the JIT replacing code
   * or a collection can slow any one run many times over, so a growth over the limit is measured
   * again, up to three times: noise passes on a later attempt, quadratic work fails every one.
   */
  private static Growth growth(Function<String, Object> work, String small, String large) {
    Growth growth = null;
    for (int attempt = 0; attempt < 3 && (growth == null || growth.factor() >= MOST_GROWTH); attempt++) {
      work.apply(large);
      long smallBest = Long.MAX_VALUE;
      long largeBest = Long.MAX_VALUE;
      for (int run = 0; run < 3; run++) {
        smallBest = Math.min(smallBest, cpuTime(work, small));
        largeBest = Math.min(largeBest, cpuTime(work, large));
      }
      growth = new Growth((double) largeBest / Math.max(smallBest, 2_000_000), smallBest, largeBest);
    }
    return growth;
  }

  private static long cpuTime(Function<String, Object> work, String text) {
    long start = THREADS.getCurrentThreadCpuTime();
    work.apply(text);
    return THREADS.getCurrentThreadCpuTime() - start;
  }
}
