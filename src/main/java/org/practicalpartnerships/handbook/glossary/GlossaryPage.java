package org.practicalpartnerships.handbook.glossary;

import java.util.List;
import java.util.function.Function;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.model.Href;

/** Terms in, the glossary page's body fragment out: one anchored entry per term, A to Z. */
public final class GlossaryPage {
  public static final String OUTPUT = "glossary.html";

  private GlossaryPage() {}

  /**
   * @param titleOf the title of a page by its output path, for "see" links; null when unknown
   */
  public static String fragment(List<Term> terms, MarkdownEngine markdown, Function<String, String> titleOf) {
    Element dl = new Element("dl").addClass("glossary");
    for (Term term : terms.stream().sorted(java.util.Comparator.comparing(t -> t.term().toLowerCase(java.util.Locale.ROOT))).toList()) {
      Element entry = dl.appendElement("div").addClass("glossary-entry").id(term.id());
      entry.appendElement("dt").text(term.term());
      Element dd = entry.appendElement("dd");
      dd.append(markdown.render(term.definitionMarkdown(), term.definitionOffset()).html());
      if (!term.aliases().isEmpty()) {
        dd.appendElement("p").addClass("glossary-aliases").text("Also: " + String.join(", ", term.aliases()));
      }
      if (!term.see().isEmpty()) {
        Element p = dd.appendElement("p").addClass("glossary-see").appendText("See: ");
        for (int i = 0; i < term.see().size(); i++) {
          String url = term.see().get(i).url();
          Href href = Href.parse(url);
          String target = href.rewritten().orElse(url);
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
