package org.practicalpartnerships.handbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.practicalpartnerships.handbook.glossary.TermLinker;
import org.practicalpartnerships.handbook.markdown.MarkdownEngine;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.Term;
import org.practicalpartnerships.handbook.postprocess.HtmlPostProcessor;
import org.practicalpartnerships.handbook.postprocess.ProcessedHtml;

class SearchIndexTest {
  private static final MarkdownEngine MARKDOWN = new MarkdownEngine();
  private static final Term CURRENCY = term("shared currency", "shared-currency", List.of("common currency"),
      "A unit *every* partner can count, see [the page](practice/shared-currency.md).", "practice/shared-currency.md", "practice/choosing.md#how", "decide/index.html");

  /** A glossary term as the glossary loader makes it: its definition rendered once. */
  private static Term term(String name, String id, List<String> aliases, String definition, String... see) {
    String html = MARKDOWN.render(definition, 0).html();
    List<LinkRef> links = java.util.Arrays.stream(see).map(url -> new LinkRef(url, 0, false)).toList();
    return new Term(name, id, aliases, html, Jsoup.parseBodyFragment(html).body().text(), links, 0);
  }

  /** The index script as the build writes it: one entry per page, from its finished body. */
  private static String script(List<Page> pages, Map<String, String> bodies, List<Term> terms) {
    List<byte[]> entries = new ArrayList<>();
    for (Page p : pages) {
      entries.add(SearchIndex.entry(p, Jsoup.parseBodyFragment(bodies.getOrDefault(p.outputPath(), p.html())).body()));
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    SearchIndex.of(entries, terms, "glossary.html").scriptChunks().forEach(out::writeBytes);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The JSON inside the script. */
  private static String json(String script) {
    return script.substring(script.indexOf('=') + 1, script.length() - 2);
  }

  private static String json(List<Page> pages, Map<String, String> bodies, List<Term> terms) {
    return json(script(pages, bodies, terms));
  }

  /** A page as the build makes it: Markdown rendered, post-processed (heading anchors), terms linked. */
  private static Page page(String path, String title, String description, List<String> tags, String markdown) {
    ProcessedHtml html = new HtmlPostProcessor().process(MARKDOWN.render(markdown, 0).html());
    FrontMatter fm = new FrontMatter(title, description, OptionalInt.empty(), "page", tags, false);
    return Page.written(path.replace(".html", ".md"), path, null, fm, html.html(), html.headings(), html.ids(), List.of());
  }

  private static String linked(Page page) {
    TermLinker linker = new TermLinker(Map.of("shared currency", new TermLinker.Entry("shared-currency", "shared currency", "A measure quoted only in tooltips.")));
    Element body = Jsoup.parseBodyFragment(page.html()).body();
    linker.link(body, "../glossary.html", "");
    return body.html();
  }

  private static Map<String, Object> index(List<Page> pages, List<Term> terms) {
    Map<String, String> bodies = new LinkedHashMap<>();
    for (Page p : pages) {
      bodies.put(p.outputPath(), linked(p));
    }
    return asMap(MiniJson.parse(json(pages, bodies, terms)));
  }

  private static final Page CURRENCY_PAGE = page("practice/shared-currency.html", "Finding a shared currency", "Why beds and money fail.", List.of("practice", "measures"), """
      Partners need a shared currency to work together.

      ## What is a shared currency? {#what-is-currency}

      It is the *unit* partners count in.

      ### Beds belong to one organisation {#beds}

      Beds are a hospital's unit.

      ## Source

      Plamping, Gordon and Pratt.
      """);

  @Test
  void everyPageHasItsUrlTitleDescriptionTagsAndIntro() {
    Map<String, Object> index = index(List.of(CURRENCY_PAGE), List.of());
    assertEquals(2L, index.get("v"));
    Map<String, Object> page = asMap(asList(index.get("pages")).get(0));
    assertEquals("practice/shared-currency.html", page.get("u"), "the site path, relative to the root");
    assertEquals("Finding a shared currency", page.get("t"));
    assertEquals("Why beds and money fail.", page.get("d"));
    assertEquals(List.of("practice", "measures"), page.get("k"));
    assertEquals("Partners need a shared currency to work together.", page.get("x"), "only the text before the first heading");
  }

  @Test
  void oneSectionPerHeadingWithItsAnchorAndTheTextUpToTheNextHeading() {
    Map<String, Object> page = asMap(asList(index(List.of(CURRENCY_PAGE), List.of()).get("pages")).get(0));
    assertEquals(List.of(
        List.of("what-is-currency", "What is a shared currency?", "It is the unit partners count in."),
        List.of("beds", "Beds belong to one organisation", "Beds are a hospital\u2019s unit."),
        List.of("source", "Source", "Plamping, Gordon and Pratt.")), page.get("s"));
  }

  @Test
  void bodyTextLeavesOutAnchorsTooltipsNavigationScriptsAndDrawingsButKeepsCaptions() {
    String body = """
        <p>Intro<sup id="fnref-1"><a class="footnote-ref" href="#fn-1">1</a></sup> text.</p>
        <div class="heading"><h2 id="a">Alpha</h2><a class="heading-anchor" href="#a" aria-label="Link to this section: Alpha"><span aria-hidden="true">#</span></a></div>
        <p>A <span class="term"><a class="term-link" href="glossary.html#trust">trust</a><span class="term-tip" role="tooltip" id="term-1">trust: Confidence.</span></span> word.</p>
        <nav><a href="x.html">Skip me</a></nav><script>var hidden = 1;</script><style>p{}</style>
        <figure><svg><text>Drawing label</text></svg><figcaption>The caption</figcaption></figure>
        <ul><li>one</li><li>two</li></ul><table><tr><td>cell</td><td>next</td></tr></table>
        <p>Wrapped&nbsp;and
           spaced   out.</p>
        <section class="footnotes"><ol><li id="fn-1"><p>The note. <a href="#fnref-1" class="footnote-backref">\u21a9</a></p></li></ol></section>
        """;
    PageText.Sections text = PageText.of(Jsoup.parseBodyFragment(body).body(), List.of(new org.practicalpartnerships.handbook.model.Heading(2, "a", "Alpha")));
    assertEquals("Intro text.", text.intro());
    assertEquals(List.of(new PageText.Section("a", "Alpha", "A trust word.\nThe caption\none\ntwo\ncell\nnext\nWrapped and spaced out.\nThe note.")), text.sections(),
        "one line per block: paragraph, caption, list item, cell");
  }

  @Test
  void headingsInsideOtherBlocksStillStartTheirSection() {
    Page page = page("p.html", "P", "", List.of(), """
        Before.

        !!! note "Careful"
            ## Inside a callout {#inside}

            Callout text.

        After.
        """);
    PageText.Sections text = PageText.of(Jsoup.parseBodyFragment(page.html()).body(), page.headings());
    assertEquals("Before.\nCareful", text.intro(), "the callout's title comes before the heading inside it");
    assertEquals("inside", text.sections().get(0).id());
    assertTrue(text.sections().get(0).text().endsWith("Callout text.\nAfter."), text.sections().get(0).text());
  }

  @Test
  void glossaryTermsAreDocumentsLinkingToTheirEntry() {
    Map<String, Object> index = index(List.of(CURRENCY_PAGE), List.of(CURRENCY));
    Map<String, Object> term = asMap(asList(index.get("terms")).get(0));
    assertEquals("glossary.html#shared-currency", term.get("u"));
    assertEquals("shared currency", term.get("t"));
    assertEquals(List.of("common currency"), term.get("a"));
    assertEquals("A unit every partner can count, see the page.", term.get("x"), "the definition as plain text");
    assertEquals(List.of("practice/shared-currency.html", "practice/choosing.html#how", "decide/index.html"), term.get("s"),
        "its own pages, as site paths, so that search can rank them above passing mentions");
  }

  /**
   * The cases in {@code search/text-cases.json}, which {@code search.test.cjs} also runs: the build
   * writes each case's HTML as its text (a heading as its heading), blocks apart, words unsplit,
   * so that search.js splits them, by its one set of rules, into the words the file lists.
   */
  @Test
  void theSharedTextCasesReachTheIndexAsTheScriptExpectsThem() throws java.io.IOException {
    String file;
    try (var in = SearchIndexTest.class.getResourceAsStream("/search/text-cases.json")) {
      file = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    // JSON is YAML: read with SnakeYAML's safe loader (MiniJson reads only the build's compact JSON).
    Object parsed = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions())).load(file);
    List<Object> cases = asList(asMap(parsed).get("cases"));
    assertTrue(cases.size() >= 8);
    for (Object o : cases) {
      Map<String, Object> c = asMap(o);
      String html = (String) c.get("html");
      List<org.practicalpartnerships.handbook.model.Heading> headings = c.containsKey("heading")
          ? List.of(new org.practicalpartnerships.handbook.model.Heading(2, "q", Jsoup.parseBodyFragment(html).text()))
          : List.of();
      FrontMatter fm = new FrontMatter("T", "", OptionalInt.empty(), "page", List.of(), false);
      Page page = Page.written("x.md", "x.html", null, fm, html, headings, Set.of(), List.of());
      Map<String, Object> entry = asMap(asList(asMap(MiniJson.parse(json(List.of(page), Map.of(), List.of()))).get("pages")).get(0));
      assertEquals(c.get("text"), entry.get("x"), (String) c.get("about"));
      if (c.containsKey("heading")) {
        assertEquals(List.of(List.of("q", c.get("heading"), "")), entry.get("s"), (String) c.get("about"));
      }
    }
  }

  @Test
  void blocksStayApartSoASnippetNeverRunsAListIntoTheNextSentence() {
    Page page = page("p.html", "P", "", List.of(), """
        ## When is it time to move on? {#moving-on}

        Signs that you are ready:

        - early joint results are known
        - nobody reaches for the *small print*

        Then read [Finding a shared goal](shared-goals.md).

        | Arrangement | Suits |
        |---|---|
        | Pooled budget | Co-ordination |
        """);
    PageText.Sections text = PageText.of(Jsoup.parseBodyFragment(page.html()).body(), page.headings());
    assertEquals("""
        Signs that you are ready:
        early joint results are known
        nobody reaches for the small print
        Then read Finding a shared goal.
        Arrangement
        Suits
        Pooled budget
        Co-ordination""", text.sections().get(0).text());
    assertEquals("", text.intro(), "no empty blocks, no line breaks at either end");
  }

  @Test
  void theTooltipDefinitionIsNotPartOfThePageText() {
    Map<String, Object> page = asMap(asList(index(List.of(CURRENCY_PAGE), List.of(CURRENCY)).get("pages")).get(0));
    assertEquals("Partners need a shared currency to work together.", page.get("x"));
    assertFalse(json(List.of(CURRENCY_PAGE), Map.of(CURRENCY_PAGE.outputPath(), linked(CURRENCY_PAGE)), List.of()).contains("quoted only in tooltips"));
  }

  @Test
  void stringsAreEscapedSoTheScriptCannotBeBrokenOutOf() {
    String nasty = "Say \"hi\" \\ back\u0001\ttab\nline </script><script>alert(1)</script> <!-- x --> a&b \u2028\u2029 \ud800 \ud83d\ude00";
    FrontMatter fm = new FrontMatter(nasty, "", OptionalInt.empty(), "page", List.of(nasty), false);
    Page page = Page.written("x.md", "x.html", null, fm, "<p>body</p>", List.of(), Set.of(), List.of());
    String script = script(List.of(page), Map.of(), List.of());
    assertTrue(script.startsWith("window.HANDBOOK_SEARCH_INDEX={\"v\":2,"), script);
    assertTrue(script.endsWith("};\n"));
    assertFalse(script.contains("</"), "no end tag can close a script element");
    assertFalse(script.contains("<!--"));
    assertTrue(script.contains("\\\"hi\\\" \\\\ back\\u0001\\ttab\\nline \\u003c/script\\u003e"), script);
    assertTrue(script.contains("\\u2028\\u2029 \\ud800 \ud83d\ude00"), "line separators and lone surrogates escaped, pairs kept");
    for (char c : script.substring(0, script.length() - 1).toCharArray()) {
      assertTrue(c >= 0x20 && c != '\u2028' && c != '\u2029', "raw control character " + (int) c);
    }
    Map<String, Object> parsed = asMap(asList(asMap(MiniJson.parse(json(script))).get("pages")).get(0));
    assertEquals(List.of(nasty), parsed.get("k"), "a tag, written as it is, reads back the same");
    // Titles are whitespace-collapsed (tab, newline, line separators become spaces); the rest survives.
    assertEquals(PageText.collapse(nasty), parsed.get("t"));
  }

  @Test
  void compactAndTheSameBytesEveryTimeInTheOrderGiven() {
    Page other = page("a.html", "Another page", "", List.of(), "Text.");
    List<Page> pages = List.of(CURRENCY_PAGE, other);
    Map<String, String> bodies = Map.of(CURRENCY_PAGE.outputPath(), linked(CURRENCY_PAGE), other.outputPath(), other.html());
    String first = script(pages, bodies, List.of(CURRENCY));
    String second = script(pages, new LinkedHashMap<>(bodies), List.of(CURRENCY));
    assertEquals(first, second);
    assertFalse(json(first).contains("\n"));
    assertFalse(json(first).contains("\": "), "no pretty printing");
    List<Object> urls = asList(asMap(MiniJson.parse(json(first))).get("pages")).stream().map(p -> asMap(p).get("u")).toList();
    assertEquals(List.of("practice/shared-currency.html", "a.html"), urls, "reading order kept, not re-sorted");
  }

  @Test
  void warnsOnlyWhenTheIndexIsOverItsBudget() {
    assertTrue(SearchIndex.sizeWarning(SearchIndex.SIZE_BUDGET_BYTES).isEmpty());
    String message = SearchIndex.sizeWarning(SearchIndex.SIZE_BUDGET_BYTES + 120_000).orElseThrow();
    assertTrue(message.contains("1.62 MB") && message.contains("1.50 MB"), message);
    assertTrue(SearchIndex.sizeWarning(script(List.of(CURRENCY_PAGE), Map.of(), List.of()).length()).isEmpty());

    List<Page> many = new ArrayList<>();
    String paragraph = "Partnership work asks a great deal of everyone involved in it. ".repeat(300);
    for (int i = 0; i < 100; i++) {
      many.add(page("p" + i + ".html", "Page " + i, "", List.of(), paragraph));
    }
    long size = script(many, Map.of(), List.of()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertTrue(size > SearchIndex.SIZE_BUDGET_BYTES);
    String warning = SearchIndex.sizeWarning(size).orElseThrow();
    assertTrue(warning.startsWith("the search index (search-index.js) is 1.9"), warning);
  }

  /**
   * The size the preview reports the index's warning from ({@link SearchIndex#scriptSize}) is the
   * size of the script made from the same entries and terms, byte for byte: none, one or many
   * entries (empty ones too), any text, with and without terms.
   */
  @Test
  void theSizeFoundWithoutMakingTheScriptIsItsSize() {
    java.util.Random random = new java.util.Random(20261204);
    String[] words = {"partner", "\u00e9quipe", "\"quoted\"", "</script>", "\u2028", "tab\there", "\ud83d\ude00", "a\\b", ""};
    List<Term> glossary = List.of(CURRENCY, term("pooled budget", "pooled-budget", List.of(), "Money *pooled* by partners.", "a.md"));
    for (int round = 0; round < 200; round++) {
      List<byte[]> entries = new ArrayList<>();
      int count = round < 3 ? round : random.nextInt(40);
      long entryBytes = 0;
      for (int i = 0; i < count; i++) {
        StringBuilder text = new StringBuilder();
        for (int w = random.nextInt(30); w > 0; w--) {
          text.append(words[random.nextInt(words.length)]).append(' ');
        }
        Page page = page("p" + i + ".html", text.toString(), "", List.of(), text + "\n\n## " + text);
        byte[] entry = random.nextInt(10) == 0 ? new byte[0] : SearchIndex.entry(page, Jsoup.parseBodyFragment(page.html()).body());
        entries.add(entry);
        entryBytes += entry.length;
      }
      List<Term> terms = glossary.subList(0, round % 3);
      long made = SearchIndex.of(entries, terms, "glossary.html").scriptChunks().stream().mapToLong(chunk -> chunk.length).sum();
      assertEquals(made, SearchIndex.scriptSize(entryBytes, count, terms, "glossary.html"), "round " + round);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object o) {
    return (List<Object>) o;
  }

  /** Just enough of a strict JSON reader to read the index back: proves the escaping round-trips. */
  private static final class MiniJson {
    private final String s;
    private int i;

    private MiniJson(String s) {
      this.s = s;
    }

    static Object parse(String text) {
      MiniJson p = new MiniJson(text);
      Object value = p.value();
      if (p.i != text.length()) {
        throw new IllegalArgumentException("trailing text at " + p.i);
      }
      return value;
    }

    private Object value() {
      char c = s.charAt(i);
      if (c == '{') {
        Map<String, Object> map = new LinkedHashMap<>();
        i++;
        if (s.charAt(i) == '}') {
          i++;
          return map;
        }
        do {
          String key = string();
          expect(':');
          map.put(key, value());
        } while (s.charAt(i++) == ',');
        check(s.charAt(i - 1) == '}');
        return map;
      }
      if (c == '[') {
        List<Object> list = new ArrayList<>();
        i++;
        if (s.charAt(i) == ']') {
          i++;
          return list;
        }
        do {
          list.add(value());
        } while (s.charAt(i++) == ',');
        check(s.charAt(i - 1) == ']');
        return list;
      }
      if (c == '"') {
        return string();
      }
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
        i++;
      }
      return Long.parseLong(s.substring(start, i));
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return out.toString();
        }
        check(c >= 0x20);
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> throw new IllegalArgumentException("bad escape at " + i);
        }
      }
    }

    private void expect(char c) {
      check(s.charAt(i++) == c);
    }

    private void check(boolean ok) {
      if (!ok) {
        throw new IllegalArgumentException("bad JSON at " + i + ": " + s.substring(Math.max(0, i - 20), Math.min(s.length(), i + 20)));
      }
    }
  }
}
