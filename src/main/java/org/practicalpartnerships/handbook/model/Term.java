package org.practicalpartnerships.handbook.model;

import java.util.List;

/**
 * One glossary entry, with its definition rendered once when the glossary is read.
 *
 * @param term the term as it should be shown
 * @param id the anchor of its entry on the glossary page
 * @param aliases other words for the same thing, linked to the same entry
 * @param definitionHtml the definition rendered from Markdown (before post-processing)
 * @param definitionText the definition as plain text, for tooltips and the search index
 * @param see pages for more, as written (relative to the content folder), with positions
 * @param offset where the entry starts in glossary.yml, for diagnostics about the whole entry
 */
public record Term(String term, String id, List<String> aliases, String definitionHtml, String definitionText, List<LinkRef> see, int offset) {
  public Term {
    aliases = List.copyOf(aliases);
    see = List.copyOf(see);
  }
}
