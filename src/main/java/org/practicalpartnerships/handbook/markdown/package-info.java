/**
 * Markdown: a page body in, an HTML fragment and its link destinations (with file offsets) out,
 * through one shared flexmark engine.
 */
package org.practicalpartnerships.handbook.markdown;
