package org.practicalpartnerships.handbook.pipeline;

import java.nio.file.Path;

/**
 * What to build.
 *
 * @param content the content folder
 * @param templates the templates folder
 * @param drafts true to publish pages marked {@code draft: true}
 * @param preview true for {@code serve}'s preview, which serves the site at {@code /}: the 404
 *     page, which is served at any address, reaches the site from there instead of from base_url
 */
public record BuildRequest(Path content, Path templates, boolean drafts, boolean preview) {
  /** A build for publishing. */
  public BuildRequest(Path content, Path templates, boolean drafts) {
    this(content, templates, drafts, false);
  }
}
