/**
 * The site model, at the bottom of the engine and importing no stage: {@link
 * org.practicalpartnerships.handbook.model.Page} (with its {@link
 * org.practicalpartnerships.handbook.model.PageKind}), {@link
 * org.practicalpartnerships.handbook.model.FrontMatter} (with where each key was written), {@link
 * org.practicalpartnerships.handbook.model.LinkRef} and {@link
 * org.practicalpartnerships.handbook.model.Href} (a link as written, and read), {@link
 * org.practicalpartnerships.handbook.model.SiteConfig} and {@link
 * org.practicalpartnerships.handbook.model.Term}. All immutable records; every stage reads them.
 * {@link org.practicalpartnerships.handbook.model.SitePaths} does the path arithmetic that keeps
 * every URL relative, so the handbook works under any path and from a folder.
 */
package org.practicalpartnerships.handbook.model;
