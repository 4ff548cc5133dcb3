/**
 * Output: the finished files in, the output folder replaced atomically out (staging folder, then a
 * swap), never touching a folder this tool did not make.
 */
package org.practicalpartnerships.handbook.output;
