package org.practicalpartnerships.handbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
  void atLeastSixteenPagesAndNineThousandWords() {
    // content/*.md plus the glossary page the build makes from glossary.yml
    assertTrue(pages.size() + 1 >= 16, "pages: " + pages.keySet());
    int total = pages.values().stream().mapToInt(p -> words(prose(p))).sum();
    assertTrue(total >= 9000, "the handbook has only " + total + " words");
  }

  @Test
  void theBriefsPagesExist() {
    for (String page : List.of("index.md", "understanding/why-partnership.md", "understanding/hard-questions.md",
        "understanding/different-sorts.md", "understanding/mixed-purposes.md", "practice/shared-goals.md",
        "practice/building-trust.md", "practice/shared-currency.md", "practice/whole-system-working.md", "references.md")) {
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
    String refs = pages.get("references.md");
    for (String needle : List.of("10.1136/bmj.320.7251.1723", "2000;320:1723", "Partnership: fit for purpose?", "1-85717-229-9",
        "Schruijer", "Popay J, Williams G", "Working Whole Systems")) {
      assertTrue(refs.contains(needle), "references.md lacks " + needle);
    }
  }

  @Test
  void sentencesAreShortOnEveryPage() {
    for (var page : pages.entrySet()) {
      String text = prose(page.getValue());
      text = text.replaceAll("(?m)^\\s*(\\d+\\.|[-*+])\\s+", "\n\n");
      List<String> sentences = new ArrayList<>();
      for (String s : text.split("(?<=[.!?])\\s+|\\n\\s*\\n")) {
        if (words(s) > 0) {
          sentences.add(s);
        }
      }
      double average = sentences.stream().mapToInt(HandbookContentTest::words).average().orElse(0);
      assertTrue(average < 20, page.getKey() + " averages " + average + " words a sentence");
    }
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
        "whole-system event", "health and local authorities")) {
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
    for (var page : pages.entrySet()) {
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

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("[a-z0-9]+").matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
