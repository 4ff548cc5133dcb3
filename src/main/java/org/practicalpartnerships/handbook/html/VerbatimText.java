package org.practicalpartnerships.handbook.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Text that HTML escaping would leave as it is, held so that jsoup writes it out without
 * escaping it again: jsoup prints a data node's text verbatim, and a text node's one character at
 * a time through its escaper. A page body is printed twice (the page, then its print section) and
 * that escaping was 11% of a cold build at 10,000 pages.
 *
 * <p>Only text that needs no escaping is swapped ({@link #needsNoEscaping}); text with {@code &},
 * {@code <}, {@code >}, a no-break space, a control character or a surrogate stays a text node and
 * jsoup escapes it as before, and so does a first child that starts with a line break, which jsoup
 * treats specially in some elements ({@link #opensWithNewline}). The bytes written do not change;
 * {@code VerbatimTextTest} compares them on random bodies.
 */
public final class VerbatimText extends DataNode {
  private VerbatimText(String text) {
    super(text);
  }

  /** The text, as it was in the text node. */
  public String text() {
    return getWholeData();
  }

  /**
   * Swaps every text node under {@code root} that needs no escaping for a {@link VerbatimText};
   * call it once the text nodes will only be read and printed. Readers of the tree's text must
   * then read both kinds ({@code Element.text()} skips data nodes).
   */
  public static void swapIn(Element root) {
    List<TextNode> plain = new ArrayList<>();
    NodeTraversor.traverse((Node node, int depth) -> {
      // Exactly TextNode: a CDATA node is a TextNode too, and jsoup prints it differently.
      if (node.getClass() == TextNode.class && needsNoEscaping(((TextNode) node).getWholeText()) && !opensWithNewline((TextNode) node)) {
        plain.add((TextNode) node);
      }
    }, root);
    for (TextNode text : plain) {
      text.replaceWith(new VerbatimText(text.getWholeText()));
    }
  }

  /**
   * True for a first child that starts with a line break: jsoup prints one more before it in
   * {@code pre}, {@code textarea} and {@code listing} (a parser drops a line break there), and only
   * when it is a text node. Kept as text nodes wherever they are, so the rule need not be copied.
   */
  private static boolean opensWithNewline(TextNode text) {
    String whole = text.getWholeText();
    return text.siblingIndex() == 0 && !whole.isEmpty() && (whole.charAt(0) == '\n' || whole.charAt(0) == '\r');
  }

  /**
   * True when jsoup's escaping of text (base entities, UTF-8 output) gives the text back
   * unchanged: no {@code & < >}, no no-break space, no control character but tab, line feed and
   * carriage return, and no surrogate (an unpaired one is escaped; paired ones are left to jsoup
   * too, as they are rare).
   */
  static boolean needsNoEscaping(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r'
          : c == '&' || c == '<' || c == '>' || c == '\u00A0' || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
