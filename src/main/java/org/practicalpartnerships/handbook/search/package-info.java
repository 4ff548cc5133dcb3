/**
 * Search text: a page's parsed body in, its entry in the search index out ({@link
 * org.practicalpartnerships.handbook.search.SearchIndex#entry}), and every entry with the glossary's
 * terms in, the index as a script out. The text is plain, with its blocks kept apart by line
 * breaks; nothing here splits words. Words, stop words, spellings, stems, ranking, completion and
 * typo correction are all in the browser, in {@code templates/assets/search.js} (with the vendored
 * MiniSearch and Porter2 stemmer under {@code templates/assets/vendor/}), so the index and the
 * query are split by one definition; the search page itself is {@code outputs.SearchOutput}.
 */
package org.practicalpartnerships.handbook.search;
