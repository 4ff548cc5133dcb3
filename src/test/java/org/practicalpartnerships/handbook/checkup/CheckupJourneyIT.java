package org.practicalpartnerships.handbook.checkup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.practicalpartnerships.handbook.browser.Browser;
import org.practicalpartnerships.handbook.browser.BrowserJourney;

/**
 * A board uses the partnership check-up in a real browser (headless Chromium, site/ served under
 * /handbook/): answering every statement by keyboard alone and reading the result; reopening a
 * bookmarked result; comparing two partners' codes; a damaged or foreign code; the page with
 * JavaScript off; and the printed result on A4.
 */
class CheckupJourneyIT extends BrowserJourney {
  static final String PAGE = "checkup/index.html";

  /** A theme of the page, as the page shows it. */
  record Theme(String id, String title, List<String> statements) {}

  private void open(Browser b, String fragment) {
    b.driver.get("about:blank");
    b.driver.get(server.root() + PAGE + fragment);
  }

  static List<Theme> themes(Browser b) {
    List<Theme> themes = new ArrayList<>();
    for (WebElement section : b.driver.findElements(By.cssSelector("section[data-theme]"))) {
      List<String> ids = section.findElements(By.cssSelector("fieldset[data-statement]")).stream().map(f -> f.getDomAttribute("data-statement")).toList();
      themes.add(new Theme(section.getDomAttribute("data-theme"), section.getDomAttribute("data-title"), ids));
    }
    return themes;
  }

  /** Chooses an answer with the mouse: place 1 to 5 on the scale, or "x" for "Don't know". */
  static void click(Browser b, String statement, String value) {
    b.driver.findElement(By.cssSelector("label[for='answer-" + statement + "-" + value + "']")).click();
  }

  static Set<String> checked(Browser b) {
    Set<String> ids = new TreeSet<>();
    for (WebElement radio : b.driver.findElements(By.cssSelector("fieldset[data-statement] input:checked"))) {
      ids.add(radio.getDomAttribute("id"));
    }
    return ids;
  }

  static List<String> rows(Browser b, String tableSelector) {
    return b.driver.findElements(By.cssSelector(tableSelector + " tbody tr")).stream().map(WebElement::getText).toList();
  }

  static String fragment(Browser b) {
    String url = b.driver.getCurrentUrl();
    return url.contains("#") ? url.substring(url.indexOf('#') + 1) : "";
  }

  /** Every statement of theme t answered with place PLACES[t]; the answers' scores are 1 to 5. */
  static final int[] PLACES = {2, 4, 1, 5, 3, 2, 4};

  @Test
  void answeringEveryStatementByKeyboardShowsEachThemesScoreRankedWithWhatToReadNext() {
    Browser b = withScript;
    b.size(Browser.DESKTOP);
    open(b, "");
    List<Theme> themes = themes(b);
    assertEquals(7, themes.size());
    assertTrue(b.driver.findElement(By.id("checkup-results")).isDisplayed(), "with JavaScript the results show");
    assertTrue(b.driver.findElement(By.id("checkup-results")).getText().contains("You have answered 0 of 29 statements."));
    // From the top of the page, by keyboard only: Tab to each statement's answers, Space, arrows.
    b.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    for (int t = 0; t < themes.size(); t++) {
      for (String statement : themes.get(t).statements()) {
        boolean dontKnow = statement.equals("trust-front-line");
        int place = dontKnow ? 6 : PLACES[t];
        for (int i = 0; i < 200 && !statement.equals(activeStatement(b)); i++) {
          b.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals(statement, activeStatement(b), "Tab reaches the answers of " + statement);
        assertEquals("solid", b.driver.executeScript("return getComputedStyle(document.activeElement).outlineStyle"), "focus is visible");
        WebElement active = b.driver.switchTo().activeElement();
        active.sendKeys(Keys.SPACE);
        for (int i = 1; i < place; i++) {
          b.driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        }
        String expected = "answer-" + statement + "-" + (dontKnow ? "x" : String.valueOf(place));
        assertEquals(expected, b.driver.switchTo().activeElement().getDomAttribute("id"));
        assertTrue(b.driver.findElement(By.id(expected)).isSelected());
      }
    }
    assertEquals(29, checked(b).size());
    String results = b.driver.findElement(By.id("checkup-results")).getText();
    assertTrue(results.contains("You have answered 29 of 29 statements."), results);
    // Averages: each theme's answers all score PLACES[t]; "Don't know" leaves trust at 5 over 4 answers.
    assertEquals(List.of(
        "1 The right behaviour for each piece of work 1 4 of 4 Low",
        "2 Clarity of purpose 2 4 of 4 Low",
        "3 Structures that fit 2 4 of 4 Low",
        "4 A shared currency 3 4 of 4 No",
        "5 A shared goal 4 4 of 4 No",
        "6 Whole-system connections 4 4 of 4 No",
        "7 Trust 5 4 of 5 (1 “don’t know”) No"), rows(b, ".checkup-results-table"));
    List<WebElement> bars = b.driver.findElements(By.cssSelector(".checkup-chart svg rect.checkup-bar"));
    assertEquals(7, bars.size(), "one bar per theme");
    assertEquals(3, b.driver.findElements(By.cssSelector(".checkup-chart svg rect.checkup-bar-low")).size(), "three bars are low");
    List<String> next = b.driver.findElements(By.cssSelector(".checkup-next h4")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("The right behaviour for each piece of work: 1", "Clarity of purpose: 2", "Structures that fit: 2"), next, "what to read next, lowest first");
    WebElement firstLink = b.driver.findElement(By.cssSelector(".checkup-next .checkup-links a"));
    assertEquals("How to choose the right behaviour", firstLink.getText());
    assertTrue(firstLink.getDomAttribute("href").endsWith("behaviours/index.html#choosing"), firstLink.getDomAttribute("href"));
    String code = b.driver.findElement(By.id("checkup-code")).getText();
    assertEquals("a=" + code, fragment(b), "the address holds the answer code");
    assertTrue(b.driver.findElement(By.cssSelector(".checkup-privacy")).getText().contains("Nothing you enter on this page is stored or sent anywhere"));
  }

  private static String activeStatement(Browser b) {
    Object id = b.driver.executeScript("var f = document.activeElement && document.activeElement.closest('fieldset[data-statement]');"
        + " return document.activeElement.type === 'radio' && f ? f.getAttribute('data-statement') : null;");
    return id == null ? null : id.toString();
  }

  @Test
  void aBookmarkedResultReopensWithEveryAnswer() {
    Browser b = withScript;
    b.size(Browser.PHONE);
    open(b, "");
    List<Theme> themes = themes(b);
    int n = 0;
    for (Theme theme : themes) {
      for (String statement : theme.statements()) {
        if (n % 7 != 3) { // leave some blank
          click(b, statement, n % 6 == 5 ? "x" : String.valueOf(n % 5 + 1));
        }
        n++;
      }
    }
    Set<String> answers = checked(b);
    String bookmark = b.driver.getCurrentUrl();
    assertTrue(bookmark.contains("#a="), bookmark);
    b.driver.get("about:blank");
    b.driver.get(bookmark);
    assertEquals(answers, checked(b), "the same answers, and no others");
    String notice = b.driver.findElement(By.id("checkup-notice")).getText();
    assertTrue(notice.startsWith("Answers restored from the link: " + answers.size() + " of 29 statements."), notice);
    assertTrue(b.driver.findElement(By.id("checkup-results")).getText().contains("You have answered " + answers.size() + " of 29 statements."));
    assertEquals(bookmark, b.driver.getCurrentUrl());
    // A jump to a section keeps the code in the address, so a bookmark taken then still holds the answers.
    b.driver.findElement(By.cssSelector("#checkup-notice a[href='#checkup-results']")).click();
    assertEquals(bookmark, b.driver.getCurrentUrl());
  }

  @Test
  void withoutTheClipboardApiCopyingShowsTheLinkToCopyByHand() {
    Browser b = withScript;
    b.size(Browser.DESKTOP);
    open(b, "");
    String statement = themes(b).get(0).statements().get(0);
    click(b, statement, "4");
    // The Async Clipboard API is outside the browser policy: a browser without it must still work.
    b.driver.executeScript("Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });");
    b.driver.findElement(By.xpath("//button[normalize-space()='Copy the link to these answers']")).click();
    String status = b.driver.findElement(By.cssSelector(".checkup-copy-status")).getText();
    assertTrue(status.startsWith("Copy this link: http"), status);
    assertTrue(status.contains("#a=" + b.driver.findElement(By.id("checkup-code")).getText()), status);
  }

  /**
   * Answers every statement with the place {@code everywhere} but {@code statement} with {@code
   * there}, and returns the code. The radio buttons are clicked by a script in one go (each click
   * is a real click event), as the journeys above show answering the slow way.
   */
  private String partner(Browser b, int everywhere, String statement, int there) {
    open(b, "");
    b.driver.executeScript("var a = arguments; document.querySelectorAll('fieldset[data-statement]').forEach(function (f) {"
        + " var id = f.getAttribute('data-statement');"
        + " document.getElementById('answer-' + id + '-' + (id === a[0] ? a[1] : a[2])).click(); });",
        statement, there, everywhere);
    assertEquals(29, checked(b).size());
    return b.driver.findElement(By.id("checkup-code")).getText();
  }

  @Test
  void comparingTwoPartnersPutsTheLargestGapFirst() {
    Browser b = withScript;
    b.size(Browser.DESKTOP);
    String council = partner(b, 4, "currency-measure", 5);
    String trust = partner(b, 2, "currency-measure", 1);
    assertNotEquals(council, trust);
    open(b, "");
    WebElement box = b.driver.findElement(By.id("compare-codes"));
    box.sendKeys("Council: " + council + Keys.ENTER + server.root() + PAGE + "#a=" + trust.toUpperCase());
    b.driver.findElement(By.id("compare-button")).click();
    List<WebElement> agenda = b.driver.findElements(By.cssSelector("ol.checkup-agenda li"));
    assertEquals(29, agenda.size(), "every statement differs");
    assertEquals("5.1 We have at least one measure of progress that every partner values.\nGap 4: Council 5, Partner B 1.", agenda.get(0).getText());
    assertTrue(agenda.get(1).getText().endsWith("\nGap 2: Council 4, Partner B 2."), agenda.get(1).getText());
    // Theme averages: currency (5 + 4 + 4 + 4) / 4 = 4.25 against (1 + 2 + 2 + 2) / 4 = 1.75, a gap of 2.5; every other theme 4 against 2.
    List<String> themeRows = rows(b, "#checkup-compare-themes");
    assertEquals("A shared currency 4.25 1.75 2.5", themeRows.get(0));
    assertEquals("Clarity of purpose 4 2 2", themeRows.get(1));
    assertEquals(List.of("Statement", "Council", "Partner B", "Gap"),
        b.driver.findElements(By.cssSelector("#checkup-compare-statements thead th")).stream().map(WebElement::getText).toList());
    assertTrue(fragment(b).startsWith("compare=Council:" + council + ",Partner%20B:"), fragment(b));
    assertEquals("The board’s agenda: the largest differences first", b.driver.switchTo().activeElement().getText(), "focus moves to the result");

    // The link holds both partners: opened afresh, it shows the same comparison.
    String link = b.driver.getCurrentUrl();
    b.driver.get("about:blank");
    b.driver.get(link);
    assertEquals("5.1 We have at least one measure of progress that every partner values.\nGap 4: Council 5, Partner B 1.",
        b.driver.findElement(By.cssSelector("ol.checkup-agenda li")).getText());
    assertTrue(b.driver.findElement(By.id("compare-codes")).getDomProperty("value").startsWith("Council: " + council + "\nPartner B: "));
    assertEquals(0, checked(b).size(), "comparing does not fill in the worksheet");
  }

  @Test
  void aDamagedCodeInTheAddressShowsAnErrorSummaryAndABlankWorksheet() {
    Browser b = withScript;
    b.size(Browser.DESKTOP);
    String code = partner(b, 3, "", 3);
    // One answer mistyped: the 5th character of the code is the first answer.
    String damaged = code.substring(0, 5) + (code.charAt(5) == '3' ? '4' : '3') + code.substring(6);
    open(b, "#a=" + damaged);
    WebElement summary = b.driver.findElement(By.cssSelector("#checkup-notice .error-summary"));
    assertTrue(summary.isDisplayed());
    assertEquals("alert", summary.getDomAttribute("role"));
    assertEquals(summary, b.driver.switchTo().activeElement(), "focus moves to the error summary");
    assertTrue(summary.getText().startsWith("There is a problem"), summary.getText());
    WebElement fix = summary.findElement(By.cssSelector("a[href='#checkup-worksheet']"));
    assertEquals("The answer code in this page’s address is damaged: part of it is missing or mistyped. Copy it again in full. The worksheet below is blank.", fix.getText());
    assertEquals(0, checked(b).size());
    assertTrue(b.driver.findElement(By.id("checkup-results")).getText().contains("You have answered 0 of 29 statements."));

    // A sound code made for another check-up (another fingerprint).
    open(b, "#a=" + Codes.make("zz99", "3".repeat(29)));
    String foreign = b.driver.findElement(By.cssSelector("#checkup-notice .error-summary")).getText();
    assertTrue(foreign.contains("The answer code in this page’s address was made for a different check-up, or for an earlier version of this one"), foreign);

    // A sound code of this check-up, made independently of the page's script, is read.
    String fp = code.substring(0, 4);
    open(b, "#a=" + Codes.make(fp, "5".repeat(29)));
    assertEquals(29, checked(b).size(), "the Java and JavaScript codes agree: " + Codes.make(fp, "5".repeat(29)));
    assertTrue(b.driver.findElements(By.cssSelector("#checkup-notice .error-summary")).isEmpty());
  }

  @Test
  void aDamagedCodeAmongThePartnersIsReportedAtTheBox() {
    Browser b = withScript;
    b.size(Browser.PHONE);
    String council = partner(b, 4, "", 4);
    open(b, "");
    b.driver.findElement(By.id("compare-codes")).sendKeys("Council: " + council.substring(0, 20) + Keys.ENTER + "Trust: " + council);
    b.driver.findElement(By.id("compare-button")).click();
    WebElement summary = b.driver.findElement(By.cssSelector("#compare-notice .error-summary"));
    assertEquals(summary, b.driver.switchTo().activeElement());
    assertTrue(summary.getText().contains("Line 1 (Council): the code is damaged"), summary.getText());
    assertEquals("true", b.driver.findElement(By.id("compare-codes")).getDomAttribute("aria-invalid"));
    assertTrue(b.driver.findElement(By.id("compare-error")).isDisplayed());
    assertTrue(b.driver.findElements(By.cssSelector("ol.checkup-agenda")).isEmpty(), "no comparison from a damaged code");
    // One code only.
    b.driver.findElement(By.id("compare-codes")).clear();
    b.driver.findElement(By.id("compare-codes")).sendKeys(council);
    b.driver.findElement(By.id("compare-button")).click();
    assertTrue(b.driver.findElement(By.cssSelector("#compare-notice .error-summary")).getText().contains("Paste at least two partners’ codes"));
  }

  @Test
  void withJavaScriptOffTheWorksheetAndTheScoringGuideAreThere() {
    Browser b = withoutScript;
    b.size(Browser.PHONE);
    open(b, "#a=whatever");
    assertEquals(29, b.driver.findElements(By.cssSelector("fieldset.checkup-statement")).size());
    for (WebElement fieldset : b.driver.findElements(By.cssSelector("fieldset.checkup-statement"))) {
      assertTrue(fieldset.findElement(By.tagName("legend")).isDisplayed());
      assertEquals(6, fieldset.findElements(By.cssSelector("input[type=radio]")).size());
    }
    click(b, "purpose-sentence", "4");
    assertTrue(b.driver.findElement(By.id("answer-purpose-sentence-4")).isSelected(), "the answers can be ticked on screen, then printed");
    assertTrue(b.driver.findElement(By.id("scoring")).isDisplayed());
    assertEquals(List.of("Strongly disagree 1", "Disagree 2", "Neither agree nor disagree 3", "Agree 4", "Strongly agree 5", "Don't know no score: leave it out"),
        rows(b, "#checkup-scale"));
    assertTrue(b.driver.findElement(By.cssSelector("table.checkup-tally")).isDisplayed(), "the table to fill in with a pencil");
    assertTrue(b.driver.findElement(By.id("advice-purpose")).isDisplayed());
    for (String hidden : List.of("checkup-results", "checkup-compare", "checkup-notice")) {
      assertFalse(b.driver.findElement(By.id(hidden)).isDisplayed(), hidden + " needs the script, so it is not shown");
    }
    assertTrue(b.driver.findElements(By.cssSelector("[role=alert]")).isEmpty(), "no error without the script: the code is simply not read");
  }

  @Test
  void thePrintedResultFitsA4() {
    Browser b = withScript;
    b.size(Browser.DESKTOP);
    partner(b, 4, "purpose-sentence", 1);
    int withResults = pages(b, "print-result.pdf");
    // Printed as on A4, nothing is wider than the paper: no part of the page is cut off.
    b.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    b.size(new org.openqa.selenium.Dimension(720, 1000));
    try {
      Number overflow = (Number) b.driver.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertEquals(0, overflow.intValue(), "the printed page is no wider than A4");
      Number chartRight = (Number) b.driver.executeScript("return document.querySelector('.checkup-chart svg').getBoundingClientRect().right");
      assertTrue(chartRight.doubleValue() <= 720, "the chart fits: " + chartRight);
      // (The results are drawn again for the new width, so they are looked up afresh.)
      assertEquals("none", b.driver.executeScript("return getComputedStyle(document.querySelector('.checkup-actions')).display"), "no buttons on paper");
      assertEquals("none", b.driver.executeScript("return getComputedStyle(document.querySelector('.checkup-scoring')).display"),
          "a printed result leaves out the guide to scoring by hand");
    } finally {
      b.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
      b.size(Browser.DESKTOP);
    }
    open(b, "");
    int blank = pages(b, "print-blank.pdf");
    System.out.println("check-up printed on A4: the result " + withResults + " pages, the blank worksheet " + blank);
    assertTrue(withResults >= 3 && withResults <= 7, "the result with its answers prints on " + withResults + " A4 pages");
    assertTrue(blank >= 3 && blank <= 9, "the blank worksheet with its guides prints on " + blank + " A4 pages");
  }

  /** Prints the page as Chromium does to A4, keeps the PDF under target/screenshots/checkup/ for people to look at, and counts its pages. */
  static int pages(Browser b, String name) {
    PrintOptions options = new PrintOptions();
    options.setPageSize(new PageSize(29.7, 21.0));
    options.setBackground(false);
    Pdf pdf = b.driver.print(options);
    byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
    try {
      java.nio.file.Files.createDirectories(CheckupQualityIT.SHOTS);
      java.nio.file.Files.write(CheckupQualityIT.SHOTS.resolve(name), bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    Matcher m = Pattern.compile("/Type\\s*/Page[^s]").matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** The answer code, written again in Java from its description in checkup.js, to test codes made elsewhere. */
  static final class Codes {
    static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    static String make(String fingerprint, String answers) {
      String text = fingerprint + answers;
      int p = 36;
      for (char c : text.toCharArray()) {
        int s = (p + ALPHABET.indexOf(c)) % 36;
        p = ((s == 0 ? 36 : s) * 2) % 37;
      }
      long h = 0x811c9dc5L;
      for (char c : text.toCharArray()) {
        h ^= c;
        h = (h * 0x01000193L) & 0xffffffffL;
      }
      return fingerprint + "-" + answers + "-" + ALPHABET.charAt((37 - p) % 36) + ALPHABET.charAt((int) (h % 36));
    }
  }
}
