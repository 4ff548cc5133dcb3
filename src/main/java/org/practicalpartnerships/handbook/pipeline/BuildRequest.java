package org.practicalpartnerships.handbook.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What to build.
 *
 * @param content the content folder
 * @param templates the templates folder
 * @param drafts true to publish pages marked {@code draft: true}
 * @param preview true for {@code serve}'s preview, which serves the site at {@code /}: the 404
 *     page, which is served at any address, reaches the site from there instead of from base_url
 * @param today the day the build takes as today (for warnings about pages past their review
 *     date, never for what is written); empty to ask the clock
 */
public record BuildRequest(Path content, Path templates, boolean drafts, boolean preview, Optional<LocalDate> today) {
  /** A build for publishing that takes today from the clock. */
  public BuildRequest(Path content, Path templates, boolean drafts) {
    this(content, templates, drafts, false, Optional.empty());
  }

  /** A build for publishing ({@code preview} false) or for the preview, taking today from the clock. */
  public BuildRequest(Path content, Path templates, boolean drafts, boolean preview) {
    this(content, templates, drafts, preview, Optional.empty());
  }

  /** The day taken as today: {@link #today()} when pinned, else the clock's. */
  public LocalDate date() {
    return today.orElseGet(LocalDate::now);
  }
}
