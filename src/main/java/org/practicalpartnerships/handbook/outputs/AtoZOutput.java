package org.practicalpartnerships.handbook.outputs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SitePaths;
import org.practicalpartnerships.handbook.model.Term;
import org.practicalpartnerships.handbook.postprocess.HtmlPostProcessor;
import org.practicalpartnerships.handbook.postprocess.ProcessedHtml;

/** {@code a-z.html}: every listed page and glossary term under its initial letter, with a letter jump list. */
public final class AtoZOutput implements Output {
  public static final String PATH = "a-z.html";

  @Override
  public Map<String, String> templateLinks() {
    return Map.of("index", PATH);
  }

  @Override
  public List<Page> sitePages(SiteView view) {
    String body = body(view.navigation().readingOrder(), view.hasGlossary() ? view.terms() : List.of(), GlossaryOutput.PATH);
    return List.of(page(PATH, "A to Z index", "Every page and glossary term in " + view.settings().title() + ", from A to Z.", body));
  }

  /** A generated page from its body fragment, post-processed (heading anchors, ids). */
  static Page page(String path, String title, String description, String fragment) {
    ProcessedHtml html = new HtmlPostProcessor().process(fragment);
    FrontMatter fm = new FrontMatter(title, description, OptionalInt.empty(), FrontMatter.DEFAULT_LAYOUT, List.of(), false, false);
    return Page.generated(path, fm, List.of(html.html().getBytes(java.nio.charset.StandardCharsets.UTF_8)), html.headings(), html.ids());
  }

  static String body(List<Page> pages, List<Term> terms, String glossaryPath) {
    record Item(String name, String path, String note) {}
    Map<String, List<Item>> byLetter = new TreeMap<>();
    for (Page page : pages) {
      addUnder(byLetter, new Item(page.title(), page.outputPath(), "page"), page.title());
    }
    for (Term term : terms) {
      addUnder(byLetter, new Item(term.term(), glossaryPath + "#" + term.id(), "glossary"), term.term());
      for (String alias : term.aliases()) {
        addUnder(byLetter, new Item(alias, glossaryPath + "#" + term.id(), "glossary: see " + term.term()), alias);
      }
    }
    Element root = new Element("div");
    Element jump = root.appendElement("nav").addClass("letters").attr("aria-label", "Letters");
    Element jumpList = jump.appendElement("ul");
    for (String letter : byLetter.keySet()) {
      jumpList.appendElement("li").appendElement("a").attr("href", "#letter-" + SitePaths.slug(letter)).text(letter);
    }
    for (Map.Entry<String, List<Item>> letter : byLetter.entrySet()) {
      root.appendElement("h2").id("letter-" + SitePaths.slug(letter.getKey())).text(letter.getKey());
      Element list = root.appendElement("ul").addClass("az-list");
      letter.getValue().sort(Comparator.comparing((Item i) -> i.name().toLowerCase(Locale.ROOT)).thenComparing(Item::note));
      for (Item item : letter.getValue()) {
        Element li = list.appendElement("li");
        li.appendElement("a").attr("href", item.path()).text(item.name());
        li.appendText(" ").appendElement("span").addClass("az-note").text("(" + item.note() + ")");
      }
    }
    return root.html();
  }

  private static <T> void addUnder(Map<String, List<T>> byLetter, T item, String name) {
    String first = name.isEmpty() ? "#" : name.substring(0, 1).toUpperCase(Locale.ROOT);
    String letter = Character.isLetter(first.charAt(0)) ? java.text.Normalizer.normalize(first, java.text.Normalizer.Form.NFKD).substring(0, 1) : "0–9";
    byLetter.computeIfAbsent(letter, l -> new ArrayList<>()).add(item);
  }
}
