package org.practicalpartnerships.handbook.outputs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SitePaths;
import org.practicalpartnerships.handbook.model.Term;

/**
 * Issue 20's differential reference: the A to Z's body as {@link AtoZOutput} made it before it
 * split each page's name into words once instead of once for every glossary term (its old {@link
 * #pageNamed}); the helpers it shares with today's are called, not copied. Kept unchanged so
 * {@code AtoZDifferentialTest} can check the two agree.
 */
final class AtoZBefore {

  /**
   * One entry of the index.
   *
   * @param name what the entry is listed as
   * @param href where its name links to
   * @param note what it is, after the name: "page", "glossary" or "glossary: see TERM"
   * @param glossaryHref for a page that is also a term, the term's entry; else null
   * @param also a term's other names
   */
  private record Item(String name, String href, String note, String glossaryHref, List<String> also) {}

  static String body(List<Page> pages, List<Term> terms, String glossaryPath) {
    List<Item> items = new ArrayList<>();
    for (Page page : pages) {
      items.add(new Item(page.title(), page.outputPath(), "page", null, List.of()));
    }
    int pageCount = items.size();
    for (Term term : terms) {
      String href = glossaryPath + "#" + term.id();
      List<String> names = new ArrayList<>(List.of(term.term()));
      List<String> also = new ArrayList<>();
      for (String alias : term.aliases()) {
        if (names.stream().noneMatch(name -> AtoZOutput.variants(name, alias))) {
          names.add(alias);
          also.add(alias);
          if (!AtoZOutput.letter(alias).equals(AtoZOutput.letter(term.term()))) {
            items.add(new Item(alias, href, "glossary: see " + term.term(), null, List.of()));
          }
        }
      }
      // A page named as the term ("Co-operation", "co-operation") is its entry too.
      int page = pageNamed(items.subList(0, pageCount), term.term());
      if (page >= 0) {
        Item named = items.get(page);
        items.set(page, new Item(named.name(), named.href(), named.note(), href, also));
      } else {
        items.add(new Item(term.term(), href, "glossary", null, also));
      }
    }
    Map<String, List<Item>> byLetter = new TreeMap<>();
    for (Item item : items) {
      byLetter.computeIfAbsent(AtoZOutput.letter(item.name()), l -> new ArrayList<>()).add(item);
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
        entry(list.appendElement("li"), item);
      }
    }
    return root.html();
  }

  private static void entry(Element li, Item item) {
    li.appendElement("a").attr("href", item.href()).text(item.name());
    Element note = li.appendText(" ").appendElement("span").addClass("az-note");
    if (item.glossaryHref() == null) {
      note.text("(" + item.note() + ")");
    } else {
      note.appendText("(" + item.note() + "; ").appendElement("a").attr("href", item.glossaryHref()).text("glossary");
      note.appendText(")");
    }
    if (!item.also().isEmpty()) {
      li.appendText(" ").appendElement("span").addClass("az-also").text("Also: " + String.join(", ", item.also()));
    }
  }

  /** The first page entry named as {@code name} or a variant of it that no term has taken yet, or -1. */
  private static int pageNamed(List<Item> pages, String name) {
    for (int i = 0; i < pages.size(); i++) {
      if (pages.get(i).glossaryHref() == null && AtoZOutput.variants(pages.get(i).name(), name)) {
        return i;
      }
    }
    return -1;
  }
}
