/**
 * The pipeline: a {@link org.practicalpartnerships.handbook.pipeline.BuildRequest} in, the site's
 * files out to an {@link org.practicalpartnerships.handbook.output.OutputSink} and a {@link
 * org.practicalpartnerships.handbook.pipeline.BuildOutput} (or diagnostics) out. {@link
 * org.practicalpartnerships.handbook.pipeline.Pipeline#build} calls the stages in turn: inputs and
 * front matter, pages from data files, each page processed ({@link
 * org.practicalpartnerships.handbook.pipeline.PageProcessor}, in parallel), the site assembled,
 * checked ({@code SiteChecks}), the outputs' pages and files, rendering ({@link
 * org.practicalpartnerships.handbook.pipeline.Renderer}). {@link
 * org.practicalpartnerships.handbook.pipeline.Reuse} is where {@code serve}'s cache plugs in; build
 * and check reuse nothing. No output folder is touched here; the sink the caller chooses does that.
 */
package org.practicalpartnerships.handbook.pipeline;
