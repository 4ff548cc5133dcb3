/**
 * HTML helpers shared by every stage that handles fragments with jsoup: a fragment in, a parsed
 * document with the build's output settings out ({@link org.practicalpartnerships.handbook.html.Html}).
 */
package org.practicalpartnerships.handbook.html;
