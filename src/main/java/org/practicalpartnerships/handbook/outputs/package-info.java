/**
 * Generated pages: the site's pages in, the bodies of the A–Z index, tag pages, the print page,
 * the "not found" page and the sitemap out.
 */
package org.practicalpartnerships.handbook.outputs;
