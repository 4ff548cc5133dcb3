package org.practicalpartnerships.handbook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SitePathsTest {

  /**
   * The one-pass slug of ASCII text is the slug the regular expressions make ({@link
   * SitePaths#slugOfAnyText}), over every ASCII character (controls, punctuation, runs of them at
   * either end) and texts that mix in letters beyond ASCII, which take the regular expressions.
   */
  @Test
  void theSlugOfAsciiTextIsTheSlugOfAnyText() {
    java.util.Random random = new java.util.Random(20261204);
    String[] extra = {"\u00e9", "e\u0301", "\u00df", "\u0130", "\uff21", "\u00a0", "\ud83d\ude00", "\u2013", "\u00bd"};
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(14); n > 0; n--) {
        int pick = random.nextInt(10);
        if (pick < 4) {
          text.append((char) random.nextInt(128)); // any ASCII character
        } else if (pick < 8) {
          text.append("aZ9 -_.!/#'".charAt(random.nextInt(11)));
        } else if (pick == 8 && random.nextInt(4) == 0) {
          text.append(extra[random.nextInt(extra.length)]);
        } else {
          text.append("Shared Goals".charAt(random.nextInt(12)));
        }
      }
      assertEquals(SitePaths.slugOfAnyText(text.toString()), SitePaths.slug(text.toString()), () -> "slug of '" + text + "'");
    }
    for (String text : new String[] {"", "-", "--a--", "A", "Ünïcode names", "What is a 'shared currency'?", "1.2.3", "x"}) {
      assertEquals(SitePaths.slugOfAnyText(text), SitePaths.slug(text), text);
    }
  }

  @Test
  void rootPrefixClimbsOncePerFolder() {
    assertEquals("", SitePaths.rootPrefix("index.html"));
    assertEquals("../", SitePaths.rootPrefix("guide/index.html"));
    assertEquals("../../", SitePaths.rootPrefix("a/b/c.html"));
  }

  @Test
  void folderOfAPath() {
    assertEquals("a/", SitePaths.folder("a/b.html"));
    assertEquals("", SitePaths.folder("b.html"));
  }

  @Test
  void resolveAgainstThePagesFolder() {
    assertEquals(Optional.of("guide/steps.html"), SitePaths.resolve("guide/index.html", "steps.html"));
    assertEquals(Optional.of("index.html"), SitePaths.resolve("guide/index.html", "../index.html"));
    assertEquals(Optional.of("guide/index.html"), SitePaths.resolve("guide/steps.html", "./index.html"));
    assertEquals(Optional.of("a/c.html"), SitePaths.resolve("a/b/x.html", "../d/../c.html"));
    assertEquals(Optional.of("guide/"), SitePaths.resolve("index.html", "guide/"));
    assertEquals(Optional.of("a/b.html"), SitePaths.resolve("index.html", "a//b.html"));
  }

  @Test
  void resolveRefusesToClimbAboveTheRoot() {
    assertEquals(Optional.empty(), SitePaths.resolve("index.html", "../x.html"));
    assertEquals(Optional.empty(), SitePaths.resolve("guide/steps.html", "../../x.html"));
    assertEquals(Optional.empty(), SitePaths.resolve("a/b.html", "../../../etc/passwd"));
  }

  @Test
  void relativeUrlBetweenPages() {
    assertEquals("steps.html", SitePaths.relative("guide/index.html", "guide/steps.html"));
    assertEquals("../index.html", SitePaths.relative("guide/index.html", "index.html"));
    assertEquals("guide/steps.html", SitePaths.relative("index.html", "guide/steps.html"));
    assertEquals("../x/y.html", SitePaths.relative("a/b/c.html", "a/x/y.html"));
    assertEquals("../../z.html", SitePaths.relative("a/b/c.html", "z.html"));
    assertEquals("../b/index.html", SitePaths.relative("a/x.html", "b/index.html"));
  }

  @Test
  void relativeAndResolveAreInverses() {
    String from = "practice/partners/meeting.html";
    for (String to : new String[] {"index.html", "practice/index.html", "practice/partners/notes.html", "behaviours/co-operation.html", "images/a.png"}) {
      assertEquals(Optional.of(to), SitePaths.resolve(from, SitePaths.relative(from, to)), to);
    }
  }

  /** The way relative() was first written, splitting both paths: the reference for the fast one. */
  static String splitting(String from, String to) {
    String fromFolder = SitePaths.folder(from);
    String[] a = fromFolder.isEmpty() ? new String[0] : fromFolder.substring(0, fromFolder.length() - 1).split("/");
    String[] b = to.split("/", -1);
    int common = 0;
    while (common < a.length && common < b.length - 1 && a[common].equals(b[common])) {
      common++;
    }
    StringBuilder sb = new StringBuilder("../".repeat(a.length - common));
    for (int i = common; i < b.length; i++) {
      sb.append(b[i]);
      if (i < b.length - 1) {
        sb.append('/');
      }
    }
    return sb.toString();
  }

  @Test
  void relativeIsWhatSplittingThePathsGives() {
    String[] parts = {"a", "b", "ab", "index.html", "x.html", "a.html"};
    java.util.Random random = new java.util.Random(5);
    for (int round = 0; round < 5000; round++) {
      String from = path(random, parts);
      String to = random.nextInt(8) == 0 ? path(random, parts) + "/" : path(random, parts);
      assertEquals(splitting(from, to), SitePaths.relative(from, to), from + " -> " + to);
    }
  }

  private static String path(java.util.Random random, String[] parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = random.nextInt(4); i > 0; i--) {
      sb.append(parts[random.nextInt(3)]).append('/');
    }
    return sb.append(parts[random.nextInt(parts.length)]).toString();
  }
}
