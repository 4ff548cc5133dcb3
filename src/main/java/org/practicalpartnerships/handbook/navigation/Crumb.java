package org.practicalpartnerships.handbook.navigation;

/** One step of a breadcrumb trail: a title and the site path it links to (null: no page). */
public record Crumb(String title, String path) {}
