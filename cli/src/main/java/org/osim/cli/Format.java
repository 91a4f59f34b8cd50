package org.osim.cli;

/**
 * Output formats of {@code run} and {@code compare} (swf: a Standard Workload Format log of the schedule; moss: the MOSS
 * simulator's two summary files; html: a self-contained page with charts; svg: the Gantt chart of one run).
 */
enum Format {
    table, json, csv, swf, moss, html, svg;

    /** Refuses a format other than table and JSON, for the commands that write only those ({@code what}: the command). */
    void tableOrJson(String what) {
        if (this != table && this != json) {
            throw org.osim.api.OsimException.badInput("--format for " + what + " is table or json, got " + this);
        }
    }

    /** Whether a report in this format draws the schedule, so the run must collect its timeline. */
    boolean drawsSchedule() {
        return this == html || this == svg;
    }
}
