/** The command line: arguments in, an exit code out; {@code build} writes, {@code check} does not. */
package org.practicalpartnerships.handbook.cli;
