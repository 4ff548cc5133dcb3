package org.practicalpartnerships.handbook.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Diagnostics;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.PageKind;
import org.practicalpartnerships.handbook.output.OnceSink;
import org.practicalpartnerships.handbook.source.ContentFile;

/**
 * Every address the build publishes belongs to one file. The addresses the build makes itself
 * (the search page and its index, the sitemap, the 404, print, A to Z, glossary, tag and
 * decision-tree pages, the templates' {@code assets/}, and whatever a new {@code outputs.Output}
 * makes) are claimed first; a content file (a page or a file copied as it is) at one of them, or
 * at a folder the build writes into ({@code tags/}), or with one of them as its folder ({@code
 * search-index.js/x.png}), is an error at that content file. Addresses compare as macOS and Windows
 * compare file names: {@code Search.md} clashes with {@code search.html}.
 *
 * <p>Nothing is reserved by name: an output's addresses are the pages and files it makes in this
 * build, so a new output is covered without a change here, and a handbook without a glossary may
 * have a page {@code glossary.md}. Clashes between two content files are {@code
 * source.SourceLoader}'s to report.
 */
final class Addresses {
  private Addresses() {}

  /** Who publishes at an address, in words for a message. */
  private record Claim(String address, String owner, boolean content, String where) {}

  /**
   * @param pages every page, written and made
   * @param files the site path of every file the outputs make, or will make later (a slow output's {@link org.practicalpartnerships.handbook.outputs.Output#plannedFiles})
   * @param contentAssets the content folder's files copied as they are
   * @param templateAssets the templates' assets, by site path
   * @param display how diagnostics name a file
   */
  static void check(List<Page> pages, java.util.Collection<String> files, List<ContentFile> contentAssets, Map<String, Path> templateAssets,
      Function<Path, String> display, Diagnostics diagnostics) {
    List<Claim> build = new ArrayList<>();
    List<Claim> content = new ArrayList<>();
    for (Page page : pages) {
      switch (page.kind()) {
        case GENERATED -> build.add(new Claim(page.outputPath(), "the build's own page '" + page.title() + "'", false, page.outputPath()));
        case WRITTEN -> content.add(new Claim(page.outputPath(), "", true, page.source().displayPath()));
        default -> build.add(new Claim(page.outputPath(), "a page the build makes from " + page.source().displayPath(), false, page.source().displayPath()));
      }
    }
    for (String file : files) {
      build.add(new Claim(file, "the build's own file", false, file));
    }
    templateAssets.forEach((path, file) -> build.add(new Claim(path, "the templates' file " + display.apply(file), false, display.apply(file))));
    for (ContentFile asset : contentAssets) {
      content.add(new Claim(asset.relativePath(), "", true, display.apply(asset.absolutePath())));
    }

    Map<String, Claim> taken = new HashMap<>();
    Map<String, Claim> folders = new HashMap<>();
    for (Claim claim : build) {
      Claim other = taken.putIfAbsent(OnceSink.key(claim.address()), claim);
      if (other != null) {
        diagnostics.add(Diagnostic.ofFile(claim.where(), Severity.ERROR, "both " + other.owner() + " and " + claim.owner() + " would be published at '"
            + claim.address() + "'; this is a bug in Handbook, please report it"));
      }
      for (String folder : folders(claim.address())) {
        folders.putIfAbsent(OnceSink.key(folder), claim);
      }
    }
    for (Claim claim : content) {
      String key = OnceSink.key(claim.address());
      Claim same = taken.get(key);
      if (same != null) {
        diagnostics.add(Diagnostic.ofFile(claim.where(), Severity.ERROR, "'" + same.address() + "' is an address the build publishes itself ("
            + same.owner() + "), so this file would replace it or be replaced; rename or move this file"));
        continue;
      }
      Claim folder = folders.get(key);
      if (folder != null) {
        diagnostics.add(Diagnostic.ofFile(claim.where(), Severity.ERROR, "the build publishes " + folder.owner() + " at '" + folder.address()
            + "', inside a folder where this file would be; rename or move this file"));
        continue;
      }
      for (String parent : folders(claim.address())) {
        Claim file = taken.get(OnceSink.key(parent));
        if (file != null) {
          diagnostics.add(Diagnostic.ofFile(claim.where(), Severity.ERROR, "this file would be in a folder '" + parent + "', but the build publishes "
              + file.owner() + " at that address; rename or move the folder"));
          break;
        }
      }
    }
  }

  /** The folders an address is in: "a/b/c.html" gives "a" and "a/b". */
  private static List<String> folders(String address) {
    List<String> folders = new ArrayList<>();
    for (int slash = address.indexOf('/'); slash > 0; slash = address.indexOf('/', slash + 1)) {
      folders.add(address.substring(0, slash));
    }
    return folders;
  }
}
