package org.practicalpartnerships.handbook.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.practicalpartnerships.handbook.diagnostics.SourceText;

/**
 * One page of the handbook after Markdown rendering and HTML post-processing.
 *
 * @param sourcePath path of the .md file inside the content folder (null for generated pages)
 * @param outputPath path of the .html file inside the output folder, with {@code /} separators
 * @param source the page's text, for diagnostics (null for generated pages)
 * @param frontMatter the page's settings
 * @param body the finished body fragment as UTF-8: links rewritten, heading anchors added,
 *     glossary terms linked. Bytes, because that is how it is written out, and because as a Java
 *     string a body is often UTF-16 (typographic quotes), twice the memory of a large handbook
 * @param headings the page's section headings in order, for its contents list
 * @param ids every id in the body, for checking {@code #fragment} links into the page
 * @param links link destinations as written, with positions, for checking
 */
public record Page(
    String sourcePath,
    String outputPath,
    SourceText source,
    FrontMatter frontMatter,
    byte[] body,
    List<Heading> headings,
    Set<String> ids,
    List<LinkRef> links) {

  public Page {
    headings = List.copyOf(headings);
    ids = Set.copyOf(ids);
    links = List.copyOf(links);
  }

  /** A page whose body is given as text. */
  public Page(String sourcePath, String outputPath, SourceText source, FrontMatter frontMatter, String html, List<Heading> headings, Set<String> ids, List<LinkRef> links) {
    this(sourcePath, outputPath, source, frontMatter, html.getBytes(StandardCharsets.UTF_8), headings, ids, links);
  }

  /** The body as text. */
  public String html() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public String title() {
    return frontMatter.title();
  }

  /** "../" repeated once per folder level: the way back to the site root from this page. */
  public String rootPrefix() {
    return SitePaths.rootPrefix(outputPath);
  }
}
