package org.practicalpartnerships.handbook.safety;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DeclHandler;
import org.xml.sax.ext.DefaultHandler2;

/**
 * An SVG drawing in the content folder, held to the raw-HTML policy ({@link HtmlPolicy}) before it
 * is published: a browser that opens it runs its script, with the handbook's address and without
 * the pages' Content-Security-Policy. Refused, each at its line and column: script-like elements
 * ({@code script}, {@code foreignObject}, {@code iframe}, {@code handler}, ...), event-handler
 * attributes, script URLs in any attribute that holds an address, animations that would set such
 * an attribute or URL, processing instructions ({@code <?xml-stylesheet?>} can make the file a page
 * by XSLT), a DTD of its own (entities, default attributes), a root other than {@code <svg>}, an
 * encoding other than UTF-8, and a file that is not well-formed XML (which browsers show in part,
 * and a lenient reading could judge otherwise than they do).
 *
 * <p>Allowed, unlike in a page: styles ({@code style=} and {@code <style>}), since a drawing's
 * styles run no code and drawing programs write them; and {@code data:image/...} pictures in an
 * {@code <image>}, which browsers show as pictures only.
 *
 * <p>The file is read with the JDK's strict XML parser, namespace prefixes ignored ({@code
 * x:script} is a {@code script}), no external DTD or entity ever loaded.
 */
public final class SvgFile {
  private SvgFile() {}

  private static final Pattern ENCODING = Pattern.compile("\\A\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");

  /** Every problem in the drawing, at its line and column in {@code file}. */
  public static List<Diagnostic> check(SourceText file) {
    List<Diagnostic> found = new ArrayList<>();
    String text = file.text();
    Matcher encoding = ENCODING.matcher(text);
    if (encoding.find() && !List.of("utf-8", "utf8", "us-ascii", "ascii").contains(encoding.group(1).toLowerCase(Locale.ROOT))) {
      found.add(file.atOffset(encoding.start(1), org.practicalpartnerships.handbook.diagnostics.Severity.ERROR,
          "this SVG file says its encoding is '" + encoding.group(1) + "'; save it as UTF-8, so that the build reads it as browsers do"));
      return found;
    }
    Judge judge = new Judge(file, found);
    try {
      XMLReader reader = parser();
      reader.setContentHandler(judge);
      reader.setErrorHandler(judge);
      reader.setProperty("http://xml.org/sax/properties/lexical-handler", judge);
      reader.setProperty("http://xml.org/sax/properties/declaration-handler", (DeclHandler) judge);
      reader.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      reader.parse(new InputSource(new StringReader(text)));
    } catch (SAXParseException e) {
      found.add(at(file, e.getLineNumber(), e.getColumnNumber(), -1,
          "this SVG file is not well-formed XML (" + e.getMessage() + "); browsers show such a file in part or not at all: export it again"));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      found.add(Diagnostic.ofFile(file.displayPath(), org.practicalpartnerships.handbook.diagnostics.Severity.ERROR,
          "this SVG file cannot be read as XML (" + e.getMessage() + ")"));
    }
    return found;
  }

  private static XMLReader parser() throws ParserConfigurationException, SAXException {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(false);
    factory.setValidating(false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newSAXParser().getXMLReader();
  }

  /** The offset of a parser position (1-based line and column; lines end at LF only, as the text was normalised). */
  static int offset(String text, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line && offset < text.length(); l++) {
      int newline = text.indexOf('\n', offset);
      if (newline < 0) {
        return text.length();
      }
      offset = newline + 1;
    }
    return Math.min(text.length(), offset + Math.max(0, column - 1));
  }

  private static Diagnostic at(SourceText file, int line, int column, int offset, String message) {
    int where = offset >= 0 ? offset : offset(file.text(), Math.max(1, line), Math.max(1, column));
    return file.atOffset(where, org.practicalpartnerships.handbook.diagnostics.Severity.ERROR, message);
  }

  /** Judges each element as the parser meets it. */
  private static final class Judge extends DefaultHandler2 {
    private final SourceText file;
    private final List<Diagnostic> found;
    private Locator locator;
    private boolean root = true;
    private boolean declarations;

    Judge(SourceText file, List<Diagnostic> found) {
      this.file = file;
      this.found = found;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    /** Where the parser is: just after what it reported. */
    private int here() {
      return locator == null ? 0 : offset(file.text(), locator.getLineNumber(), locator.getColumnNumber());
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      int end = here();
      int start = Math.max(0, file.text().lastIndexOf('<', Math.max(0, end - 1)));
      String local = HtmlPolicy.localName(qName);
      if (root) {
        root = false;
        if (!local.equals("svg")) {
          found.add(file.atOffset(start, org.practicalpartnerships.handbook.diagnostics.Severity.ERROR,
              "this .svg file's root element is <" + qName + ">, not <svg>: a browser could open it as another kind of document; publish only SVG drawings"));
        }
      }
      Element element = new Element(qName.isEmpty() ? "x" : qName);
      for (int i = 0; i < attributes.getLength(); i++) {
        String name = attributes.getQName(i);
        if (!name.isEmpty()) {
          element.attr(name, attributes.getValue(i));
        }
      }
      for (HtmlPolicy.Violation v : HtmlPolicy.violations(element)) {
        if (allowed(local, element, v)) {
          continue;
        }
        int where = v.wholeElement() ? start : attributeOffset(start, end, v.attribute());
        String message = v.wholeElement() ? "<" + qName + "> is not allowed in an SVG file: a browser that opens the file would run it" : v.message();
        found.add(file.atOffset(where, org.practicalpartnerships.handbook.diagnostics.Severity.ERROR, message));
      }
    }

    /** What a drawing may hold that a page may not: styles, and pictures as {@code data:image/} URLs. */
    private static boolean allowed(String local, Element element, HtmlPolicy.Violation v) {
      if (v.wholeElement()) {
        return local.equals("style");
      }
      if (v.attribute().equals("style")) {
        return true;
      }
      if ((local.equals("image") || local.equals("feimage")) && HtmlPolicy.holdsAddress(v.attribute())) {
        return element.attr(v.attribute()).strip().toLowerCase(Locale.ROOT).startsWith("data:image/");
      }
      return false;
    }

    /** Where an attribute is written in the start tag from {@code start} to {@code end}. */
    private int attributeOffset(int start, int end, String attribute) {
      String tag = file.text().substring(start, Math.max(start, Math.min(end, file.text().length())));
      Matcher m = Pattern.compile("(?i)\\s(" + Pattern.quote(attribute) + ")\\s*=").matcher(tag);
      return m.find() ? start + m.start(1) : start;
    }

    @Override
    public void processingInstruction(String target, String data) {
      int end = here();
      int start = Math.max(0, file.text().lastIndexOf("<?", Math.max(0, end - 1)));
      found.add(file.atOffset(start, org.practicalpartnerships.handbook.diagnostics.Severity.ERROR,
          "the processing instruction <?" + target + "?> is not allowed in an SVG file: <?xml-stylesheet?> can turn the drawing into a page that runs script"));
    }

    private void declaration() {
      if (!declarations) {
        declarations = true;
        found.add(file.atOffset(Math.max(0, file.text().indexOf("<!DOCTYPE")), org.practicalpartnerships.handbook.diagnostics.Severity.ERROR,
            "this SVG file declares entities, elements or attributes of its own in its DOCTYPE, which can add event handlers or grow without end; remove the declarations"));
      }
    }

    @Override
    public void elementDecl(String name, String model) {
      declaration();
    }

    @Override
    public void attributeDecl(String element, String attribute, String type, String mode, String value) {
      declaration();
    }

    @Override
    public void internalEntityDecl(String name, String value) {
      declaration();
    }

    @Override
    public void externalEntityDecl(String name, String publicId, String systemId) {
      declaration();
    }

    @Override
    public void startEntity(String name) {
      // Entities cannot be declared (declaration()), so only XML's own are ever met.
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }
}
