/**
 * Lint: the finished pages (and what navigation reaches) in, warnings out. Nothing here stops a
 * build; {@code --strict} turns the warnings into errors. Each warning points at the file, line and
 * column to change: a page without a description, an image without alt text, a heading that skips
 * a level, a page no navigation menu leads to, tags written two ways or on one page only, a page
 * past its review date.
 */
package org.practicalpartnerships.handbook.lint;
