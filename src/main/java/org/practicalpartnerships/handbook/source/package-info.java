/**
 * Source loading: a content folder in, a sorted {@link org.practicalpartnerships.handbook.source.SourceSet}
 * out (pages, data files, assets), with unsafe paths, bad encodings and address collisions reported
 * as diagnostics.
 */
package org.practicalpartnerships.handbook.source;
