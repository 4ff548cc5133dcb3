package org.practicalpartnerships.handbook.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;

class TextDecoderTest {

  private static String decoded(byte[] bytes) {
    return assertInstanceOf(TextDecoder.Decoded.class, TextDecoder.decode("a.md", bytes)).text().text();
  }

  private static Diagnostic invalid(byte[] bytes) {
    return assertInstanceOf(TextDecoder.Invalid.class, TextDecoder.decode("a.md", bytes)).diagnostic();
  }

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Integer) part);
      }
    }
    return out.toByteArray();
  }

  @Test
  void byteOrderMarkIsDropped() {
    assertEquals("# Title\n", decoded(bytes(0xEF, 0xBB, 0xBF, "# Title\n")));
  }

  @Test
  void windowsAndOldMacLineEndingsBecomeLineFeeds() {
    assertEquals("a\nb\nc\n\nd", decoded(bytes("a\r\nb\rc\n\r\nd")));
  }

  @Test
  void textIsKeptAsWritten() {
    assertEquals("café – “quoted”", decoded(bytes("café – “quoted”")));
  }

  @Test
  void invalidUtf8IsReportedAtItsLineAndColumn() {
    Diagnostic d = invalid(bytes("title: ok\nsé", 0xFF, "x\n"));
    assertEquals("a.md:2:3: error: the file is not valid UTF-8 (byte 0xFF); save it as UTF-8", d.headline());
    assertEquals("sé", d.sourceLine());
  }

  @Test
  void latin1TextIsInvalidAtTheAccentedLetter() {
    Diagnostic d = invalid("one\r\ntwo caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(2, d.line());
    assertEquals(8, d.column());
    assertEquals("two caf", d.sourceLine());
  }

  @Test
  void invalidByteAfterOldMacLineEndingsIsOnTheRightLine() {
    Diagnostic d = invalid(bytes("a\rbb\rc", 0xC3, "("));
    assertEquals(3, d.line());
    assertEquals(2, d.column());
    assertEquals("c", d.sourceLine());
  }

  @Test
  void byteOrderMarkDoesNotShiftTheColumn() {
    Diagnostic d = invalid(bytes(0xEF, 0xBB, 0xBF, "ab", 0xFF));
    assertEquals(1, d.line());
    assertEquals(3, d.column());
    assertEquals("ab", d.sourceLine());
  }

  @Test
  void truncatedSequenceAtTheEndIsInvalid() {
    Diagnostic d = invalid(bytes("ok\nx", 0xE2, 0x80));
    assertEquals(2, d.line());
    assertEquals(2, d.column());
  }
}
