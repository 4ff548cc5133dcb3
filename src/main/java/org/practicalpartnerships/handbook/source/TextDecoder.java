package org.practicalpartnerships.handbook.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.diagnostics.SourceText;

/** Bytes in, normalised text out: strict UTF-8, byte-order mark dropped, CRLF and CR become LF. */
public final class TextDecoder {
  private TextDecoder() {}

  /** The decoded text, or a diagnostic at the first byte that is not UTF-8. */
  public sealed interface Result permits Decoded, Invalid {}

  public record Decoded(SourceText text) implements Result {}

  public record Invalid(Diagnostic diagnostic) implements Result {}

  public static Result decode(String displayPath, byte[] bytes) {
    if (isAscii(bytes)) {
      // Most pages are plain ASCII, which is valid UTF-8 that decodes byte for byte.
      return new Decoded(new SourceText(displayPath, normaliseLineEndings(new String(bytes, StandardCharsets.US_ASCII))));
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    if (result.isError()) {
      return new Invalid(invalidAt(displayPath, bytes, in.position()));
    }
    try {
      result = decoder.flush(out);
      if (result.isError()) {
        result.throwException();
      }
    } catch (CharacterCodingException e) {
      return new Invalid(invalidAt(displayPath, bytes, in.position()));
    }
    out.flip();
    String text = out.toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new Decoded(new SourceText(displayPath, normaliseLineEndings(text)));
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  public static String normaliseLineEndings(String text) {
    return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static Diagnostic invalidAt(String displayPath, byte[] bytes, int badByte) {
    int line = 1;
    // A byte-order mark is dropped from the text, so it takes no column.
    int lineStart = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    for (int i = lineStart; i < badByte; i++) {
      // Count lines as the decoded text will have them: CRLF, CR and LF each end one.
      if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    // Show the valid part of the line, so the caret sits just after it.
    String prefix = new String(bytes, lineStart, badByte - lineStart, StandardCharsets.UTF_8).replace("\r", "");
    int column = prefix.length() + 1;
    String message =
        String.format("the file is not valid UTF-8 (byte 0x%02X); save it as UTF-8", bytes[badByte] & 0xff);
    return new Diagnostic(displayPath, line, column, Severity.ERROR, message, prefix);
  }
}
