/**
 * The glossary: {@code content/glossary.yml} in, checked terms and the glossary page's body out.
 */
package org.practicalpartnerships.handbook.glossary;
