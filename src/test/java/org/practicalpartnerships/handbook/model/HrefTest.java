package org.practicalpartnerships.handbook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
