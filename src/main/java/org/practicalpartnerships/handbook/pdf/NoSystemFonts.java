package org.practicalpartnerships.handbook.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * PDFBox's font mapper without the machine's fonts. The renderer registers PDF's standard 14
 * fonts, and PDFBox's own mapper then scans every font installed on the machine to find stand-ins
 * for drawing them, writes a cache file into the user's home folder and logs a warning. The PDF
 * never draws with those fonts (every font it uses is embedded, as PDF/A requires), so this
 * mapper gives PDFBox's bundled Liberation Sans for all of them: no scan, no file, no log.
 */
final class NoSystemFonts implements FontMapper {
  private volatile TrueTypeFont standIn;

  @Override
  public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
    return new FontMapping<>(standIn(), false);
  }

  @Override
  public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
    return new FontMapping<>(standIn(), false);
  }

  @Override
  public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
    return new CIDFontMapping(null, standIn(), false);
  }

  private TrueTypeFont standIn() {
    TrueTypeFont font = standIn;
    if (font == null) {
      synchronized (this) {
        font = standIn;
        if (font == null) {
          String resource = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
          try (InputStream in = FontMapper.class.getResourceAsStream(resource)) {
            if (in == null) {
              throw new IOException("PDFBox's " + resource + " is missing");
            }
            font = new TTFParser().parse(new RandomAccessReadBuffer(in));
            standIn = font;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return font;
  }
}
