package org.practicalpartnerships.handbook.glossary;

import java.util.List;
import org.practicalpartnerships.handbook.model.LinkRef;

/**
 * One glossary entry.
 *
 * @param term the term as it should be shown
 * @param id the anchor of its entry on the glossary page
 * @param aliases other words for the same thing, linked to the same entry
 * @param definitionMarkdown the definition as written
 * @param definitionOffset where the definition starts in glossary.yml
 * @param see pages for more, as written (relative to the content folder), with positions
 * @param offset where the entry starts in glossary.yml, for diagnostics about the whole entry
 */
public record Term(String term, String id, List<String> aliases, String definitionMarkdown, int definitionOffset, List<LinkRef> see, int offset) {
  public Term {
    aliases = List.copyOf(aliases);
    see = List.copyOf(see);
  }

  /** The definition as plain text, for tooltips and the search index. */
  public String definitionText(org.practicalpartnerships.handbook.markdown.MarkdownEngine markdown) {
    return org.jsoup.Jsoup.parseBodyFragment(markdown.render(definitionMarkdown, definitionOffset).html()).body().text();
  }
}
