package org.practicalpartnerships.handbook.model;

/** Where a page comes from, which decides which checks and warnings apply to it. */
public enum PageKind {
  /** Written by an editor as a Markdown file: linted, its links checked, its terms linked. */
  WRITTEN,
  /** The glossary page, made from {@code glossary.yml}; its entries are indexed one by one. */
  GLOSSARY,
  /** A page of the decision tree, made from {@code decide.yml}. */
  TREE,
  /** The partnership check-up, made from {@code checkup.yml}. */
  CHECKUP,
  /** Made by the build from the other pages: the A to Z, tags, search, print and "not found" pages. */
  GENERATED
}
