package org.practicalpartnerships.handbook.model;

/**
 * Where a page of a step-by-step tool (the decision tree's questions and outcomes) sits, for the
 * layout: in the GOV.UK pattern such a page has a Back link above its title instead of
 * breadcrumbs, and a question has a caption such as "Question 2 of 3".
 *
 * @param backPath the site path the Back link returns to: the previous page of the reader's route
 * @param caption the line above the title, or "" for none
 */
public record StepNav(String backPath, String caption) {}
