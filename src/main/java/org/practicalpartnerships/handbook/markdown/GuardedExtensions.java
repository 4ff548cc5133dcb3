package org.practicalpartnerships.handbook.markdown;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.admonition.internal.AdmonitionBlockParser;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.dependency.Dependent;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.List;
import java.util.Set;

/**
 * flexmark's autolink and admonition extensions, unchanged in what they produce, with a cheap test
 * in front of their expensive work. Profiling a 10,000-page build showed the two spending a third
 * of all Markdown time on lines and text that could never match:
 *
 * <ul>
 *   <li>the autolink post-processor runs a regular expression and a link scanner over every text
 *       node, though a link needs a {@code :}, an {@code @} or {@code www.} to be found at all;
 *   <li>the admonition block parser compiles a regular expression for every line of every page
 *       (its marker test never looks at the marker), though a callout line starts {@code !!!} or
 *       {@code ???};
 *   <li>the table paragraph pre-processor is made for every page, compiling a regular expression
 *       each time, though it gives up on any paragraph whose first line has no {@code |}.
 * </ul>
 *
 * Where the test passes, the extension's own code runs as before, so the HTML is the same.
 */
final class GuardedExtensions {
  private GuardedExtensions() {}

  /** Autolinks: flexmark's post-processor, skipped for text that cannot hold a link. */
  static final class Autolink implements Parser.ParserExtension {
    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
      builder.postProcessorFactory(new Factory());
    }

    private static final class Factory extends NodePostProcessorFactory {
      Factory() {
        super(false);
        addNodes(Text.class);
      }

      @Override
      public NodePostProcessor apply(Document document) {
        AutolinkNodePostProcessor autolinks = new AutolinkNodePostProcessor(document);
        return new NodePostProcessor() {
          /** A run of text already found to hold no link, from and to offsets in the document. */
          private int linkFreeFrom = -1;
          private int linkFreeTo = -1;

          @Override
          public void process(NodeTracker state, Node node) {
            if (!(node.getNext() instanceof TypographicText)) {
              if (mayHoldLink(node)) {
                autolinks.process(state, node);
              }
              return;
            }
            // flexmark's processor scans the node together with the typographic text and text
            // that continue it; in a long run of such nodes it would scan the rest of the run
            // again for each node. A run once found to hold no link is not scanned again.
            if (node.getStartOffset() >= linkFreeFrom && node.getEndOffset() <= linkFreeTo) {
              return;
            }
            BasedSequence run = run(node);
            WorkMeter.spend(run.length(), node.getStartOffset());
            if (mayHoldLink(run)) {
              autolinks.process(state, node);
            } else {
              linkFreeFrom = run.getStartOffset();
              linkFreeTo = run.getEndOffset();
            }
          }
        };
      }
    }

    /**
     * The text flexmark's autolink processor scans for a node followed by typographic text: the
     * node and the text and typographic text that continue it without a space.
     */
    static BasedSequence run(Node node) {
      BasedSequence combined = node.getChars();
      BasedSequence first = combined;
      for (Node next = node.getNext(); next instanceof TypographicText || next instanceof Text; next = next.getNext()) {
        BasedSequence chars = next.getChars();
        if (!chars.isContinuationOf(combined) || chars.startsWith(" ") || combined.endsWith(" ")) {
          break;
        }
        combined = chars;
      }
      return first.baseSubSequence(first.getStartOffset(), combined.getEndOffset());
    }

    /**
     * False only when no link can start in this text node: the link scanner triggers on {@code :}
     * (a scheme), {@code @} (an e-mail address) and {@code www.}. A node followed by typographic
     * text or an entity is always handed on, since flexmark joins those to it before scanning.
     */
    static boolean mayHoldLink(Node node) {
      Node next = node.getNext();
      if (next instanceof TypographicText || next instanceof HtmlEntity) {
        return true;
      }
      return mayHoldLink(node.getChars());
    }

    /** False only when no link can start in this text. */
    static boolean mayHoldLink(BasedSequence chars) {
      for (int i = 0, n = chars.length(); i < n; i++) {
        char c = chars.charAt(i);
        if (c == ':' || c == '@' || (c == '.' && i >= 3 && isW(chars.charAt(i - 1)) && isW(chars.charAt(i - 2)) && isW(chars.charAt(i - 3)))) {
          return true;
        }
      }
      return false;
    }

    private static boolean isW(char c) {
      return c == 'w' || c == 'W';
    }
  }

  /**
   * A flexmark extension with its parser part replaced and everything else (options, rendering)
   * left to the extension itself.
   */
  private abstract static class ParserReplaced<E extends Parser.ParserExtension & HtmlRenderer.HtmlRendererExtension>
      implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
    final E extension;

    ParserReplaced(E extension) {
      this.extension = extension;
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
      extension.parserOptions(options);
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
      extension.rendererOptions(options);
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
      extension.extend(builder, rendererType);
    }
  }

  /** A parser factory's ordering among the others, as the factory it stands in for has it. */
  private interface SameOrderAs extends Dependent {
    Dependent original();

    @Override
    default Set<Class<?>> getAfterDependents() {
      return original().getAfterDependents();
    }

    @Override
    default Set<Class<?>> getBeforeDependents() {
      return original().getBeforeDependents();
    }

    @Override
    default boolean affectsGlobalScope() {
      return original().affectsGlobalScope();
    }
  }

  /** Callouts: flexmark's admonition extension, whose parser only looks at lines that open one. */
  static final class Admonition extends ParserReplaced<AdmonitionExtension> {
    Admonition() {
      super(AdmonitionExtension.create());
    }

    @Override
    public void extend(Parser.Builder builder) {
      builder.customBlockParserFactory(new Factory(new AdmonitionBlockParser.Factory()));
    }

    private record Factory(CustomBlockParserFactory original) implements CustomBlockParserFactory, SameOrderAs {
      @Override
      public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory parsers = original.apply(options);
        return (ParserState state, MatchedBlockParser matched) -> {
          WorkMeter.spend((long) WorkMeter.OPEN_BLOCK * state.getActiveBlockParsers().size(), state.getLine().getStartOffset());
          return opensCallout(state) ? parsers.tryStart(state, matched) : BlockStart.none();
        };
      }

      @Override
      public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
        return original.getLeadInHandler(options);
      }
    }

    /** True when the line, after its indent, starts with {@code !!!} or {@code ???}. */
    static boolean opensCallout(ParserState state) {
      BasedSequence line = state.getLine();
      int at = state.getNextNonSpaceIndex();
      if (at + 3 > line.length()) {
        return false;
      }
      char c = line.charAt(at);
      return (c == '!' || c == '?') && line.charAt(at + 1) == c && line.charAt(at + 2) == c;
    }
  }

  /**
   * Headings: flexmark's own heading parser, asked only about lines that can be a heading. For
   * every line of a paragraph it first gathers the whole paragraph so far (to see whether the line
   * underlines it, {@code ===} or {@code ---}), so a paragraph of thousands of lines took time that
   * grew with the square of its length. A heading line starts, after its indent, with {@code #},
   * {@code =} or {@code -}; other lines are not handed on.
   */
  static final class Headings implements Parser.ParserExtension {
    @Override
    public void parserOptions(MutableDataHolder options) {
      options.set(Parser.HEADING_PARSER, false);
    }

    @Override
    public void extend(Parser.Builder builder) {
      builder.customBlockParserFactory(new Factory(new HeadingParser.Factory()));
    }

    private record Factory(CustomBlockParserFactory original) implements CustomBlockParserFactory, SameOrderAs {
      @Override
      public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory parsers = original.apply(options);
        return (ParserState state, MatchedBlockParser matched) -> {
          // Asked about nearly every line: the place to count flexmark's work of carrying each
          // line through every block still open (thousands of nested callouts or quotes).
          WorkMeter.spend((long) WorkMeter.OPEN_BLOCK * state.getActiveBlockParsers().size(), state.getLine().getStartOffset());
          return mayBeHeading(state) ? parsers.tryStart(state, matched) : BlockStart.none();
        };
      }

      @Override
      public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
        return original.getLeadInHandler(options);
      }
    }

    /** True when the line, after its indent, starts with {@code #}, {@code =} or {@code -}. */
    static boolean mayBeHeading(ParserState state) {
      BasedSequence line = state.getLine();
      int at = state.getNextNonSpaceIndex();
      if (at >= line.length()) {
        return false;
      }
      char c = line.charAt(at);
      return c == '#' || c == '=' || c == '-';
    }
  }

  /** Tables: flexmark's extension, whose pre-processor is made only for a paragraph with a '|' in its first line. */
  static final class Tables extends ParserReplaced<TablesExtension> {
    Tables() {
      super((TablesExtension) TablesExtension.create());
    }

    @Override
    public void extend(Parser.Builder builder) {
      builder.paragraphPreProcessorFactory(new Factory(TableParagraphPreProcessor.Factory()));
    }

    private record Factory(ParagraphPreProcessorFactory original) implements ParagraphPreProcessorFactory, SameOrderAs {
      @Override
      public ParagraphPreProcessor apply(ParserState state) {
        return new ParagraphPreProcessor() {
          private ParagraphPreProcessor tables;

          @Override
          public int preProcessBlock(Paragraph block, ParserState parserState) {
            // The pre-processor's own first test: no '|' in the first line, no table.
            List<BasedSequence> lines = block.getContentLines();
            if (lines.isEmpty() || lines.get(0).indexOf('|') < 0) {
              return 0;
            }
            if (tables == null) {
              tables = original.apply(state);
            }
            return tables.preProcessBlock(block, parserState);
          }
        };
      }
    }
  }
}
