package org.practicalpartnerships.handbook.outputs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.checkup.CheckupLoader;
import org.practicalpartnerships.handbook.checkup.CheckupPage;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.links.LinkSet;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageKind;
import org.practicalpartnerships.handbook.postprocess.ProcessedHtml;
import org.practicalpartnerships.handbook.source.ContentFile;

/**
 * The partnership check-up: {@code checkup.yml} in, {@code checkup/index.html} out, a worksheet
 * partners fill in separately (on paper, or in the page, whose script scores it and compares
 * partners' answers), listed in navigation, with its own PDF. The file's links are checked like a
 * page's.
 */
public final class CheckupOutput implements Output {
  @Override
  public List<String> dataFiles() {
    return List.of(CheckupLoader.FILE);
  }

  @Override
  public Map<String, String> templateLinks() {
    return Map.of("checkup", CheckupPage.OUTPUT);
  }

  @Override
  public Map<String, List<String>> scripts() {
    return Map.of(CheckupPage.OUTPUT, List.of(CheckupPage.SCRIPT));
  }

  @Override
  public Map<String, List<String>> styles() {
    return Map.of(CheckupPage.OUTPUT, List.of(CheckupPage.STYLESHEET));
  }

  @Override
  public ContentPages contentPages(ContentView view) {
    Optional<ContentFile> file = view.sources().dataFile(CheckupLoader.FILE);
    if (file.isEmpty()) {
      return ContentPages.NONE;
    }
    SourceText source = file.get().text();
    CheckupLoader.Result result = new CheckupLoader(view.markdown(), view.settings().stripUnsafeHtml()).load(source, view.diagnostics());
    List<LinkSet> links = List.of(new LinkSet(CheckupLoader.FILE, source, result.links()));
    if (result.checkup().isEmpty()) {
      // Its errors say why there is no check-up: links to it are not reported missing as well.
      return ContentPages.failed(links, Set.of(CheckupPage.OUTPUT));
    }
    CheckupPage.Rendered rendered = CheckupPage.render(result.checkup().get());
    ProcessedHtml html = view.postProcessor().process(rendered.html());
    FrontMatter fm = new FrontMatter(rendered.title(), rendered.description(), OptionalInt.of(CheckupPage.NAV_ORDER), FrontMatter.DEFAULT_LAYOUT,
        List.of(), false, false, FrontMatter.Upkeep.NONE, true, Map.of());
    Page page = Page.fromData(PageKind.CHECKUP, true, rendered.outputPath(), source, fm, html.html(), html.headings(), html.ids(), List.of());
    return new ContentPages(List.of(page), links, Map.of(), Map.of());
  }

  @Override
  public void trimForSearch(Page page, Element body) {
    if (page.kind() == PageKind.CHECKUP) {
      CheckupPage.forSearch(body);
    }
  }
}
