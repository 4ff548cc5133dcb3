/**
 * The pipeline: a {@link org.practicalpartnerships.handbook.pipeline.BuildRequest} in, the site's
 * files out to an {@link org.practicalpartnerships.handbook.output.OutputSink} and a {@link
 * org.practicalpartnerships.handbook.pipeline.BuildOutput} (or diagnostics) out, calling each stage in
 * turn. {@link org.practicalpartnerships.handbook.pipeline.PageProcessor} does each page's share in
 * parallel. No output folder is touched here; the sink the caller chooses does that.
 */
package org.practicalpartnerships.handbook.pipeline;
