package org.osim.cli;

/**
 * Output formats of {@code run} and {@code compare} (swf: a Standard Workload Format log of the schedule; moss: the MOSS
 * simulator's two summary files; html: a self-contained page with charts; svg: the Gantt chart of one run).
 */
enum Format {
    table, json, csv, swf, moss, html, svg;

    /** Whether a report in this format draws the schedule, so the run must collect its timeline. */
    boolean drawsSchedule() {
        return this == html || this == svg;
    }
}
