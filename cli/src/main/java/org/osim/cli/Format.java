package org.osim.cli;

/** Output formats of {@code run} and {@code compare}. */
enum Format {
    table, json, csv
}
