/**
 * Output: files in, as the build makes them ({@link
 * org.practicalpartnerships.handbook.output.OutputSink}), the output folder replaced atomically out
 * (a staging folder, then a swap), never touching a folder this tool did not make.
 */
package org.practicalpartnerships.handbook.output;
