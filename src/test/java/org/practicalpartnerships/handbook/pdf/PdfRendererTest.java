package org.practicalpartnerships.handbook.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the fixture handbook's PDF back with PDFBox and checks what a reader would notice. */
class PdfRendererTest {
  private static final PdfRenderer RENDERER = new PdfRenderer();
  private static PdfResult result;
  private static PDDocument pdf;
  private static List<String> pages;

  @BeforeAll
  static void render() throws IOException {
    result = RENDERER.render(PdfFixture.book());
    assertEquals(List.of(), result.diagnostics(), "the fixture renders without problems");
    pdf = Loader.loadPDF(result.pdf());
    pages = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
      stripper.setStartPage(i);
      stripper.setEndPage(i);
      pages.add(stripper.getText(pdf));
    }
  }

  @AfterAll
  static void close() throws IOException {
    pdf.close();
  }

  @Test
  void coverThenContentsThenEveryChapterOnANewPage() throws IOException {
    assertEquals(pdf.getNumberOfPages(), result.pages());
    assertTrue(pages.get(0).contains("Practical partnerships"), pages.get(0));
    assertTrue(pages.get(0).contains("Edition of 1 December 2026"), pages.get(0));
    assertTrue(pages.get(0).contains("Creative Commons Attribution 4.0"), pages.get(0));
    assertTrue(pages.get(1).startsWith("Contents") || pages.get(1).contains("\nContents"), pages.get(1));
    List<PDOutlineItem> chapters = all(pdf.getDocumentCatalog().getDocumentOutline()).stream()
        .filter(b -> List.of("Introduction", "Working together", "Co-operation", "Figures and tables", "Glossary").contains(b.getTitle())).toList();
    List<Integer> starts = new ArrayList<>();
    for (PDOutlineItem chapter : chapters) {
      int start = page(chapter.getDestination());
      starts.add(start);
      String top = pages.get(start).strip();
      // The running header, then the chapter's heading: nothing of the chapter before it on that page.
      assertTrue(top.startsWith(chapter.getTitle() + "\n" + chapter.getTitle()), "chapter '" + chapter.getTitle() + "' starts a page:\n" + top);
    }
    assertEquals(5, starts.size());
    assertEquals(2, (int) starts.get(0), "the first chapter follows the cover and the contents");
    assertTrue(starts.get(1) - starts.get(0) >= 2, "the long introduction runs over several pages: " + starts);
  }

  @Test
  void contentsGivesThePageEachChapterStartsOn() throws IOException {
    Matcher m = Pattern.compile("(?m)^(Introduction|Working together|Co-operation|Figures and tables|Glossary)\\s*\\.*\\s*(\\d+)\\s*$").matcher(pages.get(1));
    int found = 0;
    while (m.find()) {
      found++;
      int printed = Integer.parseInt(m.group(2));
      assertTrue(pages.get(printed - 1).contains(m.group(1)), m.group(1) + " is on page " + printed);
      assertTrue(pages.get(printed - 1).contains("Page " + printed + " of " + pdf.getNumberOfPages()), "footer of page " + printed);
    }
    assertEquals(5, found, "every chapter in the contents:\n" + pages.get(1));
  }

  @Test
  void bookmarksNestLikeTheChaptersAndTheirHeadings() throws IOException {
    StringBuilder tree = new StringBuilder();
    outline(pdf.getDocumentCatalog().getDocumentOutline(), "", tree);
    assertEquals("""
        Contents
        Introduction
          Why it matters
            A detail
        Working together
          Co-operation
            First steps
        Figures and tables
          Results table
          A figure
        Glossary
        """, tree.toString());
    for (PDOutlineItem item : all(pdf.getDocumentCatalog().getDocumentOutline())) {
      int page = page(item.getDestination());
      assertTrue(pages.get(page).contains(item.getTitle()), "bookmark '" + item.getTitle() + "' leads to the page showing it");
    }
  }

  @Test
  void everyInternalLinkLeadsToAPageOfThePdf() throws IOException {
    int internal = 0;
    for (PDPage page : pdf.getPages()) {
      for (PDAnnotation a : page.getAnnotations()) {
        if (a instanceof PDAnnotationLink link && !(link.getAction() instanceof PDActionURI)) {
          internal++;
          Object destination = link.getAction() instanceof PDActionGoTo goTo ? goTo.getDestination() : link.getDestination();
          int target = page((PDPageDestination) destination);
          assertTrue(target >= 0 && target < pdf.getNumberOfPages(), "link target page " + target);
        }
      }
    }
    // 5 contents entries (text and page number), 4 links in the chapters.
    assertTrue(internal >= 9, "internal links: " + internal);
    PDAnnotationLink toTable = linkNamed("internal link to the results table");
    int target = page((PDPageDestination) ((PDActionGoTo) toTable.getAction()).getDestination());
    assertTrue(pages.get(target).contains("Results table"), "the link leads to the table's page");
  }

  @Test
  void externalLinksStayClickableAndTheirAddressesArePrinted() throws IOException {
    List<String> uris = new ArrayList<>();
    for (PDPage page : pdf.getPages()) {
      for (PDAnnotation a : page.getAnnotations()) {
        if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
          uris.add(uri.getURI());
        }
      }
    }
    assertTrue(uris.contains("https://example.org/report.html"), uris.toString());
    assertTrue(uris.contains("mailto:team@example.org"), uris.toString());
    String all = String.join("\n", pages).replaceAll("\\s+", " ");
    // Long addresses may wrap anywhere, so compare without spaces.
    String squashed = all.replace(" ", "");
    assertTrue(squashed.contains("thefullreport(https://example.org/report.html)"), "address printed after the link");
    assertTrue(squashed.contains("theteam(mailto:team@example.org)"), "mail address printed after the link");
    assertTrue(all.contains("The address https://example.org/ is printed once"), "a link whose text is its address is not repeated");
  }

  @Test
  void aLinkToAPageLeftOutKeepsItsTextOrGoesToThePublishedSite() throws IOException {
    String all = String.join("\n", pages).replaceAll("\\s+", " ");
    assertTrue(all.contains("leaves out: the first question."), all);
    for (PDPage page : pdf.getPages()) {
      for (PDAnnotation a : page.getAnnotations()) {
        assertFalse(a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri && uri.getURI().contains("goals"), "no link without a base address");
      }
    }
    PdfResult published = RENDERER.render(PdfFixture.book(Optional.of("https://example.org/handbook/")));
    try (PDDocument doc = Loader.loadPDF(published.pdf())) {
      List<String> uris = new ArrayList<>();
      for (PDPage page : doc.getPages()) {
        for (PDAnnotation a : page.getAnnotations()) {
          if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
            uris.add(uri.getURI());
          }
        }
      }
      assertTrue(uris.contains("https://example.org/handbook/decide/goals.html"), uris.toString());
    }
  }

  @Test
  void theTextOfEverySectionIsThereInReadingOrder() {
    String all = String.join("\n", pages.subList(2, pages.size())).replaceAll("\\s+", " ");
    int at = 0;
    for (String text : List.of("This fixture stands in for the handbook’s print page", "“curly quotes”, an en dash –",
        "Money follows purpose more reliably", "A fourth-level heading nests under the third.", "This chapter has a child chapter",
        "Co-operation asks less of partners", "Callout: what comes from the sources", "Meet again in a month.", "Results table",
        "Competition Own goals Not stated", "Figure: goals shape behaviour.", "Partners’ confidence that the others will act fairly",
        "A goal that all partners hold.")) {
      int found = all.indexOf(text, at);
      assertTrue(found >= 0, "'" + text + "' after position " + at);
      at = found + text.length();
    }
    assertFalse(all.contains("individual goals:"), "tooltips are not printed");
    assertFalse(all.contains("Link to this section"), "heading anchors are not printed");
  }

  @Test
  void runningHeaderNamesTheChapterAndFooterCountsPages() throws IOException {
    int introduction = page(children(pdf.getDocumentCatalog().getDocumentOutline()).get(1).getDestination());
    String second = pages.get(introduction + 1);
    assertTrue(second.startsWith("Introduction"), "running header on the introduction's second page:\n" + second);
    assertTrue(second.contains("Page " + (introduction + 2) + " of " + pdf.getNumberOfPages()), second);
    assertFalse(pages.get(0).contains("Page 1 of"), "no footer on the cover");
  }

  @Test
  void calloutsTablesAndHeadingsAreKeptWithWhatBelongsToThem() {
    int callout = indexOfPage("Callout: what comes from the sources");
    assertTrue(pages.get(callout).contains("Co-operation asks less of partners"), "the callout is not pushed away from the text before it");
    int table = indexOfPage("Results table");
    for (String row : List.of("Co-ordination Collective goal Predictable", "Co-evolution Collective goal Only broad aims", "Competition Own goals Not stated")) {
      assertTrue(pages.get(table).replaceAll("\\s+", " ").contains(row), "the table is not cut: " + row);
    }
    List<String> headings = List.of("Why it matters", "A detail", "First steps", "Results table", "A figure");
    for (String page : pages) {
      List<String> lines = Arrays.stream(page.split("\\R")).map(String::strip).filter(l -> !l.isEmpty() && !l.matches("Page \\d+ of \\d+")).toList();
      assertFalse(!lines.isEmpty() && headings.contains(lines.get(lines.size() - 1)), "a heading is left alone at a page foot:\n" + page);
    }
  }

  @Test
  void fontsAreEmbedded() throws IOException {
    int fonts = 0;
    for (PDPage page : pdf.getPages()) {
      PDResources resources = page.getResources();
      for (COSName name : resources.getFontNames()) {
        PDFont font = resources.getFont(name);
        fonts++;
        assertTrue(font.isEmbedded(), font.getName() + " is embedded");
        assertTrue(font instanceof PDType0Font && font.getName().contains("AtkinsonHyperlegibleNext"), font.getName());
      }
    }
    assertTrue(fonts > 0);
  }

  @Test
  void titleLanguageAndDatesAreSetForViewersAndArchives() throws IOException {
    var info = pdf.getDocumentInformation();
    assertEquals("Practical partnerships", info.getTitle());
    assertEquals("A plain-English handbook for partners.", info.getSubject());
    assertEquals("Practical Partnerships Network", info.getAuthor());
    Calendar created = info.getCreationDate();
    created.setTimeZone(TimeZone.getTimeZone("UTC"));
    assertEquals(List.of(2026, Calendar.DECEMBER, 1, 0), List.of(created.get(Calendar.YEAR), created.get(Calendar.MONTH), created.get(Calendar.DAY_OF_MONTH), created.get(Calendar.HOUR_OF_DAY)));
    assertEquals(info.getCreationDate().getTimeInMillis(), info.getModificationDate().getTimeInMillis());
    var catalog = pdf.getDocumentCatalog();
    assertEquals("en-GB", catalog.getLanguage());
    assertTrue(catalog.getViewerPreferences().displayDocTitle(), "viewers show the title, not the file name");
    assertTrue(catalog.getMarkInfo().isMarked(), "tagged");
    String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
    assertTrue(xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>"), xmp);
    assertTrue(xmp.contains("<xmp:CreateDate>2026-12-01T00:00:00+00:00</xmp:CreateDate>"), xmp);
    assertFalse(xmp.matches("(?s).*<xmp:\\w+Date>(?!2026-12-01T00:00:00).*"), "no date but the edition's in the XMP");
  }

  @Test
  void headingsTablesFiguresAndLinksAreTagged() throws IOException {
    List<String> types = new ArrayList<>();
    List<String> figures = new ArrayList<>();
    List<String> headerScopes = new ArrayList<>();
    walk(pdf.getDocumentCatalog().getStructureTreeRoot(), types, figures, headerScopes);
    for (String type : List.of("H1", "H2", "H3", "H4", "Table", "TR", "TH", "TD", "L", "LI", "Link", "Figure")) {
      assertTrue(types.contains(type), type + " in " + new java.util.TreeSet<>(types));
    }
    assertEquals(List.of("Two boxes joined by an arrow A box labelled Goals on the left points to a box labelled Behaviour on the right.",
        "Three overlapping circles, one for each partner"), figures);
    assertEquals(List.of("Column", "Column", "Column"), headerScopes, "table headers head their columns");
    assertEquals(1, types.stream().filter("H1"::equals).count(), "one level-1 heading: the title on the cover");
  }

  @Test
  void everyLinkHasADescriptionAndNoneRunsScript() throws IOException {
    for (PDPage page : pdf.getPages()) {
      for (PDAnnotation a : page.getAnnotations()) {
        if (a instanceof PDAnnotationLink link) {
          assertNotNull(link.getContents());
          assertFalse(link.getContents().isBlank());
          assertFalse(link.getAction() instanceof PDActionJavaScript);
        }
      }
    }
    assertEquals("the full report (https://example.org/report.html)", linkNamed("the full report (https://example.org/report.html)").getContents());
  }

  @Test
  void theSameRequestGivesTheSameBytesAndOtherContentAnotherId() throws IOException {
    PdfResult again = new PdfRenderer().render(PdfFixture.book());
    assertArrayEquals(result.pdf(), again.pdf(), "two renders give identical bytes");

    PdfRequest book = PdfFixture.book();
    List<PdfChapter> changed = new ArrayList<>(book.body().chapters());
    PdfChapter last = changed.remove(changed.size() - 1);
    changed.add(new PdfChapter(last.id(), last.title(), last.depth(), last.html().replace("A goal that all partners hold.", "A goal every partner holds.")));
    PdfResult other = RENDERER.render(new PdfRequest(book.edition(), PdfBody.book("print.html", changed, "Contents"), book.stylesheet(), book.site(), book.templates()));
    try (PDDocument doc = Loader.loadPDF(other.pdf())) {
      COSArray id = doc.getDocument().getTrailer().getCOSArray(COSName.ID);
      COSArray first = pdf.getDocument().getTrailer().getCOSArray(COSName.ID);
      assertNotNull(first);
      assertFalse(first.toString().equals(id.toString()), "a different document gets a different ID");
    }
  }

  @Test
  void rendersOnSeveralThreadsAtOnceGiveTheSameBytes() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> RENDERER.render(PdfFixture.book()));
      var second = pool.submit(() -> RENDERER.render(PdfFixture.book()));
      assertArrayEquals(result.pdf(), first.get().pdf());
      assertArrayEquals(result.pdf(), second.get().pdf());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anSvgFileShownAsAnImageIsDrawnAsVectors() throws IOException {
    PdfResult one = RENDERER.render(PdfFixture.page("<h1>Arrow</h1><p><img src=\"images/arrow.svg\" alt=\"An arrow pointing right\"></p>", PdfFixture.stylesheet()));
    assertEquals(List.of(), one.diagnostics());
    try (PDDocument doc = Loader.loadPDF(one.pdf())) {
      PDResources resources = doc.getPage(0).getResources();
      List<Object> objects = new ArrayList<>();
      for (COSName name : resources.getXObjectNames()) {
        objects.add(resources.getXObject(name));
      }
      assertTrue(objects.stream().anyMatch(o -> o instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject), "a vector form: " + objects);
      assertFalse(objects.stream().anyMatch(o -> o instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject), "no bitmap: " + objects);
      List<String> figures = new ArrayList<>();
      walk(doc.getDocumentCatalog().getStructureTreeRoot(), new ArrayList<>(), figures, new ArrayList<>());
      assertEquals(List.of("An arrow pointing right"), figures);
    }
  }

  @Test
  void aSinglePageHasNoCoverAndItsOwnHeadingFirst() throws IOException {
    String html = """
        <article><h1>Partnership agreement template</h1><p>Fill in each part.</p>
        <h2 id="parties">The parties</h2><p>Who signs.</p><h2 id="purpose">The purpose</h2><p>Why.</p></article>""";
    PdfResult one = RENDERER.render(PdfFixture.page(html, PdfFixture.stylesheet()));
    assertEquals(List.of(), one.diagnostics());
    assertEquals(1, one.pages());
    try (PDDocument doc = Loader.loadPDF(one.pdf())) {
      StringBuilder tree = new StringBuilder();
      outline(doc.getDocumentCatalog().getDocumentOutline(), "", tree);
      assertEquals("A page\n  The parties\n  The purpose\n", tree.toString());
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      String text = stripper.getText(doc);
      assertTrue(text.strip().startsWith("A page\nPartnership agreement template"), "running header, then the page's heading:\n" + text);
      assertTrue(text.contains("Page 1 of 1"), text);
    }
  }

  // ---- helpers ----

  private static int indexOfPage(String text) {
    for (int i = 0; i < pages.size(); i++) {
      if (pages.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no page shows '" + text + "'");
  }

  private static PDAnnotationLink linkNamed(String contents) throws IOException {
    for (PDPage page : pdf.getPages()) {
      for (PDAnnotation a : page.getAnnotations()) {
        if (a instanceof PDAnnotationLink link && contents.equals(link.getContents())) {
          return link;
        }
      }
    }
    throw new AssertionError("no link described as '" + contents + "'");
  }

  private static int page(PDPageDestination destination) throws IOException {
    return destination.retrievePageNumber();
  }

  private static int page(Object destination) throws IOException {
    return page((PDPageDestination) destination);
  }

  private static List<PDOutlineItem> children(PDOutlineNode node) {
    List<PDOutlineItem> items = new ArrayList<>();
    node.children().forEach(items::add);
    return items;
  }

  private static List<PDOutlineItem> all(PDOutlineNode node) {
    List<PDOutlineItem> items = new ArrayList<>();
    for (PDOutlineItem child : node.children()) {
      items.add(child);
      items.addAll(all(child));
    }
    return items;
  }

  private static void outline(PDOutlineNode node, String indent, StringBuilder out) {
    for (PDOutlineItem child : node.children()) {
      out.append(indent).append(child.getTitle()).append('\n');
      outline(child, indent + "  ", out);
    }
  }

  private static void walk(PDStructureNode node, List<String> types, List<String> figures, List<String> scopes) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        types.add(e.getStructureType());
        if (e.getStructureType().equals("Figure")) {
          figures.add(e.getAlternateDescription());
        }
        if (e.getStructureType().equals("TH")) {
          var attributes = e.getCOSObject().getDictionaryObject(COSName.A);
          String scope = attributes == null ? "" : attributes.toString().replaceAll("(?s).*COSName\\{Scope\\}:COSName\\{(\\w+)\\}.*", "$1");
          scopes.add(scope);
        }
        walk(e, types, figures, scopes);
      }
    }
  }
}
