package org.practicalpartnerships.handbook.outputs;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * Issue 20's differential reference: the A to Z's body as {@link AtoZOutput} made it before it
 * split each page's name into words once instead of once for every glossary term. Kept unchanged
 * so {@code AtoZDifferentialTest} can check the two agree.
 *
 * <p>{@code a-z.html}: every listed page and glossary term under its initial letter, with a letter
 * jump list, as a printed index is laid out:
 *
 * <ul>
 *   <li>one entry per page and one per term; a page and a term of the same name share one entry;
 *   <li>a term's other names (its aliases) are listed in its entry, leaving out mere variants of
 *       a name already given ("alliances" for "alliance", "coevolution" for "co-evolution");
 *   <li>an other name that starts with another letter also gets a "see" entry under its own
 *       letter ("common measure: see shared currency"), where a reader would look for it.
 * </ul>
 *
 * The letter jump list is the page's contents, so it has no "On this page" list as well.
 */
final class AtoZBefore {

  private static final java.util.Set<String> ARTICLES = java.util.Set.of("the", "a", "an");

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
        if (names.stream().noneMatch(name -> variants(name, alias))) {
          names.add(alias);
          also.add(alias);
          if (!letter(alias).equals(letter(term.term()))) {
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
      byLetter.computeIfAbsent(letter(item.name()), l -> new ArrayList<>()).add(item);
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

  /** The letter a name is listed under: its first letter without accents, or "0–9". */
  static String letter(String name) {
    String first = name.isEmpty() ? "#" : name.substring(0, 1).toUpperCase(Locale.ROOT);
    return Character.isLetter(first.charAt(0)) ? Normalizer.normalize(first, Normalizer.Form.NFKD).substring(0, 1) : "0–9";
  }

  /** The first page entry named as {@code name} or a variant of it that no term has taken yet, or -1. */
  private static int pageNamed(List<Item> pages, String name) {
    for (int i = 0; i < pages.size(); i++) {
      if (pages.get(i).glossaryHref() == null && variants(pages.get(i).name(), name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * True when two names are forms of one word or phrase, which an index lists once: they differ
   * only in case, hyphens and spaces ("co-operation", "cooperation"), a leading "the", or plural
   * endings of their words ("whole systems working", "whole-system working").
   */
  static boolean variants(String a, String b) {
    List<String> x = words(a);
    List<String> y = words(b);
    if (String.join("", x).equals(String.join("", y))) {
      return true;
    }
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!sameWord(x.get(i), y.get(i)) && !sameWord(y.get(i), x.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The name's words, lowercase, split at spaces and hyphens, without a leading article. */
  private static List<String> words(String name) {
    List<String> words = new ArrayList<>(Arrays.asList(name.toLowerCase(Locale.ROOT).strip().split("[\\s\\-‐]+")));
    words.removeIf(String::isEmpty);
    if (words.size() > 1 && ARTICLES.contains(words.get(0))) {
      words.remove(0);
    }
    return words;
  }

  /** True when {@code plural} is {@code word} or its plural by a regular ending: "ICSs", "duties", "boxes". */
  private static boolean sameWord(String word, String plural) {
    if (plural.equals(word) || plural.equals(word + "s") || plural.equals(word + "es")) {
      return true;
    }
    return word.endsWith("y") && plural.equals(word.substring(0, word.length() - 1) + "ies");
  }
}
