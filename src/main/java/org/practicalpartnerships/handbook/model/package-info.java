/**
 * The site model: immutable {@link org.practicalpartnerships.handbook.model.Page} records and the
 * path arithmetic ({@link org.practicalpartnerships.handbook.model.SitePaths}) that keeps every
 * URL relative, so the handbook works under any path and from a folder.
 */
package org.practicalpartnerships.handbook.model;
