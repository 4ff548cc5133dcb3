package org.practicalpartnerships.handbook.markdown;

import java.util.ArrayList;
import java.util.List;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.model.LinkRef;

/**
 * Markdown written as a value in a YAML data file (a glossary definition, a tree question's help,
 * an outcome's advice), rendered once, with its links and its raw-HTML problems placed at their
 * own line and column in the file, so they are checked exactly as a page body's are.
 *
 * @param source the Markdown as written
 * @param html the rendered fragment, before post-processing
 * @param links every link and image destination, at its offset in the file
 * @param problems raw HTML the safety policy refuses, at its offset in the file
 */
public record MarkdownField(String source, String html, List<LinkRef> links, List<RawHtmlProblem> problems) {
  public static final MarkdownField NONE = new MarkdownField("", "", List.of(), List.of());

  public MarkdownField {
    links = List.copyOf(links);
    problems = List.copyOf(problems);
  }

  public boolean isEmpty() {
    return source.isBlank();
  }

  /**
   * Renders one value.
   *
   * @param file the data file
   * @param valueOffset where the value starts in the file (its first character, quote, or the
   *     {@code |} or {@code >} of a block)
   * @param text the value as YAML gives it
   * @throws MarkdownEngine.TooComplex when the value cannot be rendered, at its offset in the file
   */
  public static MarkdownField render(MarkdownEngine engine, SourceText file, int valueOffset, String text) {
    int[] offsets = offsets(file.text(), valueOffset, text);
    RenderedMarkdown rendered;
    try {
      rendered = engine.render(text, 0);
    } catch (MarkdownEngine.TooComplex e) {
      throw e.at(offsets[clamp(e.offset(), text)] - e.offset());
    }
    List<LinkRef> links = new ArrayList<>();
    for (LinkRef link : rendered.links()) {
      links.add(new LinkRef(link.url(), offsets[clamp(link.offset(), text)], link.image()));
    }
    List<RawHtmlProblem> problems = new ArrayList<>();
    for (RawHtmlProblem problem : rendered.rawHtmlProblems()) {
      problems.add(new RawHtmlProblem(offsets[clamp(problem.offset(), text)], problem.message()));
    }
    return new MarkdownField(text, rendered.html(), links, problems);
  }

  private static int clamp(int offset, String text) {
    return Math.max(0, Math.min(offset, text.length()));
  }

  /**
   * The file offset of each character of a YAML text value that starts at {@code start}. YAML
   * removes indentation and quotes, so the value's visible characters are matched, in order, with
   * the file's; a link inside a multi-line value is reported at its own line and column.
   */
  static int[] offsets(String file, int start, String value) {
    int j = Math.min(start, file.length());
    if (j < file.length() && (file.charAt(j) == '|' || file.charAt(j) == '>')) {
      int newline = file.indexOf('\n', j);
      j = newline < 0 ? file.length() : newline + 1;
    } else if (j < file.length() && (file.charAt(j) == '"' || file.charAt(j) == '\'')) {
      j++;
    }
    int[] offsets = new int[value.length() + 1];
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      offsets[i] = j;
      if (Character.isWhitespace(c)) {
        continue;
      }
      int limit = Math.min(file.length(), j + 256);
      int k = j;
      while (k < limit && file.charAt(k) != c) {
        k++;
      }
      if (k < limit) {
        offsets[i] = k;
        j = k + 1;
      }
    }
    offsets[value.length()] = j;
    return offsets;
  }
}
