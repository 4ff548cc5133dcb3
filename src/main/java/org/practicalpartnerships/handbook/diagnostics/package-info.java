/**
 * Diagnostics as data: every stage reports problems as {@link
 * org.practicalpartnerships.handbook.diagnostics.Diagnostic} values (file, line, column, severity,
 * message, source line) instead of throwing or logging; the CLI prints them all at the end, with
 * control characters from the content made visible ({@link
 * org.practicalpartnerships.handbook.diagnostics.TerminalText}).
 */
package org.practicalpartnerships.handbook.diagnostics;
