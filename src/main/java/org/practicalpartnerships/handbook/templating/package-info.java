/**
 * Templating: a page and the site's context in, the data a template sees out ({@link
 * org.practicalpartnerships.handbook.templating.PageModel}: plain maps, lists and strings); a
 * layout name and that data in, the page's HTML out ({@link
 * org.practicalpartnerships.handbook.templating.TemplateEngine}: one sandboxed FreeMarker
 * configuration, a time, size and memory limit per page ({@link
 * org.practicalpartnerships.handbook.templating.RenderWatch}), a nesting limit before parsing
 * ({@link org.practicalpartnerships.handbook.templating.TemplateDepth}), errors as diagnostics at
 * template, line and column).
 */
package org.practicalpartnerships.handbook.templating;
