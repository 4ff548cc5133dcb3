/**
 * Site settings: {@code content/site.yml} in (optional), a checked {@link
 * org.practicalpartnerships.handbook.model.SiteConfig} out; unknown keys and bad values are
 * diagnostics at their line.
 */
package org.practicalpartnerships.handbook.config;
