package org.practicalpartnerships.handbook.links;

import java.util.List;
import org.practicalpartnerships.handbook.diagnostics.SourceText;
import org.practicalpartnerships.handbook.model.LinkRef;

/**
 * Links written in one file, to check as the links of the page at {@code fromPath}: a page's own
 * links, or those of a data file such as {@code decide.yml} (whose links are relative to the
 * content folder, so they are checked from the site root).
 *
 * @param fromPath the site path the links are resolved from
 * @param source the file they are written in, for diagnostics
 * @param links the destinations as written, with their offsets in {@code source}
 */
public record LinkSet(String fromPath, SourceText source, List<LinkRef> links) {
  public LinkSet {
    links = List.copyOf(links);
  }
}
