package org.practicalpartnerships.handbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Practical Partnerships handbook in content/ against its brief: enough pages and words, the
 * sections each behaviour page promises, credit to the sources, plain English, a full glossary,
 * and no sentence taken from the article.
 */
class HandbookContentTest {
  static final Path CONTENT = Path.of("content");
  static final Path ARTICLE = Path.of("..", "shared", "seeds", "000_374a6c18ca1435bd.txt");
  static final List<String> BEHAVIOURS = List.of("co-operation", "co-ordination", "co-evolution", "competition");
  static final Map<String, String> pages = new TreeMap<>();

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> files = Files.walk(CONTENT)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        pages.put(CONTENT.relativize(f).toString().replace('\\', '/'), Files.readString(f));
      }
    }
  }

  /** The page body without front matter, HTML blocks, code, link targets or Markdown markup. */
  static String prose(String page) {
    String body = page.replaceFirst("(?s)\\A---\\n.*?\\n---\\n", "");
    body = body.replaceAll("(?s)<figure.*?</figure>", " ");
    body = body.replaceAll("(?s)```.*?```", " ");
    body = body.replaceAll("\\]\\([^)]*\\)", "]").replaceAll("\\{#[^}]*\\}", "");
    body = body.replaceAll("(?m)^\\|.*$", " ").replaceAll("(?m)^!!! \\w+ ", "");
    return body.replaceAll("[*_`#>\\[\\]|]", " ");
  }

  static int words(String text) {
    Matcher m = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*").matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void atLeastTwentyFivePagesAndSixteenThousandWords() {
    assertTrue(pages.size() >= 25, "only " + pages.size() + " pages: " + pages.keySet());
    int total = pages.values().stream().mapToInt(p -> words(prose(p))).sum();
    assertTrue(total >= 16_000, "the handbook has only " + total + " words of prose");
  }

  @Test
  void theBriefsPagesExist() {
    for (String page : List.of("index.md", "understanding/why-partnership.md", "understanding/hard-questions.md",
        "understanding/different-sorts.md", "understanding/mixed-purposes.md", "practice/shared-goals.md",
        "practice/building-trust.md", "practice/shared-currency.md", "practice/whole-system-working.md", "references.md",
        // issue 17's new pages
        "one-page.md", "practice/arrangements.md", "understanding/partnership-today.md", "templates/terms-of-reference.md",
        "templates/partnership-agreement.md", "templates/conflicts-register.md", "templates/data-sharing-checklist.md",
        "practice/worked-example.md", "for/councillors.md", "for/clinicians.md")) {
      assertTrue(pages.containsKey(page), "missing " + page);
    }
    for (String b : BEHAVIOURS) {
      assertTrue(pages.containsKey("behaviours/" + b + ".md"), "missing behaviour page " + b);
    }
  }

  @Test
  void eachBehaviourPageHasItsSixSectionsAndAMarkedIllustration() {
    for (String b : BEHAVIOURS) {
      String page = pages.get("behaviours/" + b + ".md");
      for (String id : List.of("what-it-is", "when-it-fits", "signs-it-works", "pitfalls", "first-steps", "example")) {
        assertTrue(page.contains("{#" + id + "}"), b + " lacks the section #" + id);
      }
      String example = page.substring(page.indexOf("{#example}"));
      assertTrue(example.contains("!!! example \"Illustration"), b + ": the worked example must sit in an illustration callout");
      assertTrue(example.toLowerCase(Locale.ROOT).contains("not a finding"), b + ": the example must say it is not a finding of the article");
    }
  }

  @Test
  void everyPageCreditsItsSourcesAndTheSourcesPageCitesThemInFull() {
    for (var page : pages.entrySet()) {
      if (page.getKey().equals("references.md")) {
        continue;
      }
      String text = page.getValue();
      assertTrue(text.contains("{#source}"), page.getKey() + " has no Source section");
      String source = text.substring(text.indexOf("{#source}"));
      assertTrue(source.contains("references.md"), page.getKey() + ": the Source section should point to the sources page");
      assertTrue(source.contains("BMJ") || source.contains("King's Fund") || source.contains("King’s Fund"), page.getKey() + " does not name its source");
    }
  }

  /** Each entry of the sources page, a paragraph or list item, with the text that identifies it. */
  static String citation(String identifying) {
    for (String entry : pages.get("references.md").split("\\n\\s*\\n|\\n(?=- )")) {
      if (entry.contains(identifying)) {
        return entry;
      }
    }
    throw new AssertionError("references.md has no entry with " + identifying);
  }

  @Test
  void theSourcesPageCitesEverySourceInFull() {
    record Cited(String identifying, String authors, String year, String id) {}
    List<Cited> sources = List.of(
        new Cited("Practical partnerships for health and local authorities", "Plamping D, Gordon P, Pratt J", "2000", "10.1136/bmj.320.7251.1723"),
        new Cited("Partnership: fit for purpose?*", "Pratt J, Gordon P, Plamping D", "1999", "ISBN 1-85717-229-9"),
        new Cited("testing a theory in practice", "Gordon P, Plamping D, Pratt J", "1999", "Schruijer S"),
        new Cited("Working whole systems", "Pratt J, Gordon P, Plamping D", "1999", "putting theory into practice in organisations"),
        new Cited("Projectitis", "Pratt J, Gordon P, Plamping D", "1998", "ISBN 1-85717-211-6"),
        new Cited("Action zones and large numbers", "Pratt J, Gordon P, Plamping D", "199", "ISBN 1-85717-226-4"),
        new Cited("Elephant problems and fixes that fail", "Pratt J, Gordon P, Plamping D", "199", "ISBN 1-85717-232-9"),
        new Cited("beyond the rhetoric", "Popay J, Williams G", "1998", "52:410"),
        new Cited("Partnership Assessment Tool*", "Hardy B, Hudson B, Waddington E", "2003", "Assessing strategic partnership"));
    for (Cited source : sources) {
      String entry = citation(source.identifying());
      for (String part : List.of(source.authors(), source.year(), source.id())) {
        assertTrue(entry.contains(part), "the citation of " + source.identifying() + " lacks '" + part + "':\n" + entry);
      }
    }
  }

  static List<String> sentences(String page) {
    String text = prose(page).replaceAll("(?m)^\\s*(\\d+\\.|[-*+])\\s+", "\n\n");
    List<String> sentences = new ArrayList<>();
    for (String s : text.split("(?<=[.!?])\\s+|\\n\\s*\\n")) {
      if (words(s) > 0) {
        sentences.add(s);
      }
    }
    return sentences;
  }

  @Test
  void sentencesAreShortOnEveryPageAndOverall() {
    List<String> all = new ArrayList<>();
    for (var page : pages.entrySet()) {
      List<String> sentences = sentences(page.getValue());
      all.addAll(sentences);
      double average = sentences.stream().mapToInt(HandbookContentTest::words).average().orElse(0);
      assertTrue(average < 20, page.getKey() + " averages " + average + " words a sentence");
    }
    double average = all.stream().mapToInt(HandbookContentTest::words).average().orElse(0);
    assertTrue(average < 20, "the handbook averages " + average + " words a sentence");
  }

  @Test
  void glossaryDefinesTheBriefsTerms() throws IOException {
    String glossary = Files.readString(CONTENT.resolve("glossary.yml"));
    Set<String> terms = new HashSet<>();
    Matcher m = Pattern.compile("(?m)^- term: *\"?([^\"\\n]+)\"?$").matcher(glossary);
    while (m.find()) {
      terms.add(m.group(1).strip().toLowerCase(Locale.ROOT));
    }
    assertTrue(terms.size() >= 20, "only " + terms.size() + " glossary terms");
    for (String t : List.of("partnership", "partnership fatigue", "duty of partnership", "partnership behaviour", "fit for purpose",
        "individual goals", "collective goal", "predictability", "broad aim", "competition", "co-operation", "co-ordination",
        "co-evolution", "mutual benefit", "trust", "shared goal", "shared currency", "whole system", "whole-system working",
        "whole-system event", "health and local authorities",
        // issue 17's new terms
        "section 75 agreement", "pooled budget", "integrated care board", "integrated care partnership", "health and wellbeing board",
        "place-based partnership", "better care fund", "provider selection regime", "procurement act 2023",
        "data protection impact assessment", "caldicott guardian", "duty to co-operate", "data-sharing agreement",
        "conflict of interest", "terms of reference", "memorandum of understanding", "lead commissioning", "joint post", "alliance",
        "gain question", "two dimensions", "two hard questions")) {
      assertTrue(terms.contains(t), "the glossary lacks '" + t + "'; it has " + terms);
    }
  }

  @Test
  void noSentenceIsTakenFromTheArticle() throws IOException {
    assumeTrue(Files.exists(ARTICLE), "the saved article is not beside this checkout");
    List<String> article = tokens(Files.readString(ARTICLE));
    int n = 8;
    Set<String> windows = new HashSet<>();
    for (int i = 0; i + n <= article.size(); i++) {
      windows.add(String.join(" ", article.subList(i, i + n)));
    }
    List<String> copied = new ArrayList<>();
    Map<String, String> texts = new TreeMap<>(pages);
    for (String data : List.of("decide.yml", "glossary.yml")) {
      texts.put(data, Files.readString(CONTENT.resolve(data)));
    }
    for (var page : texts.entrySet()) {
      if (page.getKey().equals("references.md")) {
        continue;
      }
      String text = page.getValue();
      int source = text.indexOf("{#source}");
      text = source < 0 ? text : text.substring(0, source);
      // Quoted words are allowed: they are marked and credited.
      List<String> ours = tokens(text.replaceAll("\"[^\"\\n]*\"|“[^”\\n]*”", " "));
      for (int i = 0; i + n <= ours.size(); i++) {
        String w = String.join(" ", ours.subList(i, i + n));
        if (windows.contains(w)) {
          copied.add(page.getKey() + ": " + w);
        }
      }
    }
    assertEquals(List.of(), copied, "eight or more words in a row match the article");
  }


  // ---- Issue 17: whose idea is it, and editing points that can be checked ----

  static String all() {
    return String.join("\n", pages.values());
  }

  @Test
  void theHandbooksOwnIdeasAreNotPutInTheAuthorsMouths() throws IOException {
    String glossary = Files.readString(CONTENT.resolve("glossary.yml"));
    String everything = all() + "\n" + glossary + "\n" + Files.readString(CONTENT.resolve("decide.yml"));
    // "duty of partnership" is the policy document's phrase, quoted by the article
    for (String entry : (everything).split("\\n\\s*\\n")) {
      if (entry.contains("duty of partnership") && !entry.contains("policy")) {
        throw new AssertionError("'duty of partnership' is credited without saying it is the policy document's phrase:\n" + entry);
      }
    }
    // the authors name three partnership behaviours; competition is the framework's fourth type
    for (String wrong : List.of("four types of partnership behaviour", "four partnership behaviours", "one of the four types",
        // co-evolution's promise: lasting change not dependent on injected outside resources, not "money"
        "extra money", "outside money", "because it need not rely",
        // smaller drifts
        "transform entire services", "reshape entire services", "national policy")) {
      assertFalse(everything.toLowerCase(Locale.ROOT).contains(wrong), "the handbook still says '" + wrong + "'");
    }
    // the tree's third question and the co-operation/competition split are the handbook's own
    assertTrue(glossary.contains("gain question") && glossary.contains("handbook's own test"), "the glossary must say the gain question is the handbook's own");
    assertTrue(pages.get("behaviours/index.md").contains("this handbook's own test"), "behaviours/index.md must say the gain question is the handbook's own");
    // handbook readings are marked where they sit beside the authors' words
    for (String page : List.of("behaviours/co-operation.md", "behaviours/co-ordination.md", "behaviours/co-evolution.md",
        "behaviours/competition.md", "understanding/mixed-purposes.md", "understanding/why-partnership.md")) {
      assertTrue(pages.get(page).contains("handbook's reading"), page + " must mark the handbook's own reading");
      assertFalse(pages.get(page).contains("What comes from the sources"), page + " still credits its glosses to the authors");
    }
  }

  @Test
  void presentDayPagesAreDatedAndFlaggedAsTheHandbooksOwn() {
    String today = pages.get("understanding/partnership-today.md");
    for (String needle : List.of("as of 2026", "entirely the handbook's own", "Provider Selection Regime", "Procurement Act 2023",
        "section 82", "Care Act 2014", "integrated care board", "health and wellbeing board", "place-based partnership",
        "Wales", "Scotland", "Northern Ireland")) {
      assertTrue(today.contains(needle), "partnership-today.md lacks '" + needle + "'");
    }
  }

  @Test
  void eachIdeaIsNamedAndSaidOnce() {
    // one note on what the sources leave open, instead of one on every page
    List<String> gaps = pages.entrySet().stream().filter(p -> p.getValue().contains("sources we hold")).map(Map.Entry::getKey).toList();
    assertEquals(List.of("references.md"), gaps, "say what the sources leave open once, in references.md#what-the-sources-say");
    assertTrue(pages.get("references.md").contains("{#what-the-sources-say}"));
    // the four summary points are set out once and linked elsewhere
    assertTrue(pages.get("understanding/why-partnership.md").contains("{#summary-points}"));
    for (var page : pages.entrySet()) {
      String text = page.getValue();
      if (!page.getKey().equals("understanding/why-partnership.md") && text.contains("summary points")
          && !page.getKey().equals("references.md")) {
        assertTrue(text.contains("why-partnership.md#summary-points"), page.getKey() + " mentions the summary points without linking to them");
      }
      // "the two questions" meant two different things; use "the two hard questions" or "the two dimensions"
      assertFalse(text.contains("the two questions"), page.getKey() + " says 'the two questions': name them");
    }
    assertTrue(pages.get("understanding/hard-questions.md").contains("{#two-hard-questions}"));
    assertTrue(pages.get("understanding/different-sorts.md").contains("{#two-dimensions}"));
  }

  @Test
  void everyIllustrationSaysItIsTheHandbooksOwn() {
    for (var page : pages.entrySet()) {
      Matcher m = Pattern.compile("(?m)^!!! example \"[^\"]*\"\\n((?: {4}.*\\n|\\n)+)").matcher(page.getValue());
      while (m.find()) {
        assertTrue(m.group(1).contains("handbook's own illustration"), page.getKey() + ": an illustration must say it is the handbook's own:\n" + m.group());
      }
    }
  }

  @Test
  void theCheckUpsTimingsAddUp() {
    String checkUp = pages.get("practice/check-up.md");
    Matcher rows = Pattern.compile("(?m)^\\| (\\d+\\. [^|]+|Total) \\|[^|]*\\| (\\d+) \\|$").matcher(checkUp);
    int sum = 0;
    int total = -1;
    while (rows.find()) {
      if (rows.group(1).equals("Total")) {
        total = Integer.parseInt(rows.group(2));
      } else {
        sum += Integer.parseInt(rows.group(2));
      }
    }
    assertTrue(total > 0, "check-up.md needs a timing table with a Total row");
    assertEquals(total, sum, "the check-up's steps must add up to its total");
    assertTrue(checkUp.contains("two and a half hours") && total == 150, "the check-up promises two and a half hours");
  }

  @Test
  void tagsAreFewAndShared() {
    Map<String, List<String>> byTag = new TreeMap<>();
    for (var page : pages.entrySet()) {
      Matcher m = Pattern.compile("(?m)^tags: *\\[(.*)\\]$").matcher(page.getValue());
      if (m.find()) {
        for (String tag : m.group(1).split(",")) {
          byTag.computeIfAbsent(tag.strip(), t -> new ArrayList<>()).add(page.getKey());
        }
      }
    }
    assertFalse(pages.get("index.md").contains("\ntags:"), "the home page needs no tags");
    Map<String, String> folded = new TreeMap<>();
    for (var tag : byTag.entrySet()) {
      assertTrue(tag.getValue().size() >= 2, "the tag '" + tag.getKey() + "' is used only by " + tag.getValue());
      String key = tag.getKey().replaceAll("[^a-z]", "").replaceAll("s$", "");
      String other = folded.put(key, tag.getKey());
      assertTrue(other == null, "near-duplicate tags: " + other + " and " + tag.getKey());
    }
    assertTrue(byTag.size() <= 10, "too many tags: " + byTag.keySet());
  }

  @Test
  void theHomePageLeadsWithTheDecisionTree() {
    String home = pages.get("index.md").replaceFirst("(?s)\\A---\\n.*?\\n---\\n", "");
    int tree = home.indexOf("(decide/index.html)");
    int secondSection = home.indexOf("\n## ", home.indexOf("\n## ") + 1);
    assertTrue(tree >= 0 && tree < secondSection, "the home page must link to the decision tree before its second section");
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("[a-z0-9]+").matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
