package org.practicalpartnerships.handbook.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;

/**
 * Makes a rendered PDF reproducible: the renderer stamps the clock's time into the document
 * information and the XMP metadata and PDFBox would make a random document ID; here the dates
 * become the edition's and the ID a digest of everything the PDF was made from.
 */
final class PdfFinish {
  /** The renderer's one date in its XMP (xmpbox's serialisation, as openhtmltopdf 1.1.31 writes it). */
  private static final Pattern CREATE_DATE = Pattern.compile("<xmp:CreateDate>[^<]*</xmp:CreateDate>");

  /**
   * The XMP written the same way whatever XML library the class path offers. The renderer
   * serialises it with {@code TransformerFactory.newInstance()}, which picks the first library
   * found (the JDK's, or Saxon in a test's class path), and each lays out attributes, namespaces
   * and indentation its own way. Read back with the JDK's own parser (which keeps attributes in
   * name order) and written by the JDK's own transformer, without the white space between
   * elements (which means nothing in RDF/XML), it is the same bytes everywhere.
   */
  static String canonical(String xmp) throws IOException {
    try {
      javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(BETWEEN_ELEMENTS.matcher(xmp).replaceAll("><"))));
      javax.xml.transform.Transformer transformer = javax.xml.transform.TransformerFactory.newDefaultInstance().newTransformer();
      transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.setOutputProperty(javax.xml.transform.OutputKeys.ENCODING, "UTF-8");
      transformer.setOutputProperty(javax.xml.transform.OutputKeys.INDENT, "no");
      java.io.StringWriter out = new java.io.StringWriter();
      transformer.transform(new javax.xml.transform.dom.DOMSource(doc), new javax.xml.transform.stream.StreamResult(out));
      return out.toString();
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | javax.xml.transform.TransformerException e) {
      throw new IOException("cannot rewrite the PDF's XMP metadata: " + e.getMessage(), e);
    }
  }

  private static final Pattern BETWEEN_ELEMENTS = Pattern.compile(">\\s+<");

  private PdfFinish() {}

  static void apply(PDDocument pdf, PdfEdition edition, byte[] digest) throws IOException {
    Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    date.clear();
    date.set(edition.date().getYear(), edition.date().getMonthValue() - 1, edition.date().getDayOfMonth());

    PDDocumentInformation info = pdf.getDocumentInformation();
    info.setCreationDate(date);
    info.setModificationDate(date);

    // PDF/A wants the XMP dates to match the document information's. The XMP is rewritten as
    // text: parsing it back with xmpbox fails on the renderer's PDF/UA extension schema.
    PDMetadata metadata = pdf.getDocumentCatalog().getMetadata();
    if (metadata != null) {
      String xmp = new String(metadata.toByteArray(), StandardCharsets.UTF_8);
      Matcher m = CREATE_DATE.matcher(xmp);
      if (!m.find()) {
        throw new IOException("the renderer's XMP metadata has no xmp:CreateDate to set");
      }
      String iso = edition.date() + "T00:00:00+00:00";
      String dates = "<xmp:CreateDate>" + iso + "</xmp:CreateDate><xmp:ModifyDate>" + iso
          + "</xmp:ModifyDate><xmp:MetadataDate>" + iso + "</xmp:MetadataDate>";
      xmp = xmp.substring(0, m.start()) + dates + xmp.substring(m.end());
      xmp = canonical(xmp);
      metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
    }

    COSString id = new COSString(Arrays.copyOf(digest, 16));
    COSArray ids = new COSArray();
    ids.add(id);
    ids.add(id);
    pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  /**
   * PDF/UA wants every link annotation to carry a text description (its Contents), which the
   * renderer does not write. Each annotation gets the text of the link laid out where it lies: the
   * renderer reports where it put each link (by id); a link it placed over several lines or pages
   * may have annotations it did not report, which are described by their address or the page they
   * lead to.
   *
   * @param links where each link was laid out, with its text
   */
  static void describeLinks(PDDocument pdf, List<PlacedLink> links) throws IOException {
    int pageIndex = 0;
    for (PDPage page : pdf.getPages()) {
      int index = pageIndex++;
      List<PlacedLink> onPage = links.stream().filter(l -> l.page() == index).toList();
      Map<String, String> byTarget = new HashMap<>();
      List<PDAnnotationLink> unplaced = new ArrayList<>();
      for (PDAnnotation annotation : page.getAnnotations()) {
        if (!(annotation instanceof PDAnnotationLink link) || link.getContents() != null && !link.getContents().isBlank()) {
          continue;
        }
        PDRectangle r = link.getRectangle();
        String best = "";
        float bestArea = 0;
        for (PlacedLink placed : onPage) {
          float w = Math.min(r.getUpperRightX(), placed.x() + placed.width()) - Math.max(r.getLowerLeftX(), placed.x());
          float h = Math.min(r.getUpperRightY(), placed.y() + placed.height()) - Math.max(r.getLowerLeftY(), placed.y());
          if (w > 0 && h > 0 && w * h > bestArea) {
            bestArea = w * h;
            best = placed.text();
          }
        }
        if (best.isBlank()) {
          unplaced.add(link);
        } else {
          link.setContents(best);
          byTarget.putIfAbsent(target(link), best);
        }
      }
      // The rest of a link broken over lines, or its generated text (a page number in the
      // contents), leads where its first part does: it gets that part's text.
      for (PDAnnotationLink link : unplaced) {
        String same = byTarget.get(target(link));
        link.setContents(same != null ? same : fallback(link));
      }
    }
  }

  /** Where a link leads, as a key: its address, or its destination page and position. */
  private static String target(PDAnnotationLink link) throws IOException {
    PDAction action = link.getAction();
    if (action instanceof PDActionURI uri) {
      return "uri " + uri.getURI();
    }
    Object destination = action instanceof PDActionGoTo goTo ? goTo.getDestination() : link.getDestination();
    if (destination instanceof PDPageXYZDestination xyz) {
      return "page " + xyz.retrievePageNumber() + " " + xyz.getTop();
    }
    if (destination instanceof PDPageDestination page) {
      return "page " + page.retrievePageNumber();
    }
    return "?";
  }

  /** Where the renderer laid out a link: page index from 0, box in PDF points from the bottom left. */
  record PlacedLink(int page, float x, float y, float width, float height, String text) {}

  private static String fallback(PDAnnotationLink link) throws IOException {
    PDAction action = link.getAction();
    if (action instanceof PDActionURI uri) {
      return uri.getURI();
    }
    Object destination = action instanceof PDActionGoTo goTo ? goTo.getDestination() : link.getDestination();
    if (destination instanceof PDPageDestination page) {
      int target = page.retrievePageNumber();
      return target >= 0 ? "Go to page " + (target + 1) : "Link";
    }
    return "Link";
  }
}
