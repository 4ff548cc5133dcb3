/**
 * JSON strings: text in, a JSON string literal out, escaped so it can sit inside a {@code <script>}
 * without ending it. Used by the search index and by {@code check --format json}.
 */
package org.practicalpartnerships.handbook.json;
