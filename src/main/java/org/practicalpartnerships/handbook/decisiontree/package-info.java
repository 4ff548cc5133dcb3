/**
 * The decision tree, "Which kind of partnership fits?": {@code content/decide.yml} in ({@link
 * org.practicalpartnerships.handbook.decisiontree.DecisionTreeLoader}, which documents the format
 * and reports every problem as a diagnostic), a checked {@link
 * org.practicalpartnerships.handbook.decisiontree.DecisionTree} and the file's links out; then
 * ({@link org.practicalpartnerships.handbook.decisiontree.DecisionTreePages}) the tree in, its
 * pages under {@code decide/} out as {@link org.practicalpartnerships.handbook.decisiontree.TreePage}
 * body fragments: a start page, one page per question and per outcome on each route, and an
 * overview with an SVG diagram drawn at build time, plus pointers from the handbook pages the
 * outcomes recommend back to those outcomes.
 */
package org.practicalpartnerships.handbook.decisiontree;
