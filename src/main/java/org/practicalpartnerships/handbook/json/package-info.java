/** JSON text: strings escaped once, the same way, for every JSON file the build writes. */
package org.practicalpartnerships.handbook.json;
