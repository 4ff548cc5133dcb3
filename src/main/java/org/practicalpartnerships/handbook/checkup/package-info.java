/**
 * The partnership check-up, a self-assessment that partners fill in separately and compare: {@code
 * content/checkup.yml} in ({@link org.practicalpartnerships.handbook.checkup.CheckupLoader}, which
 * documents the format and reports every problem as a diagnostic at its line and column, all in one
 * run), a checked, immutable {@link org.practicalpartnerships.handbook.checkup.Checkup} and the
 * file's links out (for the build's link checker); then ({@link
 * org.practicalpartnerships.handbook.checkup.CheckupPage}) the check-up in, the body of its one
 * page, {@code checkup/index.html}, out: a worksheet of real radio buttons in fieldsets, a scoring
 * guide to follow with a pencil, what a low score suggests for each theme, and how to compare
 * partners. That page works without JavaScript and on paper; {@code templates/assets/checkup.js}
 * enhances it (live scores, the answer code in the address, comparing partners' codes) and reads
 * everything it needs from the page's markup.
 */
package org.practicalpartnerships.handbook.checkup;
