/**
 * Output: files in, as the build makes them ({@link
 * org.practicalpartnerships.handbook.output.OutputSink}), the output folder replaced atomically out
 * (a staging folder, then a swap), never touching a folder this tool did not make. Folders are
 * compared by where they really are ({@link org.practicalpartnerships.handbook.output.RealPaths}),
 * and an output that cannot be written is an {@link
 * org.practicalpartnerships.handbook.output.OutputException} the user can act on.
 */
package org.practicalpartnerships.handbook.output;
