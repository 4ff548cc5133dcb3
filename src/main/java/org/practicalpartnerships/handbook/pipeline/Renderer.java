package org.practicalpartnerships.handbook.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.output.OutputSink;
import org.practicalpartnerships.handbook.templating.PageModel;
import org.practicalpartnerships.handbook.templating.TemplateEngine;

/**
 * Pages in, their finished bytes out to the sink: each page's layout is rendered with a
 * placeholder where the body goes, and the body's bytes are written in its place. The body (most
 * of a page) never passes through the template engine, and a layout rendered once serves again
 * when only the body changed ({@link Reuse#layout}).
 */
public final class Renderer {
  /** Stands for a page's body while its layout renders; the body is written in its place. */
  private static final String BODY = "\u0000handbook-body\u0000";

  private static final byte[] BODY_BYTES = BODY.getBytes(StandardCharsets.UTF_8);

  /**
   * What rendering a page draws on, the same for every page of a build.
   *
   * @param fingerprint the templates' {@link TemplateEngine#fingerprint()}
   * @param backlinks for each page, the listed pages that link to it, by site path
   * @param byPath every page, by site path
   */
  public record Rendering(TemplateEngine templates, String fingerprint, PageModel.Context context, Map<String, Set<String>> backlinks, Map<String, Page> byPath) {}

  /** A layout's cache key: the templates, the layout and the template data but the body. */
  record LayoutKey(String templates, String layout, Map<String, Object> model) {}

  private Renderer() {}

  /** Renders every page in parallel and sends each to the sink. */
  static void writeAll(List<Page> pages, Rendering rendering, Reuse reuse, Diagnostics diagnostics, OutputSink sink) throws IOException {
    try {
      pages.parallelStream().forEach(page -> render(page, rendering, reuse, diagnostics).ifPresent(chunks -> {
        try {
          sink.write(page.outputPath(), chunks);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Renders one page with its layout.
   *
   * @return the page's bytes, in parts; empty when its layout is missing (reported elsewhere) or
   *     failed
   */
  public static Optional<List<byte[]>> render(Page page, Rendering rendering, Reuse reuse, Diagnostics diagnostics) {
    TemplateEngine templates = rendering.templates();
    String layoutName = page.frontMatter().layout();
    if (!templates.hasLayout(layoutName)) {
      return Optional.empty();
    }
    List<Page> linkedFrom = rendering.backlinks().getOrDefault(page.outputPath(), Set.of()).stream().sorted().map(rendering.byPath()::get).toList();
    Map<String, Object> model = PageModel.of(page, BODY, rendering.context(), linkedFrom);
    Optional<byte[]> layout = reuse.layout(page.outputPath(),
        () -> new LayoutKey(rendering.fingerprint(), layoutName, PageModel.withoutContent(model)),
        () -> templates.render(layoutName, model, diagnostics).map(html -> html.getBytes(StandardCharsets.UTF_8)));
    layout.ifPresent(bytes -> clashingIds(page, bytes, layoutName, templates).ifPresent(diagnostics::add));
    return layout.map(bytes -> spliced(bytes, page.body()));
  }

  /**
   * The last check that every id on a finished page is unique: the ids the layout wrote for this
   * page (including any it computes) against the body's. Written pages were checked against the
   * ids the templates declare ({@link PageIds}); this finds the rest, at the page's file.
   */
  static Optional<org.practicalpartnerships.handbook.diagnostics.Diagnostic> clashingIds(Page page, byte[] layout, String layoutName, TemplateEngine templates) {
    if (page.ids().isEmpty()) {
      return Optional.empty();
    }
    // A written page's ids were checked against the ids the templates declare, at their lines.
    boolean checked = page.kind() == org.practicalpartnerships.handbook.model.PageKind.WRITTEN;
    java.util.List<String> both = TemplateEngine.ids(layout).stream()
        .filter(page.ids()::contains).filter(id -> !checked || !templates.declaredIds().contains(id)).sorted().toList();
    if (both.isEmpty()) {
      return Optional.empty();
    }
    String where = page.source() != null ? page.source().displayPath() : page.outputPath();
    return Optional.of(org.practicalpartnerships.handbook.diagnostics.Diagnostic.ofFile(where, org.practicalpartnerships.handbook.diagnostics.Severity.ERROR,
        "the page '" + page.outputPath() + "' has the id" + (both.size() == 1 ? " '" + both.get(0) + "'" : "s '" + String.join("', '", both) + "'")
            + " that its layout '" + layoutName + "' also writes; give " + (both.size() == 1 ? "it" : "them") + " another name so links lead to one place"));
  }

  /**
   * A rendered layout with the body's parts written wherever the placeholder stands (once, as a
   * rule; never, or more than once, if the layout prints the body so).
   */
  static List<byte[]> spliced(byte[] layout, List<byte[]> parts) {
    List<byte[]> chunks = new ArrayList<>(parts.size() + 2);
    int from = 0;
    for (int at = indexOf(layout, BODY_BYTES, 0); at >= 0; at = indexOf(layout, BODY_BYTES, from)) {
      chunks.add(Arrays.copyOfRange(layout, from, at));
      chunks.addAll(parts);
      from = at + BODY_BYTES.length;
    }
    if (from == 0) {
      return List.of(layout);
    }
    chunks.add(Arrays.copyOfRange(layout, from, layout.length));
    return chunks;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      if (haystack[i] != needle[0]) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
