/**
 * Front matter: a page's text in, its checked {@link
 * org.practicalpartnerships.handbook.model.FrontMatter} and Markdown body out. Every problem
 * is reported at its line in the .md file.
 */
package org.practicalpartnerships.handbook.frontmatter;
