package org.practicalpartnerships.handbook.decisiontree;

/**
 * A way back from a handbook page to the decision tree: an outcome that recommends the page.
 *
 * @param outcomeId the outcome's id
 * @param outcomeTitle the outcome's title, such as "Co-ordination"
 * @param outcomePath the site path of the outcome's page (its first route), such as {@code
 *     decide/co-ordination.html}
 * @param section the {@code #section} of the handbook page the outcome links to, without the
 *     {@code #}, or "" for the whole page
 */
public record TreePointer(String outcomeId, String outcomeTitle, String outcomePath, String section) {}
