package org.practicalpartnerships.handbook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.model.Href.Kind;

class HrefTest {

  @Test
  void schemesAndProtocolRelativeAddressesAreExternal() {
    assertEquals(Kind.EXTERNAL, Href.parse("https://example.org/a.md").kind());
    assertEquals(Kind.EXTERNAL, Href.parse("mailto:team@example.org").kind());
    assertEquals(Kind.EXTERNAL, Href.parse("tel:+441234").kind());
    assertEquals(Kind.EXTERNAL, Href.parse("//cdn.example.org/x.js").kind());
  }

  @Test
  void scriptAndDataUrlsAreUnsafeWhateverTheirCase() {
    assertEquals(Kind.UNSAFE, Href.parse("javascript:alert(1)").kind());
    assertEquals(Kind.UNSAFE, Href.parse(" JavaScript:alert(1)").kind());
    assertEquals(Kind.UNSAFE, Href.parse("vbscript:msgbox").kind());
    assertEquals(Kind.UNSAFE, Href.parse("data:text/html;base64,PHNjcmlwdD4=").kind());
  }

  /** Browsers drop tabs and line breaks anywhere in a URL and control characters and spaces at its ends. */
  @Test
  void scriptUrlsWrittenTheWayBrowsersForgiveAreUnsafe() {
    for (String disguised : List.of("java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)", "j\ta\nv\ra\tscript:x",
        "\u0001javascript:alert(1)", "\u0000 \u001Fjavascript:alert(1)", " \n\tJaVaScRiPt:alert(1)", "javascript\t:alert(1)",
        "vb\tscript:msgbox", "da\nta:text/html,<script>alert(1)</script>", "\u2003javascript:alert(1)")) {
      assertEquals(Kind.UNSAFE, Href.parse(disguised).kind(), disguised);
    }
    assertEquals("javascript", Href.scheme("java\tscript:alert(1)"));
    assertEquals(Kind.EXTERNAL, Href.parse("ht\ttps://example.org/").kind());
  }

  /** What a browser does not read as a scheme stays a page-relative link, as before. */
  @Test
  void whatBrowsersDoNotReadAsASchemeIsRelative() {
    for (String relative : List.of("java script:alert(1)", "javascript%3Aalert(1)", "%6Aavascript:alert(1)", "ja\u0000vascript:x",
        "1javascript:x", ":javascript", "guide/javascript:x.md", "notes.md#javascript:")) {
      assertEquals(Kind.RELATIVE, Href.parse(relative).kind(), relative);
    }
    assertNull(Href.scheme("page.md"));
  }

  @Test
  void leadingSlashIsRootRelative() {
    assertEquals(Kind.ROOT_RELATIVE, Href.parse("/guide.md").kind());
    assertEquals(Kind.ROOT_RELATIVE, Href.parse("\\guide.md").kind());
  }

  @Test
  void relativeLinksAreSplitAndDecoded() {
    Href href = Href.parse("my%20notes/caf%C3%A9.md?x=1#step%202");
    assertEquals(Kind.RELATIVE, href.kind());
    assertEquals("my notes/café.md", href.path());
    assertEquals("step 2", href.fragment());
    assertTrue(href.isPageSource());
  }

  @Test
  void plusSignsStayPlusSigns() {
    assertEquals("c++.md", Href.parse("c%2B%2B.md").path());
    assertEquals("c++.md", Href.parse("c++.md").path());
  }

  @Test
  void samePageFragment() {
    Href href = Href.parse("#aims");
    assertEquals(Kind.RELATIVE, href.kind());
    assertEquals("", href.path());
    assertEquals("aims", href.fragment());
    assertFalse(href.isPageSource());
  }

  @Test
  void rewrittenForTheOutput() {
    assertEquals(Optional.of("a/b.html#c"), Href.parse("a/b.md#c").rewritten());
    assertEquals(Optional.of("a/b.html?from=zz#c"), Href.parse("a/b.md?from=zz#c").rewritten());
    assertEquals(Optional.of("a/b.html?q=x.md"), Href.parse("a/b.md?q=x.md").rewritten());
    assertEquals(Optional.of("dir/index.html?tab=2"), Href.parse("dir/?tab=2").rewritten());
    assertEquals("a/b.md", Href.parse("a/b.md?from=zz#c").path());
    assertEquals(Optional.of("dir/index.html"), Href.parse("dir/").rewritten());
    assertEquals(Optional.of("../index.html#x"), Href.parse("..#x").rewritten());
    assertEquals(Optional.of("./index.html"), Href.parse(".").rewritten());
    assertEquals(Optional.empty(), Href.parse("img/a.png").rewritten());
    assertEquals(Optional.empty(), Href.parse("#x").rewritten());
    assertEquals(Optional.empty(), Href.parse("https://example.org/a.md").rewritten());
  }
}
