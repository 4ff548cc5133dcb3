package org.practicalpartnerships.handbook.checkup;

import java.math.BigDecimal;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.checkup.Checkup.HandbookLink;
import org.practicalpartnerships.handbook.checkup.Checkup.Markdown;
import org.practicalpartnerships.handbook.checkup.Checkup.Point;
import org.practicalpartnerships.handbook.checkup.Checkup.Statement;
import org.practicalpartnerships.handbook.checkup.Checkup.Theme;
import org.practicalpartnerships.handbook.html.Html;
import org.practicalpartnerships.handbook.model.Href;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.model.SitePaths;

/**
 * A checked {@link Checkup} in, the body of its page out: one page, {@link #OUTPUT}, that is
 * complete without JavaScript and on paper.
 *
 * <ul>
 *   <li>the introduction, and a note that nothing is stored or sent;
 *   <li>how to use it: each partner answers on its own, then the partners compare;
 *   <li>the worksheet: per theme a section with its heading, per statement a {@code <fieldset>}
 *       whose {@code <legend>} is the numbered statement ("1.2 ...") and whose answers are real
 *       radio buttons with labels (name {@code answer-<id>}, value the point's place on the scale, 1 to
 *       9, or {@code x} for "don't know");
 *   <li>a scoring guide to follow with a pencil: what each answer scores, the steps, and a blank
 *       table to fill in per theme;
 *   <li>what a low score suggests for each theme, with the handbook pages that help;
 *   <li>how to compare partners.
 * </ul>
 *
 * Ids made from the file's ids have prefixes that are not prefixes of each other ({@code theme-},
 * {@code statement-}, {@code answer-}, {@code advice-}), so no two can clash. Places that {@code
 * checkup.js} fills in are empty and {@code hidden} (the results, the compare
 * tool, the answer code); it reads what it needs from {@code data-} attributes: the root's {@code
 * data-low-below} and {@code data-unsure}, each theme's {@code data-theme} and {@code data-title},
 * each statement's {@code data-statement}, and the scale's rows {@code data-point} and {@code
 * data-score}. All text is escaped by jsoup; Markdown comes already rendered, its links made
 * relative to the page.
 */
public final class CheckupPage {
  /** Where the page is published. */
  public static final String OUTPUT = "checkup/index.html";
  /** The page's stylesheet and script, from the site root. */
  public static final String STYLESHEET = "assets/checkup.css";

  public static final String SCRIPT = "assets/checkup.js";
  /** Where the page sits among the top-level sections of the navigation: after "Making partnership work" (30). */
  public static final int NAV_ORDER = 35;

  /**
   * The page, ready for the default layout.
   *
   * @param html the body fragment (no {@code <h1>}); links into the handbook are relative {@code
   *     .md} links, for the post-processor to rewrite
   * @param links the page's links into the handbook, relative to the page, with their offsets in
   *     the check-up file
   */
  public record Rendered(String outputPath, String title, String description, String html, List<LinkRef> links) {
    public Rendered {
      links = List.copyOf(links);
    }
  }

  private CheckupPage() {}

  public static Rendered render(Checkup checkup) {
    Element body = Html.settings(Document.createShell("")).body();
    List<LinkRef> links = new java.util.ArrayList<>();
    String low = number(checkup.lowBelow());
    String range = checkup.minScore() + " to " + checkup.maxScore();

    Element root = body.appendElement("div").addClass("checkup").id("checkup")
        .attr("data-low-below", checkup.lowBelow().toPlainString());
    if (!checkup.unsure().isEmpty()) {
      root.attr("data-unsure", checkup.unsure());
    }
    // checkup.js puts its messages here: a restored result, or an error summary for a bad code.
    root.appendElement("div").id("checkup-notice").addClass("checkup-notice").attr("hidden", true);
    markdown(root.appendElement("div").addClass("checkup-intro"), checkup.intro());
    howTo(root);
    worksheet(root, checkup);

    // checkup.js shows this and fills it in: progress, chart, table, ranking, what to read, the code.
    Element results = root.appendElement("section").id("checkup-results").addClass("checkup-results")
        .attr("aria-label", "Your results").attr("hidden", true);
    // No id: the heading stays out of the page's contents, which must not lead to a hidden section.
    results.appendElement("h2").text("Your results");
    results.appendElement("div").id("checkup-results-body");

    scoringGuide(root.appendElement("div").addClass("checkup-scoring"), checkup, low, range);
    advice(root, checkup, low, links);
    comparing(root);
    return new Rendered(OUTPUT, checkup.title(), checkup.description(), body.html(), links);
  }

  /** That nothing leaves the browser, and the three steps. */
  private static void howTo(Element root) {
    Element privacy = root.appendElement("aside").addClass("callout").addClass("callout-tip").addClass("checkup-privacy").attr("aria-labelledby", "privacy-title");
    privacy.appendElement("p").addClass("callout-title").id("privacy-title").text("Your answers stay with you");
    privacy.appendElement("p").text("Nothing you enter on this page is stored or sent anywhere: there is no account and nothing is saved on a server. "
        + "Your answers stay in this browser tab until you close it.");
    privacy.appendElement("p").addClass("checkup-js-only").attr("hidden", true).text("Your results are worked out in this browser. "
        + "The answers are kept only in this page's address, as a short code, so that you can bookmark, print or send them. "
        + "Anyone who has that address can see the answers, so share it only with the people who should.");

    Element how = root.appendElement("div").addClass("checkup-how");
    how.appendElement("h2").id("how-to-use").text("How to use the check-up");
    Element steps = how.appendElement("ol").addClass("checkup-steps");
    steps.appendElement("li").text("Each partner answers on its own: one copy for each organisation, or for each member of the board. "
        + "Answer for the partnership as you see it today, not as it should be.");
    steps.appendElement("li").text("Score the answers. On screen, your scores appear under the statements as you answer. "
        + "On paper, print this page, tick one answer for each statement and follow the scoring guide.");
    steps.appendElement("li").text("Compare. Put the partners' results side by side. "
        + "Where you see things differently is the point of the exercise: the largest differences are the board's agenda.");

  }

  /** Every statement, theme by theme, with its scale as radio buttons in a fieldset. */
  private static void worksheet(Element root, Checkup checkup) {
    root.appendElement("h2").id("statements").text("The statements");
    Element explain = root.appendElement("p");
    explain.appendText("Choose one answer for each statement. ");
    if (!checkup.unsure().isEmpty()) {
      explain.appendText("Choose “" + checkup.unsure() + "” when you cannot say; it is left out of the scores. ");
    }
    explain.appendText("There are " + count(checkup.statements().size(), "statement") + " in " + count(checkup.themes().size(), "theme") + ".");
    Element worksheet = root.appendElement("div").addClass("checkup-worksheet").id("checkup-worksheet");
    int t = 0;
    for (Theme theme : checkup.themes()) {
      t++;
      Element section = worksheet.appendElement("section").addClass("checkup-theme")
          .attr("data-theme", theme.id()).attr("data-title", theme.title()).attr("aria-labelledby", "theme-" + theme.id());
      Element h3 = section.appendElement("h3").id("theme-" + theme.id());
      h3.appendElement("span").addClass("checkup-number").text(t + ".");
      h3.appendText(" " + theme.title());
      if (!theme.about().isEmpty()) {
        markdown(section.appendElement("div").addClass("checkup-about"), theme.about());
      }
      int s = 0;
      for (Statement statement : theme.statements()) {
        s++;
        statement(section, checkup, statement, t + "." + s);
      }
    }

  }

  /** For each theme, what a low score suggests and where in the handbook to read next. */
  private static void advice(Element root, Checkup checkup, String low, List<LinkRef> links) {
    Element allAdvice = root.appendElement("div").addClass("checkup-all-advice");
    allAdvice.appendElement("h2").id("low-scores").text("What a low score suggests");
    allAdvice.appendElement("p").text("A theme whose average is below " + low + " is low. For each theme, what that suggests and where in the handbook to read next:");
    for (Theme theme : checkup.themes()) {
      Element advice = allAdvice.appendElement("section").addClass("checkup-advice").attr("data-advice", theme.id())
          .attr("aria-labelledby", "advice-" + theme.id());
      advice.appendElement("h3").id("advice-" + theme.id()).text(theme.title());
      markdown(advice.appendElement("div").addClass("checkup-low"), theme.low());
      advice.appendElement("p").addClass("checkup-read-next").text("Read next:");
      Element list = advice.appendElement("ul").addClass("checkup-links");
      for (HandbookLink link : theme.links()) {
        String url = rebase(link.page());
        list.appendElement("li").appendElement("a").attr("href", url).text(link.label());
        links.add(new LinkRef(url, link.offset(), false));
      }
    }

  }

  /** How to compare partners by hand, and the box the script uses to compare their codes. */
  private static void comparing(Element root) {
    Element comparing = root.appendElement("div").addClass("checkup-comparing");
    comparing.appendElement("h2").id("compare").text("Comparing partners");
    comparing.appendElement("p").text("Each partner fills in the check-up on its own; then you compare. "
        + "By hand: write each partner's average for each theme side by side, and for each statement each partner's score. "
        + "For every statement, the difference between the highest and the lowest score is the gap. "
        + "List the statements from the largest gap to the smallest: that list is the agenda for the board's discussion. "
        + "A theme that every partner scores low needs attention too, even where you agree.");
    Element tool = comparing.appendElement("div").addClass("checkup-compare").id("checkup-compare").attr("hidden", true);
    tool.appendElement("div").id("compare-notice").addClass("checkup-notice").attr("hidden", true);
    tool.appendElement("p").text("On screen: paste two or more partners' answer codes, or the links that hold them, one on each line. "
        + "Nothing is sent anywhere: the comparison is worked out in this browser.");
    Element group = tool.appendElement("div").addClass("checkup-field").id("compare-group");
    group.appendElement("label").attr("for", "compare-codes").addClass("checkup-label").text("Partners' answer codes, one on each line");
    group.appendElement("p").id("compare-hint").addClass("checkup-hint")
        .text("To name a partner, start its line with the name and a colon, such as “Council: ” followed by the code.");
    group.appendElement("p").id("compare-error").addClass("checkup-error-message").attr("hidden", true);
    group.appendElement("textarea").id("compare-codes").attr("name", "codes").attr("rows", "5").attr("spellcheck", "false")
        .attr("autocomplete", "off").attr("aria-describedby", "compare-hint");
    tool.appendElement("button").attr("type", "button").id("compare-button").addClass("checkup-button").text("Compare");
    tool.appendElement("div").id("compare-output").addClass("checkup-compare-output");
  }

  /**
   * Trims the finished page body for the search index, in place: the answers of every statement
   * (the same labels many times over), the pencil table and the places only the script fills. The
   * themes' headings count as text of their section, not as sections of their own: search weighs
   * a heading three times, and a theme's title, such as "A shared currency", should not rank the
   * check-up above the page the theme is about.
   */
  public static void forSearch(Element body) {
    body.select(".checkup-scale, .checkup-tally, [hidden]").remove();
    body.select("h3[id]").removeAttr("id");
  }

  private static void statement(Element section, Checkup checkup, Statement statement, String number) {
    String name = "answer-" + statement.id();
    Element fieldset = section.appendElement("fieldset").addClass("checkup-statement").id("statement-" + statement.id()).attr("data-statement", statement.id());
    Element legend = fieldset.appendElement("legend");
    legend.appendElement("span").addClass("checkup-number").text(number);
    legend.appendText(" ");
    legend.appendElement("span").addClass("checkup-statement-text").text(statement.text());
    Element choices = fieldset.appendElement("div").addClass("checkup-scale");
    int place = 0;
    for (Point point : checkup.scale()) {
      place++;
      choice(choices, name, String.valueOf(place), point.label()).attr("data-score", String.valueOf(point.score()));
    }
    if (!checkup.unsure().isEmpty()) {
      choice(choices, name, "x", checkup.unsure()).parent().addClass("checkup-choice-unsure");
    }
  }

  private static Element choice(Element choices, String name, String value, String label) {
    Element item = choices.appendElement("div").addClass("checkup-choice");
    String id = name + "-" + value;
    Element input = item.appendElement("input").attr("type", "radio").attr("name", name).id(id).attr("value", value);
    item.appendElement("label").attr("for", id).text(label);
    return input;
  }

  private static void scoringGuide(Element root, Checkup checkup, String low, String range) {
    root.appendElement("h2").id("scoring").text("Scoring by hand");
    root.appendElement("p").text("You need only a pencil. Each answer scores as follows.");
    Element table = root.appendElement("table").addClass("checkup-scale-table").id("checkup-scale");
    table.appendElement("caption").text("What each answer scores");
    Element head = table.appendElement("thead").appendElement("tr");
    head.appendElement("th").attr("scope", "col").text("Answer");
    head.appendElement("th").attr("scope", "col").text("Score");
    Element rows = table.appendElement("tbody");
    int place = 0;
    for (Point point : checkup.scale()) {
      place++;
      Element row = rows.appendElement("tr").attr("data-point", String.valueOf(place)).attr("data-score", String.valueOf(point.score()));
      row.appendElement("th").attr("scope", "row").text(point.label());
      row.appendElement("td").text(String.valueOf(point.score()));
    }
    if (!checkup.unsure().isEmpty()) {
      Element row = rows.appendElement("tr");
      row.appendElement("th").attr("scope", "row").text(checkup.unsure());
      row.appendElement("td").text("no score: leave it out");
    }
    Element steps = root.appendElement("ol").addClass("checkup-guide");
    steps.appendElement("li").text("For each theme, add up the scores of the statements you answered. That is the theme's total.");
    steps.appendElement("li").text("Count the statements of the theme you answered" + (checkup.unsure().isEmpty() ? "" : ", leaving out any you answered “" + checkup.unsure() + "”")
        + ". Divide the total by that number: the theme's average, from " + range + ".");
    steps.appendElement("li").text("A theme whose average is below " + low + " is low: read what a low score suggests for it, further down this page.");
    steps.appendElement("li").text("Rank the themes from the lowest average to the highest. Start the discussion with the lowest.");
    Element example = root.appendElement("p").addClass("checkup-example");
    example.appendText("For example: a theme of four statements answered with scores of " + exampleScores(checkup) + ". ");
    example.appendText(exampleSentence(checkup, low));

    Element sheet = root.appendElement("table").addClass("checkup-tally");
    sheet.appendElement("caption").text("Your scores, theme by theme (fill in with a pencil)");
    Element h = sheet.appendElement("thead").appendElement("tr");
    for (String column : List.of("Theme", "Total", "Answered", "Average", "Low (below " + low + ")?", "Rank")) {
      h.appendElement("th").attr("scope", "col").text(column);
    }
    Element b = sheet.appendElement("tbody");
    int t = 0;
    for (Theme theme : checkup.themes()) {
      t++;
      Element row = b.appendElement("tr");
      row.appendElement("th").attr("scope", "row").text(t + ". " + theme.title() + " (" + count(theme.statements().size(), "statement") + ")");
      for (int i = 0; i < 5; i++) {
        row.appendElement("td").addClass("checkup-blank");
      }
    }
  }

  /** Four scores from the scale for the worked example, low ones, so the example shows a low theme. */
  private static String exampleScores(Checkup checkup) {
    int[] s = exampleValues(checkup);
    return s[0] + ", " + s[1] + ", " + s[2] + " and " + s[3];
  }

  private static int[] exampleValues(Checkup checkup) {
    List<Integer> scores = checkup.scale().stream().map(Point::score).sorted().toList();
    int n = scores.size();
    return n == 2 ? new int[] {scores.get(1), scores.get(1), scores.get(0), scores.get(0)}
        : new int[] {scores.get(n - 2), scores.get(1), scores.get(1), scores.get(0)};
  }

  private static String exampleSentence(Checkup checkup, String low) {
    int[] s = exampleValues(checkup);
    int total = s[0] + s[1] + s[2] + s[3];
    BigDecimal average = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(4));
    boolean isLow = average.compareTo(checkup.lowBelow()) < 0;
    return "The total is " + total + ", the average " + total + " ÷ 4 = " + number(average) + ", which is "
        + (isLow ? "below " + low + ": low." : "not below " + low + ": not low.");
  }

  /** A number as people write it: 3, 2.5, -1.25. */
  static String number(BigDecimal value) {
    String plain = value.stripTrailingZeros().toPlainString();
    return plain.startsWith("-") ? "−" + plain.substring(1) : plain;
  }

  /** Appends rendered Markdown, its links made relative to the page. */
  private static void markdown(Element parent, Markdown markdown) {
    parent.append(markdown.html());
    for (Element a : parent.select("a[href]")) {
      a.attr("href", rebase(a.attr("href")));
    }
    for (Element img : parent.select("img[src]")) {
      img.attr("src", rebase(img.attr("src")));
    }
  }

  /** A link written relative to the content folder, made relative to the page. */
  static String rebase(String url) {
    Href href = Href.parse(url);
    String trimmed = url.strip();
    if (href.kind() != Href.Kind.RELATIVE || trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("?")) {
      return url;
    }
    return SitePaths.rootPrefix(OUTPUT) + trimmed;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
