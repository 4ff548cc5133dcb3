/**
 * The pipeline: a {@link org.practicalpartnerships.handbook.build.BuildRequest} in, the site's
 * files out to an {@link org.practicalpartnerships.handbook.output.OutputSink} and a {@link
 * org.practicalpartnerships.handbook.build.BuildOutput} (or diagnostics) out, calling each stage in
 * turn. {@link org.practicalpartnerships.handbook.build.PageProcessor} does each page's share in
 * parallel. No output folder is touched here; the sink the caller chooses does that.
 */
package org.practicalpartnerships.handbook.build;
