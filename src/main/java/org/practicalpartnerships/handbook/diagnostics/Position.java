package org.practicalpartnerships.handbook.diagnostics;

/**
 * Where something is in a source file: a 1-based line and column, as an editor shows them. Parsers
 * keep the positions of what they read, so later stages point at a line without searching for it.
 */
public record Position(int line, int column) {}
