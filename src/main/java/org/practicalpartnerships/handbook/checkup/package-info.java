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
 *
 * <h2>The file</h2>
 *
 * <pre>{@code
 * title: Partnership check-up                 # required: the page's title
 * description: One sentence.                  # optional
 * intro: |                                    # required, Markdown: the page's introduction
 *   Each partner answers on its own; then you compare.
 * scale:                                      # required: 2 to 9 points, in the order shown
 *   - score: 1                                # required: a whole number, different for each point
 *     label: Strongly disagree                # required: the answer's text
 *   - score: 2
 *     label: Disagree
 *   - score: 3
 *     label: Agree
 * unsure: Don't know                          # optional: an extra answer that scores nothing
 * low_below: 2                                # optional: a theme averaging below this is low
 *                                             #   (default: halfway between the lowest and highest score)
 * themes:                                     # required: one or more
 *   - id: purpose                             # required: lowercase letters, digits, hyphens
 *     title: Clarity of purpose               # required
 *     about: What the partnership is for.     # optional, Markdown: shown under the title
 *     statements:                             # required: one or more
 *       - id: one-sentence                    # required, unique in the file
 *         text: We can say in one sentence what this partnership is for.   # required, plain text
 *     low: |                                  # required, Markdown: what a low score suggests
 *       Go back to the two hard questions.
 *     links:                                  # required: one or more pages that help
 *       - page: understanding/hard-questions.md#two-questions   # relative to content/
 *         label: The two hard questions
 * }</pre>
 *
 */
package org.practicalpartnerships.handbook.checkup;
