package org.practicalpartnerships.handbook.outputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jsoup.nodes.Element;
import org.practicalpartnerships.handbook.diagnostics.Diagnostic;
import org.practicalpartnerships.handbook.diagnostics.Position;
import org.practicalpartnerships.handbook.diagnostics.Severity;
import org.practicalpartnerships.handbook.model.FrontMatter;
import org.practicalpartnerships.handbook.model.Page;
import org.practicalpartnerships.handbook.model.SitePaths;

/** {@code tags/index.html}, the list of tags with their counts, and {@code tags/TAG.html}, one per tag, listing its pages in reading order. */
public final class TagsOutput implements Output {
  public static final String INDEX = "tags/index.html";

  /** The site path of a tag's page. */
  public static String tagPath(String tag) {
    return "tags/" + SitePaths.slug(tag) + ".html";
  }

  @Override
  public Map<String, String> templateLinks() {
    return Map.of("tags", INDEX);
  }

  /**
   * A tag as it is published: the spelling first met in reading order, at {@link #tagPath}, with
   * its pages in reading order.
   */
  private record Tag(String name, List<Page> pages) {}

  /**
   * The tags by their pages' paths, from the pages in reading order. Tags whose names give the
   * same page ({@code Trust} and {@code trust!} both give {@code tags/trust.html}) are one tag,
   * spelt as first met; {@code check} warns about the other spellings. A tag whose page would be
   * the list of tags ({@code Index}) has no page.
   */
  private static Map<String, Tag> tags(List<Page> readingOrder) {
    Map<String, Tag> tags = new java.util.LinkedHashMap<>();
    for (Page page : readingOrder) {
      for (String name : page.frontMatter().tags()) {
        String path = tagPath(name);
        if (path.equals(INDEX)) {
          continue;
        }
        List<Page> pages = tags.computeIfAbsent(path, p -> new Tag(name, new ArrayList<>())).pages();
        if (pages.isEmpty() || pages.get(pages.size() - 1) != page) {
          pages.add(page);
        }
      }
    }
    return tags;
  }

  /**
   * Tags that cannot have a page of their own: one named like the list of tags ({@code Index}), and
   * one with no letter or digit ({@code "?"}), whose address would be made up. Tags whose names
   * give one address ({@code Trust}, {@code trust!}) are one tag, shown as first spelt; {@code
   * check} warns about the other spellings (Lint's site warnings), so they are not reported here.
   */
  @Override
  public List<Diagnostic> problems(SiteView view) {
    List<Diagnostic> problems = new ArrayList<>();
    for (Page page : view.navigation().readingOrder()) {
      for (String name : page.frontMatter().tags()) {
        if (tagPath(name).equals(INDEX)) {
          problems.add(at(page, name, Severity.ERROR, "the tag '" + name + "' would have its page at " + INDEX + ", which is the list of all tags; choose another name for it"));
        } else if (!SitePaths.hasOwnSlug(name)) {
          problems.add(at(page, name, Severity.ERROR, "the tag '" + name + "' has no letter or digit, so it has no address for its page; name the topic in words"));
        }
      }
    }
    return problems;
  }

  /** A problem at the tag in the page's front matter, or at its {@code tags:} line. */
  private static Diagnostic at(Page page, String tag, Severity severity, String message) {
    FrontMatter fm = page.frontMatter();
    Position where = fm.position(FrontMatter.itemKey("tags", tag)).or(() -> fm.position("tags")).map(FrontMatter.KeyPosition::value).orElse(new Position(1, 1));
    return page.source() != null ? page.source().at(where, severity, message) : Diagnostic.ofFile(page.outputPath(), severity, message);
  }

  @Override
  public List<Page> sitePages(SiteView view) {
    Map<String, Tag> byPath = tags(view.navigation().readingOrder());
    if (byPath.isEmpty()) {
      return List.of();
    }
    List<Tag> tags = byPath.values().stream().sorted(java.util.Comparator.comparing(Tag::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Tag::name)).toList();
    String title = view.settings().title();
    // Each is made on its own, in parallel: in a large handbook the tag pages list thousands of pages.
    List<Supplier<Page>> made = new ArrayList<>();
    made.add(() -> AtoZOutput.page(INDEX, "Tags", "The topics that group pages across the sections of " + title + ".", list(tags)));
    for (Tag tag : tags) {
      made.add(() -> AtoZOutput.page(tagPath(tag.name()), "Pages tagged \u201c" + tag.name() + "\u201d", "", tagPage(tag.name(), tag.pages())));
    }
    return made.parallelStream().map(Supplier::get).toList();
  }

  private static String list(List<Tag> tags) {
    Element list = new Element("ul").addClass("tag-list");
    for (Tag tag : tags) {
      Element li = list.appendElement("li");
      li.appendElement("a").attr("href", SitePaths.relative(INDEX, tagPath(tag.name()))).text(tag.name());
      li.appendText(" (" + tag.pages().size() + (tag.pages().size() == 1 ? " page)" : " pages)"));
    }
    return list.outerHtml();
  }

  private static String tagPage(String tag, List<Page> pages) {
    String here = tagPath(tag);
    Element list = new Element("ul").addClass("page-list");
    for (Page page : pages) {
      Element li = list.appendElement("li");
      li.appendElement("a").attr("href", SitePaths.relative(here, page.outputPath())).text(page.title());
      if (!page.frontMatter().description().isEmpty()) {
        li.appendElement("p").text(page.frontMatter().description());
      }
    }
    Element all = new Element("p").appendElement("a").attr("href", SitePaths.relative(here, INDEX)).text("All tags");
    return list.outerHtml() + all.parent().outerHtml();
  }
}
