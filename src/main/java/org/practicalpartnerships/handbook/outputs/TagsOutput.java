package org.practicalpartnerships.handbook.outputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jsoup.nodes.Element;
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

  @Override
  public List<Page> sitePages(SiteView view) {
    // Spellings that share an address ("Trust" and "trust", "Whole Systems" and "whole-systems")
    // share its page, named as the first page in reading order spells it; check warns about them.
    Map<String, String> names = new java.util.HashMap<>();
    Map<String, List<Page>> tags = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Page page : view.navigation().readingOrder()) {
      for (String tag : page.frontMatter().tags()) {
        String name = names.computeIfAbsent(SitePaths.slug(tag), slug -> tag);
        List<Page> pages = tags.computeIfAbsent(name, t -> new ArrayList<>());
        if (pages.isEmpty() || pages.get(pages.size() - 1) != page) {
          pages.add(page);
        }
      }
    }
    if (tags.isEmpty()) {
      return List.of();
    }
    String title = view.settings().title();
    // Each is made on its own, in parallel: in a large handbook the tag pages list thousands of pages.
    List<Supplier<Page>> made = new ArrayList<>();
    made.add(() -> AtoZOutput.page(INDEX, "Tags", "The topics that group pages across the sections of " + title + ".", list(tags)));
    for (Map.Entry<String, List<Page>> tag : tags.entrySet()) {
      made.add(() -> AtoZOutput.page(tagPath(tag.getKey()), "Pages tagged \u201c" + tag.getKey() + "\u201d", "", tagPage(tag.getKey(), tag.getValue())));
    }
    return made.parallelStream().map(Supplier::get).toList();
  }

  private static String list(Map<String, List<Page>> tags) {
    Element list = new Element("ul").addClass("tag-list");
    for (Map.Entry<String, List<Page>> tag : tags.entrySet()) {
      Element li = list.appendElement("li");
      li.appendElement("a").attr("href", SitePaths.relative(INDEX, tagPath(tag.getKey()))).text(tag.getKey());
      li.appendText(" (" + tag.getValue().size() + (tag.getValue().size() == 1 ? " page)" : " pages)"));
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
