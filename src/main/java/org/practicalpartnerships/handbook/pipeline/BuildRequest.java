package org.practicalpartnerships.handbook.pipeline;

import java.nio.file.Path;

/**
 * What to build.
 *
 * @param content the content folder
 * @param templates the templates folder
 * @param drafts true to publish pages marked {@code draft: true}
 */
public record BuildRequest(Path content, Path templates, boolean drafts) {}
