package org.osim.importers.swf;

/** The jobs of a trace an import leaves out, by reason, for the workload's description. */
final class SwfSkips {
    int zeroRunTime;
    int cancelled;
    int noProcessors;
    int tooLarge;

    void describe(StringBuilder s) {
        int total = zeroRunTime + cancelled + noProcessors + tooLarge;
        if (total == 0) {
            return;
        }
        s.append("; skipped ").append(total).append(':');
        String sep = " ";
        if (zeroRunTime > 0) {
            s.append(sep).append(zeroRunTime).append(" with run time 0 or unknown");
            sep = ", ";
        }
        if (cancelled > 0) {
            s.append(sep).append(cancelled).append(" cancelled before they started");
            sep = ", ";
        }
        if (noProcessors > 0) {
            s.append(sep).append(noProcessors).append(" without a processor count");
            sep = ", ";
        }
        if (tooLarge > 0) {
            s.append(sep).append(tooLarge).append(" larger than the machine");
        }
    }
}
