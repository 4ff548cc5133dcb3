package org.practicalpartnerships.handbook.pdf;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.extend.FSUriResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Severity;

/**
 * The renderer's only way to the outside: resolves every address against the document and serves
 * {@code site:/…} from the site's files and {@code templates:/…} from the templates folder (the
 * stylesheet itself from the request). Every other address (http, https, file, jar, or a path that
 * climbs out of its folder) is refused and reported; nothing is fetched from the network.
 *
 * <p>It also feeds every byte it serves into a digest, from which the PDF's document ID is made.
 */
final class ResourceAccess implements FSUriResolver, FSStreamFactory {
  private final PdfRequest request;
  private final Consumer<Diagnostic> report;
  private final String stylesheetUri;
  private final MessageDigest digest;
  private final Set<String> refused = new LinkedHashSet<>();

  ResourceAccess(PdfRequest request, Consumer<Diagnostic> report, MessageDigest digest) {
    this.request = request;
    this.report = report;
    this.stylesheetUri = PdfHtml.stylesheetUri(request);
    this.digest = digest;
  }

  /** True for the addresses this class serves; the renderer's access control asks it. */
  boolean allowed(String uri) {
    return uri != null && (uri.startsWith("data:") || uri.startsWith(PdfHtml.SITE + ":/") || uri.startsWith(PdfHtml.TEMPLATES + ":/"));
  }

  @Override
  public String resolveURI(String baseUri, String uri) {
    if (uri == null || uri.isBlank()) {
      return null;
    }
    if (uri.startsWith("data:")) {
      return uri;
    }
    try {
      URI reference = new URI(uri.strip());
      URI resolved = reference.isAbsolute() || baseUri == null ? reference : new URI(baseUri).resolve(reference);
      String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
      String path = resolved.getPath() == null ? "" : resolved.getPath();
      if ((scheme.equals(PdfHtml.SITE) || scheme.equals(PdfHtml.TEMPLATES)) && path.startsWith("/") && PdfResources.isSafe(path.substring(1))) {
        return scheme + ":" + path;
      }
    } catch (URISyntaxException e) {
      // reported below like any other refused address
    }
    refuse(uri);
    return null;
  }

  private void refuse(String uri) {
    if (refused.add(uri)) {
      String where = uri.startsWith("http:") || uri.startsWith("https:") || uri.startsWith("//")
          ? "the PDF is made offline and fetches nothing from the network"
          : "only files in the site (for images) and the templates folder (for the stylesheet's fonts) can be used";
      report.accept(Diagnostic.ofFile(request.body().documentPath(), Severity.ERROR, "cannot use '" + uri + "' in the PDF: " + where));
    }
  }

  @Override
  public FSStream getUrl(String uri) {
    byte[] bytes = read(uri);
    return new FSStream() {
      @Override
      public InputStream getStream() {
        return bytes == null ? null : new ByteArrayInputStream(bytes);
      }

      @Override
      public Reader getReader() {
        return bytes == null ? null : new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
      }
    };
  }

  private byte[] read(String uri) {
    if (!allowed(uri) || uri.startsWith("data:")) {
      refuse(uri);
      return null;
    }
    byte[] bytes = null;
    String shown;
    try {
      if (uri.equals(stylesheetUri)) {
        bytes = request.stylesheet().css().getBytes(StandardCharsets.UTF_8);
        shown = request.stylesheet().displayPath();
      } else if (uri.startsWith(PdfHtml.SITE + ":/")) {
        String path = uri.substring(PdfHtml.SITE.length() + 2);
        shown = path;
        bytes = PdfResources.isSafe(path) ? request.site().read(path).orElse(null) : null;
      } else {
        String path = uri.substring(PdfHtml.TEMPLATES.length() + 2);
        shown = path;
        bytes = PdfResources.isSafe(path) ? request.templates().read(path).orElse(null) : null;
      }
      if (bytes == null) {
        String folder = uri.startsWith(PdfHtml.SITE) ? "site" : "templates folder";
        String file = uri.startsWith(PdfHtml.SITE) ? request.body().documentPath() : request.stylesheet().displayPath();
        report.accept(Diagnostic.ofFile(file, Severity.ERROR, "the PDF needs '" + shown + "', which is not in the " + folder));
        return null;
      }
    } catch (IOException e) {
      report.accept(Diagnostic.ofFile(request.body().documentPath(), Severity.ERROR, "cannot read '" + uri + "' for the PDF: " + e.getMessage()));
      return null;
    }
    synchronized (digest) {
      digest.update(uri.getBytes(StandardCharsets.UTF_8));
      digest.update(bytes);
    }
    return bytes;
  }
}
