package org.practicalpartnerships.handbook.safety;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.source.TextDecoder;

/**
 * The policy for files in the content folder that a browser would run rather than show, since
 * every such file is published as it is, with the handbook's address and without the pages'
 * Content-Security-Policy:
 *
 * <ul>
 *   <li>documents and scripts ({@code .html}, {@code .htm}, {@code .xhtml}, {@code .js}, {@code
 *       .mjs}, {@code .xml}, {@code .xsl}, ...: {@link #REFUSED}) are refused whatever they hold:
 *       a page is written in Markdown, and scripts come from the templates, which are trusted;
 *   <li>SVG drawings are published, held to the raw-HTML policy ({@link SvgFile}); compressed SVG
 *       ({@code .svgz}), which cannot be read to be checked, is refused.
 * </ul>
 *
 * Extensions compare in any letters ({@code EVIL.HTML}). Each refusal is an error at the file,
 * whatever {@code raw_html} says: the build publishes the file byte for byte, so it cannot strip
 * it.
 */
public final class BrowserFiles {
  private BrowserFiles() {}

  /** Extensions of files a browser runs as a document or a script, with what to do instead. */
  static final Map<String, String> REFUSED = Map.ofEntries(
      Map.entry("html", "write the page in Markdown (a .md file) instead"),
      Map.entry("htm", "write the page in Markdown (a .md file) instead"),
      Map.entry("shtml", "write the page in Markdown (a .md file) instead"),
      Map.entry("xhtml", "write the page in Markdown (a .md file) instead"),
      Map.entry("xht", "write the page in Markdown (a .md file) instead"),
      Map.entry("mht", "write the page in Markdown (a .md file) instead"),
      Map.entry("mhtml", "write the page in Markdown (a .md file) instead"),
      Map.entry("js", "the handbook's scripts belong in templates/assets/, which only the templates' authors change"),
      Map.entry("mjs", "the handbook's scripts belong in templates/assets/, which only the templates' authors change"),
      Map.entry("cjs", "the handbook's scripts belong in templates/assets/, which only the templates' authors change"),
      Map.entry("xml", "an XML file can hold script or an XSLT stylesheet that makes it a page; publish data as .csv, .json or .txt, or zip it"),
      Map.entry("xsl", "publish it zipped if readers need it"),
      Map.entry("xslt", "publish it zipped if readers need it"),
      Map.entry("rss", "publish data as .csv, .json or .txt, or zip it"),
      Map.entry("atom", "publish data as .csv, .json or .txt, or zip it"),
      Map.entry("swf", "publish it zipped if readers need it"),
      Map.entry("svgz", "save the drawing as a plain .svg, which the build can check"));

  /** The file's extension in lower case, or "". */
  static String extension(String relativePath) {
    String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** True for an SVG drawing, which {@link SvgFile} checks. */
  public static boolean isSvg(String relativePath) {
    return extension(relativePath).equals("svg");
  }

  /**
   * The error for a content file that is published as it is and that a browser would run, if
   * it is one.
   *
   * @param relativePath the file's path in the content folder
   * @param display how diagnostics name it
   */
  public static Optional<Diagnostic> refusal(String relativePath, String display) {
    String extension = extension(relativePath);
    String instead = REFUSED.get(extension);
    if (instead == null) {
      return Optional.empty();
    }
    String what = extension.equals("svgz") ? "a compressed SVG cannot be checked for script"
        : "a browser runs '." + extension + "' files as code, with the handbook's address and without its pages' Content-Security-Policy, so the content folder may not publish them";
    return Optional.of(Diagnostic.ofFile(display, Severity.ERROR, what + "; " + instead));
  }

  /**
   * Every problem in a content file that is published as it is: a refusal by its extension, or
   * what {@link SvgFile} finds in a drawing (which must be UTF-8).
   *
   * @param relativePath the file's path in the content folder
   * @param file where it is
   * @param display how diagnostics name it
   */
  public static List<Diagnostic> check(String relativePath, java.nio.file.Path file, String display) throws java.io.IOException {
    Optional<Diagnostic> refused = refusal(relativePath, display);
    if (refused.isPresent()) {
      return List.of(refused.get());
    }
    if (!isSvg(relativePath)) {
      return List.of();
    }
    TextDecoder.Result text = TextDecoder.decode(display, java.nio.file.Files.readAllBytes(file));
    if (text instanceof TextDecoder.Decoded decoded) {
      return SvgFile.check(decoded.text());
    }
    return List.of(((TextDecoder.Invalid) text).diagnostic());
  }

  /** Every extension refused, for documentation and tests. */
  public static List<String> refusedExtensions() {
    return REFUSED.keySet().stream().sorted().toList();
  }
}
