/**
 * Search text: a page's parsed body in, its entry in the search index out ({@link
 * org.practicalpartnerships.handbook.search.SearchIndex#entry}), and every entry with the glossary's
 * terms in, the index as a script out. Ranking, prefix and typo-tolerant matching happen in the
 * browser, in the vendored MiniSearch library ({@code templates/assets/vendor/minisearch/}), driven
 * by {@code templates/assets/search.js}; the search page itself is {@code outputs.SearchOutput}.
 */
package org.practicalpartnerships.handbook.search;
