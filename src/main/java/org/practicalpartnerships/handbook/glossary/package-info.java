/**
 * The glossary: {@code content/glossary.yml} in, checked {@link
 * org.practicalpartnerships.handbook.model.Term}s out, each definition rendered once ({@link
 * org.practicalpartnerships.handbook.glossary.GlossaryLoader}); and a page body in, its first use of
 * each term linked to the glossary out ({@link org.practicalpartnerships.handbook.glossary.TermLinker}).
 * The glossary page itself is {@code outputs.GlossaryOutput}.
 */
package org.practicalpartnerships.handbook.glossary;
