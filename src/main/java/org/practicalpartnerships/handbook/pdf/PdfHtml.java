package org.practicalpartnerships.handbook.pdf;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Tag;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.model.Href;
import org.practicalpartnerships.handbook.model.SitePaths;

/**
 * Assembles the one HTML document the PDF is laid out from: head with metadata, stylesheet link and
 * bookmarks; cover; contents; the chapters, their links made fit for paper.
 */
final class PdfHtml {
  /** The scheme of addresses in the built site (images). */
  static final String SITE = "site";
  /** The scheme of addresses in the templates folder (the stylesheet and its fonts). */
  static final String TEMPLATES = "templates";

  /** Classes the stylesheet can style; documented in the package summary and used by pdf.css. */
  static final String COVER = "pdf-cover";
  static final String CONTENTS = "pdf-contents";
  static final String CHAPTER = "pdf-chapter";
  static final String CHAPTER_TITLE = "pdf-chapter-title";
  static final String RUNNING_TITLE = "pdf-running-title";
  static final String EXTERNAL = "pdf-external";
  static final String BLANK_CELL = "pdf-blank";

  private static final String HEADINGS = "h1, h2, h3, h4, h5, h6";

  private PdfHtml() {}

  static String baseUri(PdfRequest request) {
    return SITE + ":/" + request.body().documentPath();
  }

  static String stylesheetUri(PdfRequest request) {
    return TEMPLATES + ":/" + request.stylesheet().path();
  }

  /**
   * The assembled document and the text of each of its links by the link's id, from which the
   * PDF's link annotations get their descriptions.
   */
  record Assembled(Document document, Map<String, String> linkTexts) {}

  static Assembled assemble(PdfRequest request, Consumer<Diagnostic> report) {
    PdfEdition edition = request.edition();
    PdfBody body = request.body();
    Document doc = new Document(baseUri(request));
    doc.outputSettings().prettyPrint(false);
    Element html = doc.appendElement("html").attr("lang", edition.language());
    Element head = html.appendElement("head");
    head.appendElement("meta").attr("charset", "utf-8");
    head.appendElement("title").text(edition.title());
    meta(head, "subject", edition.description());
    meta(head, "author", edition.author());
    head.appendElement("link").attr("rel", "stylesheet").attr("type", "text/css").attr("href", stylesheetUri(request));
    Element page = html.appendElement("body");

    if (body.cover()) {
      cover(page.appendElement("section").addClass(COVER), edition);
    }
    List<Element> chapterRoots = new ArrayList<>();
    Element contentsList = null;
    if (body.contentsHeading().isPresent()) {
      Element nav = page.appendElement("nav").addClass(CONTENTS).id("pdf-contents");
      nav.appendElement(body.cover() ? "h2" : "h1").id("pdf-contents-title").text(body.contentsHeading().get());
      contentsList = nav.appendElement("ol");
    }
    int headingLevel = body.cover() ? 2 : 1;
    for (PdfChapter chapter : body.chapters()) {
      chapterRoots.add(chapter(page, chapter, headingLevel, request));
    }
    if (contentsList != null) {
      contents(contentsList, body.chapters());
    }

    Set<String> ids = new HashSet<>();
    int generated = 0;
    for (Element root : chapterRoots) {
      // What a page hides until its script shows it (a check-up's results) is not on paper: no
      // bookmark may lead into it.
      root.select("[hidden]").remove();
      for (Element heading : root.select(HEADINGS)) {
        if (heading.id().isEmpty()) {
          heading.id("pdf-heading-" + ++generated);
        }
      }
    }
    for (Element e : page.select("[id]")) {
      ids.add(e.id());
    }
    links(page, request, ids);
    figures(page, request, report);
    tables(page);
    bookmarks(head, body, chapterRoots);
    return new Assembled(doc, linkTexts(page, ids));
  }

  private static void meta(Element head, String name, String content) {
    if (!content.isBlank()) {
      head.appendElement("meta").attr("name", name).attr("content", content);
    }
  }

  private static void cover(Element cover, PdfEdition edition) {
    cover.appendElement("h1").addClass("pdf-title").text(edition.title());
    if (!edition.description().isBlank()) {
      cover.appendElement("p").addClass("pdf-description").text(edition.description());
    }
    Locale locale = Locale.forLanguageTag(edition.language());
    String date = edition.date().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    cover.appendElement("p").addClass("pdf-edition").appendElement("time").attr("datetime", edition.date().toString()).text(date);
    if (!edition.author().isBlank()) {
      cover.appendElement("p").addClass("pdf-author").text(edition.author());
    }
    if (!edition.licence().isBlank()) {
      cover.appendElement("p").addClass("pdf-licence").text(edition.licence());
    }
  }

  /** Appends the chapter to the page and returns its root element. */
  private static Element chapter(Element page, PdfChapter chapter, int headingLevel, PdfRequest request) {
    Document fragment = Jsoup.parseBodyFragment(chapter.html(), baseUri(request));
    Element fragmentBody = fragment.body();
    Element root = fragmentBody.getElementById(chapter.id());
    List<Node> nodes = new ArrayList<>(fragmentBody.childNodes());
    if (root == null) {
      root = new Element("section").id(chapter.id());
      for (Node node : nodes) {
        root.appendChild(node);
      }
      page.appendChild(root);
    } else {
      for (Node node : nodes) {
        page.appendChild(node);
      }
    }
    root.addClass(CHAPTER).addClass("pdf-depth-" + chapter.depth());
    Element title = root.selectFirst(HEADINGS);
    if (title == null) {
      title = new Element("h" + headingLevel).text(chapter.title());
      root.prependChild(title);
    }
    title.addClass(CHAPTER_TITLE);
    // The running header: the stylesheet moves this element into the page margin (running()),
    // where it is drawn as an artifact on every page until the next chapter's replaces it.
    title.before(new Element("div").addClass(RUNNING_TITLE).text(chapter.title()));
    // Scripts, forms and inline styles have no place on paper (and pages carry none).
    root.select("script, noscript, style, template, form, button, input, select, textarea").remove();
    // The renderer turns an onclick on a link into a PDF JavaScript action; pages never need one.
    for (Element e : root.getAllElements()) {
      List<String> handlers = e.attributes().asList().stream().map(a -> a.getKey()).filter(k -> k.toLowerCase(Locale.ROOT).startsWith("on")).toList();
      handlers.forEach(e::removeAttr);
    }
    return root;
  }

  private static void contents(Element list, List<PdfChapter> chapters) {
    Deque<Element> lists = new ArrayDeque<>();
    lists.push(list);
    Element last = null;
    int depth = 1;
    for (PdfChapter chapter : chapters) {
      while (chapter.depth() > depth && last != null) {
        lists.push(last.appendElement("ol"));
        depth++;
      }
      while (chapter.depth() < depth && lists.size() > 1) {
        lists.pop();
        depth--;
      }
      last = lists.peek().appendElement("li");
      last.appendElement("a").attr("href", "#" + chapter.id()).text(chapter.title());
    }
  }

  /**
   * Links within the PDF stay; links to pages the PDF leaves out point to the published site when
   * its address is known, otherwise keep only their text; external links are marked so the
   * stylesheet can print their address.
   */
  private static void links(Element page, PdfRequest request, Set<String> ids) {
    String from = request.body().documentPath();
    for (Element a : page.select("a[href]")) {
      Href href = Href.parse(a.attr("href"));
      switch (href.kind()) {
        case EXTERNAL -> markExternal(a);
        case RELATIVE -> {
          String fragment = href.fragment();
          String target = href.path().isEmpty() ? from : SitePaths.resolve(from, href.path()).orElse(null);
          if (target != null && target.equals(from)) {
            if (ids.contains(fragment)) {
              a.attr("href", "#" + fragment);
            } else {
              a.unwrap();
            }
          } else if (target != null && request.edition().baseUrl().isPresent()) {
            String base = request.edition().baseUrl().get();
            a.attr("href", base + (base.endsWith("/") ? "" : "/") + target + (fragment.isEmpty() ? "" : "#" + fragment));
            markExternal(a);
          } else {
            a.unwrap();
          }
        }
        default -> a.unwrap();
      }
    }
  }

  /**
   * Every link gets an id (so the renderer can say where it laid it out) and its description: its
   * text, and for a link whose address is printed after it, that address too.
   */
  private static Map<String, String> linkTexts(Element page, Set<String> ids) {
    Map<String, String> texts = new LinkedHashMap<>();
    int n = 0;
    for (Element a : page.select("a[href]")) {
      if (a.id().isEmpty()) {
        String id;
        do {
          id = "pdf-link-" + ++n;
        } while (ids.contains(id));
        a.id(id);
      }
      String text = a.text().strip();
      if (a.hasClass(EXTERNAL)) {
        text = text + " (" + a.attr("href") + ")";
      }
      if (text.isEmpty()) {
        Element image = a.selectFirst("img[alt], svg[alt]");
        text = image == null ? "" : image.attr("alt").strip();
      }
      texts.put(a.id(), text);
    }
    return texts;
  }

  /** Marks a link whose address should be printed after it, unless its text already is the address. */
  private static void markExternal(Element a) {
    String href = a.attr("href");
    String text = a.text().strip();
    String bare = href.replaceFirst("^(?i)(https?://|mailto:)", "").replaceFirst("/$", "");
    if (!text.equals(href) && !text.equals(bare) && !text.replaceFirst("/$", "").equals(bare)) {
      a.addClass(EXTERNAL);
    }
  }

  /**
   * Gives every inline SVG figure its text alternative as {@code alt}, which the renderer puts in
   * the tagged PDF's Figure: its {@code aria-label}, the text of its {@code aria-labelledby}
   * targets, or its {@code <title>}.
   */
  private static void figures(Element page, PdfRequest request, Consumer<Diagnostic> report) {
    String font = figureFont(request.stylesheet().css());
    for (Element svg : page.select("svg")) {
      if (svg.parents().stream().anyMatch(p -> p.normalName().equals("svg"))) {
        continue;
      }
      if (!font.isEmpty()) {
        useFont(svg, font);
      }
      String alt = svg.attr("aria-label").strip();
      if (alt.isEmpty() && svg.hasAttr("aria-labelledby")) {
        StringBuilder text = new StringBuilder();
        for (String id : svg.attr("aria-labelledby").strip().split("\\s+")) {
          Element label = page.getElementById(id);
          if (label != null) {
            text.append(text.length() == 0 ? "" : " ").append(label.text().strip());
          }
        }
        alt = text.toString();
      }
      if (alt.isEmpty()) {
        Element title = svg.selectFirst("> title");
        alt = title == null ? "" : title.text().strip();
      }
      if (alt.isEmpty()) {
        report.accept(Diagnostic.ofFile(request.body().documentPath(), Severity.WARNING,
            "an SVG figure has no text alternative (aria-label, aria-labelledby or <title>), so the PDF's figure has none"));
      }
      svg.attr("alt", alt);
    }
  }

  private static final Pattern FONT_FACE_FAMILY =
      Pattern.compile("@font-face\\s*\\{[^}]*?font-family\\s*:\\s*(?:\"([^\"]+)\"|'([^']+)'|([^;}]+))");
  private static final Set<String> GENERIC_FAMILIES =
      Set.of("serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-sans-serif", "ui-serif", "ui-monospace", "ui-rounded");

  /** The stylesheet's first {@code @font-face} family, or "" when it declares none. */
  static String figureFont(String css) {
    Matcher m = FONT_FACE_FAMILY.matcher(css);
    if (!m.find()) {
      return "";
    }
    String family = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    return family.strip();
  }

  /**
   * SVG text is drawn by Batik, which knows only the stylesheet's {@code @font-face} fonts and the
   * machine's own. Text that asks for no font or only a generic family ("sans-serif") gets the
   * stylesheet's first font, so figures look the same on every machine and match the text.
   */
  private static void useFont(Element svg, String font) {
    String quoted = "'" + font.replace("'", "") + "'";
    if (!svg.hasAttr("font-family")) {
      svg.attr("font-family", quoted);
    }
    for (Element e : svg.select("[font-family]")) {
      boolean generic = Arrays.stream(e.attr("font-family").split(","))
          .map(f -> f.strip().replaceAll("^[\"']|[\"']$", "").toLowerCase(Locale.ROOT))
          .allMatch(GENERIC_FAMILIES::contains);
      if (generic) {
        e.attr("font-family", quoted + ", " + e.attr("font-family"));
      }
    }
  }

  /**
   * Header cells get a scope, so assistive technology can tie each data cell to its headers: a
   * header in the table head or in a row of headers only heads its column, any other heads its row.
   * Empty cells are marked for the stylesheet, which gives them room to write in.
   */
  private static void tables(Element page) {
    for (Element td : page.select("td")) {
      if (td.children().isEmpty() && td.text().replace('\u00a0', ' ').isBlank()) {
        td.addClass(BLANK_CELL);
      }
    }
    for (Element th : page.select("th:not([scope])")) {
      Element row = th.parent();
      boolean inHead = row != null && row.parent() != null && row.parent().normalName().equals("thead");
      boolean headerRow = row != null && row.children().stream().allMatch(cell -> cell.normalName().equals("th"));
      th.attr("scope", inHead || headerRow ? "col" : "row");
    }
  }

  /** An open bookmark while nesting: its level and its element. */
  private record Open(int level, Element element) {}

  /** openhtmltopdf's {@code <bookmarks>}: the chapters nested by depth, each with its headings. */
  private static void bookmarks(Element head, PdfBody body, List<Element> chapterRoots) {
    Element bookmarks = new Element(Tag.valueOf("bookmarks"), "");
    head.appendChild(bookmarks);
    Deque<Open> open = new ArrayDeque<>();
    open.push(new Open(0, bookmarks));
    if (body.contentsHeading().isPresent()) {
      bookmark(bookmarks, body.contentsHeading().get(), "pdf-contents");
    }
    for (int i = 0; i < chapterRoots.size(); i++) {
      PdfChapter chapter = body.chapters().get(i);
      Element root = chapterRoots.get(i);
      Element title = root.selectFirst("." + CHAPTER_TITLE);
      int titleRank = rank(title);
      nest(open, chapter.depth(), chapter.title(), chapter.id());
      for (Element heading : root.select(HEADINGS)) {
        if (heading != title && rank(heading) > titleRank) {
          // A chapter's headings nest under it, however deep its own heading is.
          nest(open, chapter.depth() + rank(heading) - titleRank, heading.text(), heading.id());
        }
      }
    }
  }

  private static void nest(Deque<Open> open, int level, String name, String id) {
    while (open.peek().level() >= level) {
      open.pop();
    }
    open.push(new Open(level, bookmark(open.peek().element(), name, id)));
  }

  private static Element bookmark(Element parent, String name, String id) {
    Element b = new Element(Tag.valueOf("bookmark"), "");
    parent.appendChild(b);
    return b.attr("name", name.strip()).attr("href", "#" + id);
  }

  private static int rank(Element heading) {
    return heading == null ? 0 : heading.normalName().charAt(1) - '0';
  }
}
