package org.practicalpartnerships.handbook.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.Set;

/**
 * Renders text nodes as flexmark's core renderer does (unescape backslashes and entities, make
 * line ends {@code \n}, escape {@code & < > "}), but does each step only when the text needs it
 * and copies it out of the page in one piece: most text has no backslash, entity, carriage return
 * or markup character, and the core renderer ran a regular expression for each step over every
 * text node and copied it a character at a time (a tenth of Markdown's time under C1).
 */
final class FastText implements HtmlRenderer.HtmlRendererExtension {
  @Override
  public void rendererOptions(MutableDataHolder options) {}

  @Override
  public void extend(HtmlRenderer.Builder builder, String rendererType) {
    if (builder.isRendererType("HTML")) {
      builder.nodeRendererFactory(options -> new Renderer());
    }
  }

  private static final class Renderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(new NodeRenderingHandler<>(Text.class, Renderer::render));
    }

    private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
      html.raw(FastText.render(node.getChars()));
    }
  }

  /** What the core renderer writes for these characters. */
  static String render(BasedSequence chars) {
    String text = chars instanceof SubSequence && chars.getBase() instanceof String base
        ? base.substring(chars.getStartOffset(), chars.getEndOffset())
        : chars.toString();
    if (text.indexOf('\\') >= 0 || text.indexOf('&') >= 0) {
      text = Escaping.unescapeString(text);
    }
    if (text.indexOf('\r') >= 0) {
      text = Escaping.normalizeEOL(text);
    }
    return escape(text);
  }

  /** {@code Escaping.escapeHtml(text, false)}: {@code & < > "} as entities. */
  private static String escape(String text) {
    int i = 0;
    while (i < text.length() && !special(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean special(char c) {
    return c == '&' || c == '<' || c == '>' || c == '"';
  }
}
