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
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SitePaths;
import org.practicalpartnerships.handbook.model.Term;
import org.practicalpartnerships.handbook.postprocess.HtmlPostProcessor;
import org.practicalpartnerships.handbook.postprocess.ProcessedHtml;

/**
 * {@code a-z.html}: every listed page and glossary term under its initial letter, with a letter
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
public final class AtoZOutput implements Output {
  /** Spaces and hyphens between a name's words (compiled once; String.split compiles at every call). */
  private static final Pattern WORD_BREAKS = Pattern.compile("[\\s\\-‐]+");

  public static final String PATH = "a-z.html";

  private static final java.util.Set<String> ARTICLES = java.util.Set.of("the", "a", "an");

  @Override
  public Map<String, String> templateLinks() {
    return Map.of("index", PATH);
  }

  @Override
  public List<Page> sitePages(SiteView view) {
    String body = body(view.navigation().readingOrder(), view.hasGlossary() ? view.terms() : List.of(), GlossaryOutput.PATH);
    Page page = page(PATH, "A to Z index", "Every page and glossary term in " + view.settings().title() + ", from A to Z.", body);
    // The letters are the contents: no "On this page" list repeating them.
    return List.of(new Page(page.kind(), page.listed(), null, PATH, null, page.frontMatter(), page.body(), List.of(), page.ids(), List.of()));
  }

  /** A generated page from its body fragment, post-processed (heading anchors, ids). */
  static Page page(String path, String title, String description, String fragment) {
    ProcessedHtml html = new HtmlPostProcessor().process(fragment);
    FrontMatter fm = new FrontMatter(title, description, OptionalInt.empty(), FrontMatter.DEFAULT_LAYOUT, List.of(), false, false);
    return Page.generated(path, fm, List.of(html.html().getBytes(java.nio.charset.StandardCharsets.UTF_8)), html.headings(), html.ids());
  }

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
    // Each page's name as words, split once: every term is compared with every page.
    List<Name> pageWords = pages.stream().map(page -> Name.of(page.title())).toList();
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
      int page = pageNamed(items.subList(0, pageCount), pageWords, Name.of(term.term()));
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
  private static int pageNamed(List<Item> pages, List<Name> pageWords, Name name) {
    for (int i = 0; i < pages.size(); i++) {
      if (pages.get(i).glossaryHref() == null && variants(pageWords.get(i), name)) {
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
    return variants(Name.of(a), Name.of(b));
  }

  /** A name's {@link #words}, and the words run together, each made once: every term is compared with every page. */
  private record Name(List<String> words, String joined) {
    static Name of(String name) {
      List<String> words = AtoZOutput.words(name);
      return new Name(words, String.join("", words));
    }
  }

  private static boolean variants(Name a, Name b) {
    if (a.joined().equals(b.joined())) {
      return true;
    }
    List<String> x = a.words();
    List<String> y = b.words();
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
    List<String> words = new ArrayList<>(Arrays.asList(WORD_BREAKS.split(name.toLowerCase(Locale.ROOT).strip())));
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
