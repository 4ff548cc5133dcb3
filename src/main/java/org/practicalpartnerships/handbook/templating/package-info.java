/**
 * Templating: a layout name and a data model in, a page's HTML out, through one sandboxed
 * FreeMarker configuration; template errors become diagnostics with template, line and column.
 */
package org.practicalpartnerships.handbook.templating;
