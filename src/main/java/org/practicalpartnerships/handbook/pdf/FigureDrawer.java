package org.practicalpartnerships.handbook.pdf;

import com.openhtmltopdf.css.constants.CSSName;
import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.css.style.CalculatedStyle;
import com.openhtmltopdf.css.style.FSDerivedValue;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.OpenHtmlGvtFont;
import com.openhtmltopdf.svgsupport.PDFTranscoder;
import java.awt.FontFormatException;
import java.awt.font.TextAttribute;
import java.text.AttributedCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.batik.gvt.font.GVTFont;
import org.apache.batik.gvt.font.GVTFontFace;
import org.apache.batik.gvt.font.GVTFontFamily;

/**
 * Draws inline SVG figures as vectors with Batik, scripts and external resources off, and with the
 * stylesheet's {@code @font-face} fonts for their text.
 *
 * <p>openhtmltopdf 1.1.31 hands those fonts to Batik keyed by an exact (style, weight) pair in
 * which an upright face never matches what Batik asks for, so upright text took whichever face a
 * hash map gave first (italic, here). This drawer keeps the faces itself and picks the nearest.
 */
final class FigureDrawer extends BatikSVGDrawer {

  FigureDrawer() {
    super(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE);
  }

  @Override
  public void importFontFaceRules(List<FontFaceRule> rules, SharedContext context) {
    Fonts fonts = new Fonts();
    for (FontFaceRule rule : rules) {
      CalculatedStyle style = rule.getCalculatedStyle();
      FSDerivedValue src = style.valueByName(CSSName.SRC);
      if (src == IdentValue.NONE || !rule.hasFontFamily()) {
        continue;
      }
      byte[] bytes = context.getUserAgentCallback().getBinaryResource(src.asString(), ExternalResourceType.FONT);
      if (bytes == null) {
        continue;
      }
      IdentValue weight = rule.hasFontWeight() ? style.getIdent(CSSName.FONT_WEIGHT) : IdentValue.NORMAL;
      IdentValue posture = rule.hasFontStyle() ? style.getIdent(CSSName.FONT_STYLE) : IdentValue.NORMAL;
      boolean italic = posture == IdentValue.ITALIC || posture == IdentValue.OBLIQUE;
      try {
        fonts.add(style.valueByName(CSSName.FONT_FAMILY).asString(), bytes, weight(weight), italic);
      } catch (FontFormatException e) {
        // The PDF's own font loading reports a broken font file.
      }
    }
    this.fontResolver = fonts;
  }

  private static float weight(IdentValue weight) {
    if (weight == IdentValue.BOLD || weight == IdentValue.BOLDER) {
      return 700;
    }
    if (weight == IdentValue.LIGHTER) {
      return 300;
    }
    String text = weight.asString();
    return text.matches("[1-9]00") ? Integer.parseInt(text) : 400;
  }

  /** The families, by name regardless of case, as Batik looks them up. */
  private static final class Fonts extends PDFTranscoder.OpenHtmlFontResolver {
    private final Map<String, Family> families = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    void add(String family, byte[] bytes, float weight, boolean italic) throws FontFormatException {
      Family f = families.computeIfAbsent(family, Family::new);
      f.faces.add(new Face(weight, italic, new OpenHtmlGvtFont(bytes, f, 1, weight(weight), italic ? TextAttribute.POSTURE_OBLIQUE : TextAttribute.POSTURE_REGULAR)));
    }

    private static Float weight(float cssWeight) {
      return cssWeight >= 700 ? TextAttribute.WEIGHT_BOLD : TextAttribute.WEIGHT_REGULAR;
    }

    @Override
    public GVTFontFamily resolve(String family) {
      return families.get(family);
    }
  }

  private record Face(float weight, boolean italic, GVTFont font) {}

  /** One family's faces; asked for a style and weight, it gives the nearest face it has. */
  private static final class Family implements GVTFontFamily {
    private final String name;
    private final List<Face> faces = new ArrayList<>();

    Family(String name) {
      this.name = name;
    }

    @Override
    public String getFamilyName() {
      return name;
    }

    @Override
    public GVTFontFace getFontFace() {
      return new GVTFontFace(name);
    }

    @Override
    public GVTFont deriveFont(float size, AttributedCharacterIterator text) {
      return deriveFont(size, text.getAttributes());
    }

    @Override
    public GVTFont deriveFont(float size, @SuppressWarnings("rawtypes") Map attributes) {
      Object posture = attributes.get(TextAttribute.POSTURE);
      Object weight = attributes.get(TextAttribute.WEIGHT);
      boolean italic = posture instanceof Float p && p > 0;
      // TextAttribute weights: 1.0 regular, 2.0 bold; CSS weights: 400 regular, 700 bold.
      float wanted = weight instanceof Float w ? 400 + (w - 1) * 300 : 400;
      Face best = null;
      float bestScore = Float.MAX_VALUE;
      for (Face face : faces) {
        float score = Math.abs(face.weight() - wanted) + (face.italic() == italic ? 0 : 1000);
        if (score < bestScore) {
          bestScore = score;
          best = face;
        }
      }
      return best.font().deriveFont(size);
    }

    @Override
    public boolean isComplex() {
      return false;
    }
  }
}
