package org.practicalpartnerships.handbook.postprocess;

import java.util.List;
import java.util.Set;
import org.practicalpartnerships.handbook.model.Heading;

/**
 * A page body after post-processing.
 *
 * @param html the finished fragment
 * @param headings section headings (levels 2 to 6) in document order
 * @param ids every id in the fragment
 * @param duplicateIds ids given to more than one element (not headings, which are made unique)
 */
public record ProcessedHtml(String html, List<Heading> headings, Set<String> ids, List<String> duplicateIds) {}
