/** The {@code osim} command line: run, compare, list, describe and bench, and the reports they print. */
package org.osim.cli;
