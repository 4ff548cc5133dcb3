/**
 * The command line: arguments in, an exit code out. {@code build}, {@code check}, {@code serve}
 * and {@code new} parse their options with picocli, check the folders, run the pipeline (or the
 * preview) and print the diagnostics; only {@code Main.main} exits the JVM.
 */
package org.practicalpartnerships.handbook.cli;
