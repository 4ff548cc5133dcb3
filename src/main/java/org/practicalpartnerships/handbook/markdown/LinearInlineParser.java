package org.practicalpartnerships.handbook.markdown;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.core.delimiter.Bracket;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser, kept linear in the size of a page.
 *
 * <p><b>Fixed.</b> flexmark's {@code match} and {@code matchWithGroups} call {@link
 * Matcher#toMatchResult()}, which on Java 17 copies the whole paragraph into a new string on every
 * call; the parser calls them for every link, so a paragraph of 10,000 links took 23 s and one of
 * 20,000 took 91 s. Here the match's bounds are read from the matcher itself: the same result
 * without the copy. Inline HTML that opens a comment, processing instruction, CDATA section or tag
 * with no closing {@code -->}, {@code ?>}, {@code ]]>} or {@code >} anywhere after it is not
 * looked for again at every {@code <} (a page of unclosed {@code <!--} took minutes).
 *
 * <p><b>Bounded.</b> Some of flexmark's steps are quadratic by design on input no one writes: a
 * link closed inside thousands of unclosed {@code [} walks back over all of them, a link
 * destination that never ends is scanned to the end of the paragraph once per {@code ](}, and a
 * closing {@code *} that matches no opener walks back over every earlier one. The parser counts
 * that work as it goes ({@link WorkMeter}), deterministically, and stops with {@link
 * MarkdownEngine.TooComplex} when a page passes {@link WorkMeter#LIMIT} steps or a paragraph has
 * more than {@link #MAX_DELIMITER_RUNS}
 * emphasis marks and quotes, so such a page is refused within a fraction of a second instead of
 * taking minutes. Ordinary writing (any number of links, 1 MB of prose) stays far below both.
 */
final class LinearInlineParser extends InlineParserImpl {
  /** Makes this parser wherever flexmark would make its own: one per parsed document. */
  static final InlineParserFactory FACTORY = LinearInlineParser::new;

  /** The most runs of {@code *}, {@code _}, {@code ~} and quotes in one paragraph. */
  static final int MAX_DELIMITER_RUNS = 10_000;

  private int delimiterRuns;
  /** The input the closers below were found for, and where the last of each is (-1: none). */
  private BasedSequence scanned;
  private int lastGt = -2;
  private int lastCommentEnd = -2;
  private int lastPiEnd = -2;
  private int lastCdataEnd = -2;

  private LinearInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters, Map<Character, DelimiterProcessor> delimiterProcessors,
      LinkRefProcessorData referenceLinkProcessors, List<InlineParserExtensionFactory> inlineParserExtensions) {
    super(options, specialCharacters, delimiterCharacters, delimiterProcessors, referenceLinkProcessors, inlineParserExtensions);
  }

  @Override
  public void parse(BasedSequence content, Node block) {
    delimiterRuns = 0;
    super.parse(content, block);
  }

  @Override
  public BasedSequence match(Pattern re) {
    Matcher matcher = find(re);
    return matcher == null ? null : input.subSequence(matcher.start(), matcher.end());
  }

  @Override
  public BasedSequence[] matchWithGroups(Pattern re) {
    Matcher matcher = find(re);
    if (matcher == null) {
      return null;
    }
    BasedSequence[] groups = new BasedSequence[matcher.groupCount() + 1];
    groups[0] = input.subSequence(matcher.start(), matcher.end());
    for (int i = 1; i < groups.length; i++) {
      groups[i] = matcher.start(i) < 0 ? null : input.subSequence(matcher.start(i), matcher.end(i));
    }
    return groups;
  }

  /** The next match of {@code re} from the parser's position, which moves past it; null when none. */
  private Matcher find(Pattern re) {
    int from = index;
    if (from >= input.length()) {
      return null;
    }
    Matcher matcher = re.matcher(input);
    matcher.region(from, input.length());
    boolean found = matcher.find();
    if (matcher.hitEnd()) {
      // The expression read to the end of the paragraph: count what it read.
      spend(input.length() - from);
    }
    if (!found) {
      return null;
    }
    index = matcher.end();
    return matcher;
  }

  @Override
  public boolean parseHtmlInline() {
    if (!closerFollows()) {
      return false;
    }
    return super.parseHtmlInline();
  }

  /**
   * False when what starts at the {@code <} here cannot be inline HTML because the text after it
   * has no closer for it; true when it may be (flexmark's expression decides).
   */
  private boolean closerFollows() {
    if (scanned != input) {
      scanned = input;
      String text = input.toString();
      lastGt = text.lastIndexOf('>');
      lastCommentEnd = text.lastIndexOf("-->");
      lastPiEnd = text.lastIndexOf("?>");
      lastCdataEnd = text.lastIndexOf("]]>");
    }
    if (startsWith("<!--")) {
      return lastCommentEnd >= index + 4;
    }
    if (startsWith("<?")) {
      return lastPiEnd >= index + 2;
    }
    if (startsWith("<![CDATA[")) {
      return lastCdataEnd >= index + 9;
    }
    return lastGt > index;
  }

  private boolean startsWith(String prefix) {
    if (input.length() - index < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (input.charAt(index + i) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected boolean parseCloseBracket() {
    Node before = block.getLastChild();
    boolean parsed = super.parseCloseBracket();
    Node after = block.getLastChild();
    if (after != before && after instanceof Link) {
      // flexmark has just walked every open bracket to stop links nesting: count them.
      int open = 0;
      for (Bracket b = getLastBracket(); b != null; b = b.getPrevious()) {
        open++;
      }
      spend(open);
    }
    return parsed;
  }

  @Override
  protected boolean parseDelimiters(DelimiterProcessor delimiterProcessor, char delimiterChar) {
    boolean parsed = super.parseDelimiters(delimiterProcessor, delimiterChar);
    if (parsed && ++delimiterRuns > MAX_DELIMITER_RUNS) {
      throw tooComplex("this paragraph has more than " + MAX_DELIMITER_RUNS + " emphasis marks, strikethroughs and quotes, the limit for one paragraph; split it into shorter paragraphs");
    }
    return parsed;
  }

  private void spend(long steps) {
    WorkMeter.spend(steps, here());
  }

  /** Where the text being parsed starts in the document (the block is unset while references are read). */
  private int here() {
    return input != null ? input.getStartOffset() : block != null ? block.getStartOffset() : 0;
  }

  @Override
  public BasedSequence parseLinkDestination() {
    BasedSequence destination = super.parseLinkDestination();
    if (destination != null) {
      // flexmark reads a destination that never ends to the end of the paragraph, and reads it
      // again from the next '](' when no ')' follows.
      spend(destination.length());
    }
    return destination;
  }

  private MarkdownEngine.TooComplex tooComplex(String message) {
    return new MarkdownEngine.TooComplex(here(), message);
  }
}
