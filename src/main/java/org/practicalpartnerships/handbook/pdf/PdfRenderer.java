package org.practicalpartnerships.handbook.pdf;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.util.LogMessageId;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.diagnostics.SourceText;

/**
 * Turns a {@link PdfRequest} into an accessible, archivable PDF: tagged PDF/UA-1 and PDF/A-2a,
 * with bookmarks, contents with page numbers, running headers and "page N of M" footers as the
 * stylesheet sets them, fonts embedded, and the same bytes for the same request.
 *
 * <p>Build one and share it: {@link #render} keeps no state between calls and may run on several
 * threads at once (each call lays out its own document on its own thread).
 *
 * <pre>{@code
 * PdfResult result = new PdfRenderer().render(request);
 * if (!result.hasErrors()) Files.write(out, result.pdf());
 * }</pre>
 */
public final class PdfRenderer {
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
  private static final Pattern LINK_IDS = Pattern.compile("");
  private static final Pattern AT_LINE = Pattern.compile("\\s*at line (\\d+)\\.?");

  /** PDFBox logs through commons-logging to java.util.logging; kept here so the level sticks. */
  private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache.pdfbox"), Logger.getLogger("org.apache.fontbox"));

  static {
    // Three JVM-wide settings of the libraries, made once and the same for every render:
    // openhtmltopdf reports through XRLog, which by default prints to the console; its messages
    // reach render() through the per-call diagnostic consumer instead. PDFBox's warnings concern
    // its own workings, not the handbook. PDFBox's font mapper would scan the machine's fonts.
    XRLog.setLoggerImpl(new QuietLogger());
    QUIET.forEach(logger -> logger.setLevel(Level.OFF));
    FontMappers.set(new NoSystemFonts());
  }

  /** Renders one PDF; problems come back as diagnostics, never as exceptions. */
  public PdfResult render(PdfRequest request) {
    List<Diagnostic> found = Collections.synchronizedList(new ArrayList<>());
    Consumer<Diagnostic> report = found::add;
    byte[] bytes = new byte[0];
    int pages = 0;
    try {
      PdfHtml.Assembled assembled = PdfHtml.assemble(request, report);
      Document html = assembled.document();
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(html.outerHtml().getBytes(StandardCharsets.UTF_8));
      digest.update(request.edition().toString().getBytes(StandardCharsets.UTF_8));
      ResourceAccess access = new ResourceAccess(request, report, digest);
      SourceText css = new SourceText(request.stylesheet().displayPath(), request.stylesheet().css());
      String cssUri = PdfHtml.stylesheetUri(request);

      PdfRendererBuilder builder = new PdfRendererBuilder()
          .withW3cDocument(W3CDom.convert(html), PdfHtml.baseUri(request))
          .useUriResolver(access)
          .useProtocolsStreamImplementation(access, PdfHtml.SITE, PdfHtml.TEMPLATES, "http", "https", "file", "jar", "ftp")
          .useHttpStreamImplementation(access)
          .useExternalResourceAccessControl((uri, type) -> access.allowed(uri), ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
          .usePdfUaAccessibility(true)
          .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_A)
          .useColorProfile(SRGB)
          .withProducer("Handbook")
          .withDiagnosticConsumer(d -> translate(d, cssUri, css, request, report));

      if (html.selectFirst("svg, img[src~=(?i)\\.svg\\b], object[data~=(?i)\\.svg\\b]") != null) {
        // Batik takes a few hundred milliseconds to load: only documents with figures need it.
        builder.useSVGDrawer(new FigureDrawer());
      }
      Drawn drawn = draw(builder, assembled, request, digest);
      bytes = drawn.bytes();
      pages = drawn.pages();
    } catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
      report.accept(Diagnostic.ofFile(request.body().documentPath(), Severity.ERROR,
          "could not make the PDF: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
    }
    List<Diagnostic> sorted = found.stream().distinct().sorted(Diagnostic.ORDER).toList();
    boolean failed = sorted.stream().anyMatch(Diagnostic::isError);
    return new PdfResult(failed ? new byte[0] : bytes, failed ? 0 : pages, sorted);
  }

  /** A finished PDF: its bytes and its number of pages. */
  private record Drawn(byte[] bytes, int pages) {}

  /** Lays out and draws the document, then fixes its dates, ID and link descriptions. */
  private static Drawn draw(PdfRendererBuilder builder, PdfHtml.Assembled assembled, PdfRequest request, MessageDigest digest) throws IOException {
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      PDDocument pdf = renderer.createPDFKeepOpen();
      // Asked after drawing: the renderer knows its pages' positions only then.
      List<PdfFinish.PlacedLink> links = new ArrayList<>();
      for (PagePosition<Box> p : renderer.findPagePositionsByID(LINK_IDS)) {
        String text = assembled.linkTexts().get(p.getId());
        if (text != null) {
          links.add(new PdfFinish.PlacedLink(p.getPageNo(), p.getX(), p.getY(), p.getWidth(), p.getHeight(), text));
        }
      }
      try {
        PdfFinish.apply(pdf, request.edition(), digest.digest());
        PdfFinish.describeLinks(pdf, links);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        pdf.save(out, CompressParameters.DEFAULT_COMPRESSION);
        return new Drawn(out.toByteArray(), pdf.getNumberOfPages());
      } finally {
        pdf.close();
      }
    }
  }

  /** One of openhtmltopdf's messages as a diagnostic, or nothing for its chatter. */
  private static void translate(com.openhtmltopdf.util.Diagnostic d, String cssUri, SourceText css, PdfRequest request, Consumer<Diagnostic> report) {
    LogMessageId id = d.getLogMessageId();
    Object[] args = d.getArgs();
    if (id == LogMessageId.LogMessageId2Param.CSS_PARSE_GENERIC_MESSAGE) {
      if (args.length < 2 || !cssUri.equals(String.valueOf(args[0]))) {
        return;
      }
      String message = String.valueOf(args[1]);
      Matcher m = AT_LINE.matcher(message);
      int line = 0;
      if (m.find()) {
        line = Integer.parseInt(m.group(1));
        // The parser counts these two from 0 and every other message from 1.
        if (message.contains("is an unrecognized CSS property") || message.contains("is not implemented")) {
          line++;
        }
        message = message.substring(0, m.start()) + message.substring(m.end());
      }
      message = message.replace(" Ignoring declaration.", "").replace(" Skipping ", ", so the PDF ignores this ").strip();
      message = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
      Severity severity = message.contains("is not implemented") ? Severity.WARNING : Severity.ERROR;
      report.accept(line > 0 ? css.at(line, 0, severity, message) : Diagnostic.ofFile(css.displayPath(), severity, message));
      return;
    }
    if (d.getLevel().intValue() < Level.WARNING.intValue()) {
      return;
    }
    if (id == LogMessageId.LogMessageId0Param.GENERAL_PDF_ACCESSIBILITY_NO_ALT_ATTRIBUTE_PROVIDED_FOR_IMAGE) {
      report.accept(Diagnostic.ofFile(request.body().documentPath(), Severity.WARNING, "an image has no alt text, so the PDF's figure has no text alternative"));
      return;
    }
    report.accept(Diagnostic.ofFile(request.body().documentPath(), Severity.WARNING, "PDF: " + d.getFormattedMessage()));
  }

  /** Keeps openhtmltopdf's log off the console; its messages arrive as diagnostics instead. */
  private static final class QuietLogger implements XRLogger {
    @Override
    public void log(String where, Level level, String msg) {}

    @Override
    public void log(String where, Level level, String msg, Throwable th) {}

    @Override
    public void setLevel(String logger, Level level) {}

    @Override
    public boolean isLogLevelEnabled(com.openhtmltopdf.util.Diagnostic diagnostic) {
      return false;
    }
  }
}
