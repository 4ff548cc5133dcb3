package org.practicalpartnerships.handbook.outputs;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.glossary.GlossaryLoader;
import org.practicalpartnerships.handbook.links.LinkSet;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Href;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageKind;
import org.practicalpartnerships.handbook.model.Term;
import org.practicalpartnerships.handbook.postprocess.ProcessedHtml;

/**
 * {@code glossary.html}: the glossary's terms in, one anchored entry per term, A to Z, out. The
 * page is listed in navigation; the terms were read (and their definitions rendered) with the
 * site's other inputs, because every page links to them.
 */
public final class GlossaryOutput implements Output {
  public static final String PATH = "glossary.html";

  /** Where the glossary sits among the top-level sections. */
  static final int ORDER = 80;

  @Override
  public Map<String, String> templateLinks() {
    return Map.of("glossary", PATH);
  }

  @Override
  public ContentPages contentPages(ContentView view) {
    if (view.glossary().isEmpty()) {
      return ContentPages.NONE;
    }
    GlossaryLoader.Glossary glossary = view.glossary().get();
    var file = view.sources().dataFile(GlossaryLoader.FILE).orElseThrow();
    ProcessedHtml html = view.postProcessor().process(fragment(glossary.terms(), view.titles()::get));
    view.duplicateIds(file.text(), PATH, html.duplicateIds());
    FrontMatter fm = new FrontMatter("Glossary", "What the words used in this handbook mean, in plain English.", OptionalInt.of(ORDER), FrontMatter.DEFAULT_LAYOUT, List.of(), false, false);
    List<LinkRef> see = glossary.terms().stream().flatMap(t -> t.see().stream()).toList();
    Page page = Page.fromData(PageKind.GLOSSARY, true, PATH, file.text(), fm, html.html(), html.headings(), html.ids(), see);
    // Anchors of entries with errors (reported) may be missing: links to them are not reported too.
    Set<String> broken = new HashSet<>();
    if (!glossary.allRead()) {
      broken.add(PATH);
    }
    glossary.unreadIds().forEach(id -> broken.add(PATH + "#" + id));
    return new ContentPages(List.of(page), List.of(new LinkSet(GlossaryLoader.FILE, file.text(), glossary.links())), Map.of(), Map.of(), Map.of(), Map.of(), broken);
  }

  /**
   * The page's body.
   *
   * @param titleOf the title of a page by its site path, for "see" links; null when unknown
   */
  static String fragment(List<Term> terms, Function<String, String> titleOf) {
    Element dl = new Element("dl").addClass("glossary");
    for (Term term : terms.stream().sorted(Comparator.comparing(t -> t.term().toLowerCase(Locale.ROOT))).toList()) {
      Element entry = dl.appendElement("div").addClass("glossary-entry").id(term.id());
      entry.appendElement("dt").text(term.term());
      Element dd = entry.appendElement("dd");
      dd.append(term.definitionHtml());
      if (!term.aliases().isEmpty()) {
        dd.appendElement("p").addClass("glossary-aliases").text("Also: " + String.join(", ", term.aliases()));
      }
      if (!term.see().isEmpty()) {
        Element p = dd.appendElement("p").addClass("glossary-see").appendText("See: ");
        for (int i = 0; i < term.see().size(); i++) {
          String url = term.see().get(i).url();
          String target = Href.parse(url).rewritten().orElse(url);
          String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
          String title = titleOf.apply(path);
          if (i > 0) {
            p.appendText("; ");
          }
          p.appendElement("a").attr("href", url).text(title == null ? url : title);
        }
      }
    }
    return dl.outerHtml();
  }
}
