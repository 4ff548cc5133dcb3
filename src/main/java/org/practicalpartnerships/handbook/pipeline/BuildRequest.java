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
 * @param today the day the build takes as today (for warnings about pages past their review
 *     date, never for what is written); empty to ask the clock
 */
public record BuildRequest(Path content, Path templates, boolean drafts, Optional<LocalDate> today) {

  /** A build that takes today from the clock. */
  public BuildRequest(Path content, Path templates, boolean drafts) {
    this(content, templates, drafts, Optional.empty());
  }

  /** The day taken as today: {@link #today()} when pinned, else the clock's. */
  public LocalDate date() {
    return today.orElseGet(LocalDate::now);
  }
}
