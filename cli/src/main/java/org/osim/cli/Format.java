package org.osim.cli;

/** Output formats of {@code run} and {@code compare} (swf: a Standard Workload Format log of the schedule). */
enum Format {
    table, json, csv, swf
}
