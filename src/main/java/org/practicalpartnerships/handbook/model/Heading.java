package org.practicalpartnerships.handbook.model;

/** A section heading of a page: its level (2 to 6), its anchor id and its plain text. */
public record Heading(int level, String id, String text) {}
