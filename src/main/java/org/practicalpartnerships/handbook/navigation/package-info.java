/**
 * Navigation: the listed pages in, the handbook's structure out ({@link
 * org.practicalpartnerships.handbook.navigation.SiteNavigation}): reading order, previous and next,
 * breadcrumbs and each page's sidebar, all answered from maps built once per build.
 */
package org.practicalpartnerships.handbook.navigation;
