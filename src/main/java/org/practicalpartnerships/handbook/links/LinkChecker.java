package org.practicalpartnerships.handbook.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.diagnostics.Suggestions;
import org.practicalpartnerships.handbook.model.Href;
import org.practicalpartnerships.handbook.model.LinkRef;
import org.practicalpartnerships.handbook.model.SitePaths;
import org.practicalpartnerships.handbook.safety.HtmlPolicy;

/**
 * Checks every link and image of a page against the site: the page or file must exist, a fragment
 * must name an id on the target page, and no link may leave the content folder or use a
 * root-relative or script URL. Problems are diagnostics at the link's position.
 *
 * @param targets output path to the ids on that page, for every page the build publishes
 * @param files output paths of the other published files (images, PDFs, ...)
 * @param drafts output paths of draft pages, left out of this build
 * @param broken addresses that exist but could not be read or made (their own errors are
 *     reported), so links to them are not reported again: a page's output path (whatever the
 *     fragment), a folder ending in {@code /} (every address under it, such as {@code decide/}
 *     when the decision tree failed) or a path with a fragment (that one anchor, such as {@code
 *     glossary.html#trust} when that glossary entry failed)
 */
public record LinkChecker(Map<String, Set<String>> targets, Set<String> files, Set<String> drafts, Set<String> broken) {

  /** Checks the links of the page published at {@code pagePath}. */
  public List<Diagnostic> check(String pagePath, SourceText source, List<LinkRef> links) {
    List<Diagnostic> problems = new ArrayList<>();
    for (LinkRef link : links) {
      message(pagePath, link).ifPresent(m -> problems.add(source.atOffset(link.offset(), org.practicalpartnerships.handbook.diagnostics.Severity.ERROR, m)));
    }
    return problems;
  }

  private Optional<String> message(String pagePath, LinkRef link) {
    Href href = Href.parse(link.url());
    String what = link.image() ? "image" : "link";
    switch (href.kind()) {
      case EXTERNAL:
        return Optional.empty();
      case UNSAFE:
        return Optional.of(HtmlPolicy.unsafeUrlMessage(link.url()));
      case ROOT_RELATIVE:
        return Optional.of("this " + what + " starts with '/', which breaks when the handbook is served under a path or opened from a folder; write it relative to this page");
      default:
        break;
    }
    if (href.path().isEmpty()) {
      if (href.fragment().isEmpty()) {
        return Optional.empty();
      }
      return missingFragment(pagePath, href.fragment(), "this page");
    }
    String written = href.rewritten().orElse(href.raw().strip());
    String writtenPath = written.contains("#") ? written.substring(0, written.indexOf('#')) : written;
    Optional<String> resolved = SitePaths.resolve(pagePath, Href.parse(writtenPath).path());
    if (resolved.isEmpty()) {
      return Optional.of("this " + what + " leads outside the content folder ('" + href.path() + "')");
    }
    String target = resolved.get();
    if (isBroken(target, href.fragment())) {
      return Optional.empty();
    }
    if (targets.containsKey(target)) {
      return href.fragment().isEmpty() ? Optional.empty() : missingFragment(target, href.fragment(), "'" + href.path() + "'");
    }
    if (files.contains(target)) {
      return Optional.empty();
    }
    if (drafts.contains(target)) {
      return Optional.of("'" + href.path() + "' is a draft, which is not published; link to it once it is ready");
    }
    Optional<String> lookalike = lookalike(target);
    if (lookalike.isPresent()) {
      return Optional.of("no page or file '" + href.path() + "' in the content folder: '" + SitePaths.relative(pagePath, lookalike.get())
          + "' looks the same but writes an accented letter another way (as one character, or as a letter and an accent); retype the link or the file's name");
    }
    String sourceName = target.endsWith(".html") ? target.substring(0, target.length() - 5) + ".md" : target;
    List<String> candidates = new ArrayList<>();
    for (String t : targets.keySet()) {
      candidates.add(SitePaths.relative(pagePath, href.isPageSource() ? t.replaceAll("\\.html$", ".md") : t));
    }
    for (String f : files) {
      candidates.add(SitePaths.relative(pagePath, f));
    }
    String asWritten = SitePaths.relative(pagePath, href.isPageSource() ? sourceName : target);
    return Optional.of("no " + (link.image() ? "image" : "page or file") + " '" + href.path() + "' in the content folder" + Suggestions.didYouMean(asWritten, candidates));
  }

  /** A published path that differs from {@code target} only in Unicode normalisation. */
  private Optional<String> lookalike(String target) {
    String nfc = java.text.Normalizer.normalize(target, java.text.Normalizer.Form.NFC);
    if (nfc.equals(target) && java.text.Normalizer.isNormalized(target, java.text.Normalizer.Form.NFD)) {
      return Optional.empty(); // plain ASCII: no other way to write it
    }
    return java.util.stream.Stream.concat(targets.keySet().stream(), files.stream())
        .filter(path -> !path.equals(target) && java.text.Normalizer.normalize(path, java.text.Normalizer.Form.NFC).equals(nfc))
        .sorted().findFirst();
  }

  /** True when {@code target} (with {@code fragment}) is, or lies under, an address in {@link #broken}. */
  public boolean isBroken(String target, String fragment) {
    if (broken.isEmpty()) {
      return false;
    }
    if (broken.contains(target) || (!fragment.isEmpty() && broken.contains(target + "#" + fragment))) {
      return true;
    }
    for (int slash = target.lastIndexOf('/'); slash > 0; slash = target.lastIndexOf('/', slash - 1)) {
      if (broken.contains(target.substring(0, slash + 1))) {
        return true;
      }
    }
    return false;
  }

  private Optional<String> missingFragment(String target, String fragment, String where) {
    Set<String> ids = targets.getOrDefault(target, Set.of());
    if (ids.contains(fragment)) {
      return Optional.empty();
    }
    return Optional.of("no heading or anchor '#" + fragment + "' on " + where + Suggestions.didYouMean(fragment, ids));
  }

  /**
   * The page a link leads to, for the link graph: the output path of a published page, or empty
   * for external links, files, same-page links and links that do not resolve.
   */
  public Optional<String> pageTarget(String pagePath, LinkRef link) {
    Href href = Href.parse(link.url());
    if (href.kind() != Href.Kind.RELATIVE || href.path().isEmpty()) {
      return Optional.empty();
    }
    String written = href.rewritten().orElse(href.raw().strip());
    String writtenPath = written.contains("#") ? written.substring(0, written.indexOf('#')) : written;
    return SitePaths.resolve(pagePath, Href.parse(writtenPath).path()).filter(targets::containsKey);
  }
}
