package org.practicalpartnerships.handbook.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.practicalpartnerships.handbook.diagnostics.SourceText;

/**
 * One page of the handbook after Markdown rendering and HTML post-processing.
 *
 * @param kind where the page comes from
 * @param listed true when navigation lists the page (every written page, the glossary and the
 *     decision tree's start page): it has a place in the reading order, the print page and search
 * @param sourcePath path of the .md file inside the content folder (null for pages the build makes)
 * @param outputPath path of the .html file inside the output folder, with {@code /} separators
 * @param source the text the page comes from, for diagnostics: its .md file, or the data file a
 *     glossary or tree page is made from; null for generated pages
 * @param frontMatter the page's settings
 * @param body the finished body fragment as UTF-8, in parts (one, but for the print page, which is
 *     made of every page's): links rewritten, heading anchors added, glossary terms linked. Bytes,
 *     because that is how it is written out, and because as a Java string a body is often UTF-16
 *     (typographic quotes), twice the memory of a large handbook
 * @param headings the page's section headings in order, for its contents list
 * @param ids every id in the body, for checking {@code #fragment} links into the page
 * @param links link destinations as written, with positions, for checking and the link graph
 */
public record Page(
    PageKind kind,
    boolean listed,
    String sourcePath,
    String outputPath,
    SourceText source,
    FrontMatter frontMatter,
    List<byte[]> body,
    List<Heading> headings,
    Set<String> ids,
    List<LinkRef> links) {

  public Page {
    body = List.copyOf(body);
    headings = List.copyOf(headings);
    ids = Set.copyOf(ids);
    links = List.copyOf(links);
  }

  /** A page an editor wrote: listed, with its links to check. */
  public static Page written(String sourcePath, String outputPath, SourceText source, FrontMatter frontMatter, String html, List<Heading> headings, Set<String> ids, List<LinkRef> links) {
    return new Page(PageKind.WRITTEN, true, sourcePath, outputPath, source, frontMatter, List.of(utf8(html)), headings, ids, links);
  }

  /**
   * A page made from a data file in the content folder (the glossary, the decision tree).
   *
   * @param links where the page links to, for the link graph (the data file's links are checked
   *     on their own, from the file)
   */
  public static Page fromData(PageKind kind, boolean listed, String outputPath, SourceText source, FrontMatter frontMatter, String html, List<Heading> headings, Set<String> ids, List<LinkRef> links) {
    return new Page(kind, listed, null, outputPath, source, frontMatter, List.of(utf8(html)), headings, ids, links);
  }

  /** A page the build makes from the others: not listed, no source, no links to check. */
  public static Page generated(String outputPath, FrontMatter frontMatter, List<byte[]> body, List<Heading> headings, Set<String> ids) {
    return new Page(PageKind.GENERATED, false, null, outputPath, null, frontMatter, body, headings, ids, List.of());
  }

  /** The body as text. */
  public String html() {
    if (body.size() == 1) {
      return new String(body.get(0), StandardCharsets.UTF_8);
    }
    java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
    body.forEach(joined::writeBytes);
    return joined.toString(StandardCharsets.UTF_8);
  }

  public String title() {
    return frontMatter.title();
  }

  /** "../" repeated once per folder level: the way back to the site root from this page. */
  public String rootPrefix() {
    return SitePaths.rootPrefix(outputPath);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
