package org.practicalpartnerships.handbook.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Attribute;
import org.practicalpartnerships.handbook.model.Href;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.safety.HtmlPolicy;

/**
 * Markdown in, an HTML fragment and its links out. One engine is built per build and shared by all
 * threads: flexmark's {@link Parser} and {@link HtmlRenderer} are immutable once built.
 *
 * <p>Extensions: tables, footnotes, definition lists, typographic quotes and dashes, strikethrough,
 * autolinks, admonitions ({@code !!! note "Title"}) and attributes ({@code ## Heading {#id}});
 * tables, autolinks and admonitions are guarded by a cheap test ({@link GuardedExtensions}), and text
 * is rendered by {@link FastText}.
 * Headings get ids generated from their text unless given one. Raw HTML is checked by {@link
 * RawHtml}: what could run code is reported, and its links are checked like Markdown links.
 */
public final class MarkdownEngine {
  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownEngine() {
    this(true);
  }

  /**
   * @param guarded false for flexmark's own extensions and text rendering: the tests compare
   *     the guarded ones and {@link FastText} with them
   */
  MarkdownEngine(boolean guarded) {
    MutableDataSet options = new MutableDataSet();
    List<Extension> extensions = new ArrayList<>(List.of(
        guarded ? new GuardedExtensions.Tables() : TablesExtension.create(),
        FootnoteExtension.create(),
        DefinitionExtension.create(),
        TypographicExtension.create(),
        StrikethroughExtension.create(),
        guarded ? new GuardedExtensions.Autolink() : AutolinkExtension.create(),
        guarded ? new GuardedExtensions.Admonition() : AdmonitionExtension.create(),
        AttributesExtension.create()));
    if (guarded) {
      extensions.add(new FastText());
      extensions.add(new GuardedExtensions.Headings());
    }
    options.set(Parser.EXTENSIONS, extensions);
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true);
    // Tables as GitHub writes them: header row required, column counts may differ.
    options.set(TablesExtension.COLUMN_SPANS, false);
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
    options.set(HtmlRenderer.SOFT_BREAK, "\n");
    // Without a map of icons the admonition renderer reads its SVG icons from the jar on every
    // page (a lock-contended resource read that dominated build time); the post-processor drops
    // the icons anyway.
    options.set(AdmonitionExtension.TYPE_SVG_MAP, new java.util.HashMap<>());
    options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
    Parser.Builder builder = Parser.builder(options);
    if (guarded) {
      // flexmark reads reference definitions ([ref]: url) with its own inline parser only; with
      // another one its pre-processor for them must be added by hand.
      builder.customInlineParserFactory(LinearInlineParser.FACTORY).paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
    }
    this.parser = builder.build();
    this.renderer = HtmlRenderer.builder(options).build();
  }

  /**
   * Markdown that cannot be rendered in time linear in its size, or at all: thousands of nested
   * quotes or list levels (which exhaust the parser's stack), or brackets and emphasis marks left
   * open so often that flexmark's quadratic steps would take minutes ({@link LinearInlineParser}).
   * Reported as an error at {@link #offset()}; the page is not rendered.
   */
  public static final class TooComplex extends RuntimeException {
    private final int offset;

    /**
     * @param offset where the trouble starts, in the text given to {@link #render}
     * @param message what is wrong and what to do, for the editor
     */
    public TooComplex(int offset, String message) {
      super(message, null, false, false);
      this.offset = offset;
    }

    /** Where the trouble starts: a file offset once {@link #render} has added the body's offset. */
    public int offset() {
      return offset;
    }

    /** The same problem, with its offset moved by {@code by}. */
    public TooComplex at(int by) {
      return new TooComplex(by + offset, getMessage());
    }
  }

  /**
   * Renders one page body.
   *
   * @param body the Markdown
   * @param bodyOffset where the body starts in its file, so link offsets are file offsets
   * @throws TooComplex when the body cannot be rendered in time linear in its size, at its offset
   *     in the file
   */
  public RenderedMarkdown render(String body, int bodyOffset) {
    WorkMeter.begin();
    try {
      return parseAndRender(body, bodyOffset);
    } catch (TooComplex e) {
      throw e.at(bodyOffset);
    } catch (StackOverflowError e) {
      // Pathological input can exhaust the parser's stack: the page's problem, not a crash.
      throw new TooComplex(bodyOffset, "this Markdown is too deeply nested or too repetitive to render (for example thousands of nested quotes or list levels, or a line of thousands of '*'); simplify it");
    } finally {
      WorkMeter.end();
    }
  }

  private RenderedMarkdown parseAndRender(String body, int bodyOffset) {
    Document document = parser.parse(body);
    RawHtml.Found found = new RawHtml.Found();
    List<LinkRef> links = found.links();
    int footnotes = 0;
    int firstFootnote = 0;
    // A plain walk with instanceof checks: flexmark's NodeVisitor dispatch cost more than parsing.
    for (Node node : document.getDescendants()) {
      if (node instanceof FootnoteBlock) {
        firstFootnote = footnotes++ == 0 ? node.getStartOffset() : firstFootnote;
      }
      if (node instanceof Link link) {
        add(links, link.getUrl(), link, bodyOffset, false);
      } else if (node instanceof Image image) {
        add(links, image.getUrl(), image, bodyOffset, true);
        found.images().add(new ImageUse(bodyOffset + image.getStartOffset(), !image.getText().isBlank(), false, image.getUrl().unescape()));
      } else if (node instanceof ImageRef image) {
        found.images().add(new ImageUse(bodyOffset + image.getStartOffset(), !image.getText().isBlank(), false, "[" + image.getReference() + "]"));
      } else if (node instanceof Reference ref) {
        add(links, ref.getUrl(), ref, bodyOffset, false);
      } else if (node instanceof AutoLink auto && Href.scheme(auto.getUrl().unescape()) != null) {
        // <scheme:...> and bare URLs: external, or a script URL to report (a "www." link has no scheme).
        add(links, auto.getUrl(), auto, bodyOffset, false);
      } else if (node instanceof Heading heading) {
        found.headings().add(new SourceHeading(heading.getLevel(), bodyOffset + heading.getStartOffset()));
      } else if (node instanceof HtmlBlock || node instanceof HtmlInline) {
        RawHtml.read(node.getChars().toString(), bodyOffset + node.getStartOffset(), found);
      } else if (node instanceof AttributeNode attribute) {
        attribute(attribute, bodyOffset, found);
      }
    }
    // flexmark renders each footnote's tags by searching the whole document: count that work.
    if (footnotes > 0) {
      long blocks = 0;
      for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
        blocks++;
      }
      WorkMeter.spend(WorkMeter.FOOTNOTE_SEARCH * footnotes * blocks, firstFootnote);
    }
    return new RenderedMarkdown(renderer.render(document), links, found.problems(), found.headings(), found.images(), found.ids());
  }

  /**
   * An attribute written with the {@code {...}} syntax ({@code ## Heading {#id .class}}, {@code
   * [link](page.md){title="..."}}), judged by the safety policy as raw HTML is: flexmark puts it
   * on the element. An id is noted where it is written; an address is checked as a link.
   */
  private static void attribute(AttributeNode attribute, int bodyOffset, RawHtml.Found found) {
    String name = attribute.isId() ? "id" : attribute.isClass() ? "class" : attribute.getName().toString().strip();
    // flexmark writes the value into the page as written, so entities in it reach the browser
    // decoded: judge what the browser reads ({href="java&#9;script:..."} is a script URL).
    String value = org.jsoup.parser.Parser.unescapeEntities(attribute.getValue().toString(), true);
    int at = bodyOffset + attribute.getStartOffset();
    if (name.isEmpty()) {
      return;
    }
    HtmlPolicy.attributeViolation(new Attribute(name, value)).ifPresent(v -> found.problems().add(new RawHtmlProblem(at, v.message())));
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("id") && !value.isBlank()) {
      found.ids().add(new SourceId(value, at));
    } else if ((lower.equals("href") || lower.equals("src")) && !HtmlPolicy.isUnsafeUrl(value)) {
      int valueAt = attribute.getValue().isNotNull() && !attribute.getValue().isEmpty() ? bodyOffset + attribute.getValue().getStartOffset() : at;
      found.links().add(new LinkRef(value, valueAt, lower.equals("src")));
    }
  }

  private static void add(List<LinkRef> links, BasedSequence url, Node node, int bodyOffset, boolean image) {
    int offset = url.isNotNull() && !url.isEmpty() ? url.getStartOffset() : node.getStartOffset();
    links.add(new LinkRef(url.unescape(), bodyOffset + offset, image));
  }
}
