package org.osim.cli;

/** Output formats of {@code run} and {@code compare} (swf: a Standard Workload Format log of the schedule; moss: the MOSS simulator's two summary files). */
enum Format {
    table, json, csv, swf, moss
}
