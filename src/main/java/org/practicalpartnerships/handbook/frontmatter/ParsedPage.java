package org.practicalpartnerships.handbook.frontmatter;

import org.practicalpartnerships.handbook.model.FrontMatter;

/**
 * A page split into its front matter and its Markdown body.
 *
 * @param frontMatter the checked front matter
 * @param body the Markdown after the front matter block
 * @param bodyOffset the character offset in the file where {@code body} starts, to map positions back
 */
public record ParsedPage(FrontMatter frontMatter, String body, int bodyOffset) {}
