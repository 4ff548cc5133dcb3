/**
 * The pipeline: a {@link org.practicalpartnerships.handbook.build.BuildRequest} in, a {@link
 * org.practicalpartnerships.handbook.build.BuildOutput} (or diagnostics) out, calling each stage in
 * turn. No file is written here; {@code output} does that.
 */
package org.practicalpartnerships.handbook.build;
