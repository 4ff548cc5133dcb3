/** Site settings: {@code content/site.yml} in, a checked {@link org.practicalpartnerships.handbook.model.SiteConfig} out. */
package org.practicalpartnerships.handbook.config;
