/**
 * Search: the pages readers look things up in (with their finished bodies) and the glossary terms
 * in, a compact search index out, as JSON or as a script for {@code search.html}; plus the body of
 * that page. Ranking, prefix and typo-tolerant matching happen in the browser, in the vendored
 * MiniSearch library ({@code templates/assets/vendor/minisearch/}), driven by {@code
 * templates/assets/search.js}.
 */
package org.practicalpartnerships.handbook.search;
