package org.osim.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osim.api.OsimException;
import org.osim.api.SimTime;
import org.osim.api.result.RunResult;
import org.osim.api.result.SliceRecord;
import org.osim.api.result.TaskResult;
import org.osim.api.workload.Workload;

/**
 * {@code --format moss}: a run of a MOSS {@code scheduling.conf} as the MOSS scheduling simulator writes it, its two
 * files one after the other: {@code Summary-Results} (the figures per process) and {@code Summary-Processes} (the
 * log of what ran, rebuilt from the schedule).
 */
final class MossReport {
    private static final Pattern MARK = Pattern.compile("MOSS: meandev (\\d+), standdev (\\d+), ioblocking ([\\d,]+) .*");

    private MossReport() {}

    static void write(Writer out, RunResult r, Workload w) throws IOException {
        Matcher m = MARK.matcher(w.description());
        if (!m.matches()) {
            throw OsimException.badInput("--format moss reports a run of a MOSS scheduling.conf (see 'osim list importers'); "
                    + w.name() + " is not one");
        }
        String[] blocking = m.group(3).split(",");
        List<TaskResult> ps = r.processes();
        long[] cputime = new long[ps.size()];
        long[] block = new long[ps.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ps.size(); i++) {
            cputime[i] = w.processes().get(i).declaredRuntime() / SimTime.NANOS_PER_MILLI;
            block[i] = Long.parseLong(blocking[i]);
            index.put(ps.get(i).name(), i);
        }
        long[] done = new long[ps.size()];
        long[] blocks = new long[ps.size()];
        StringBuilder log = new StringBuilder();
        List<SliceRecord> slices = r.slices();
        for (int k = 0; k < slices.size(); k++) {
            SliceRecord s = slices.get(k);
            int i = index.get(s.task());
            log.append(line(i, "registered", cputime[i], block[i], done[i]));
            done[i] += (s.end() - s.start()) / SimTime.NANOS_PER_MILLI;
            if (done[i] >= cputime[i]) {
                log.append(line(i, "completed", cputime[i], block[i], done[i]));
            } else if (k + 1 < slices.size() || ps.get(i).completion().isPresent()) { // a run cut at runtime ends without a block
                log.append(line(i, "I/O blocked", cputime[i], block[i], done[i]));
                blocks[i]++;
            }
        }
        boolean all = ps.stream().allMatch(p -> p.completion().isPresent());
        long runTime = (all ? r.summary().makespan() : w.duration().orElse(r.endTime())) / SimTime.NANOS_PER_MILLI;
        out.write("==> Summary-Results <==\n");
        out.write("Scheduling Type: Batch (Nonpreemptive)\nScheduling Name: First-Come First-Served\nSimulation Run Time: " + runTime
                + "\nMean: " + m.group(1) + "\nStandard Deviation: " + m.group(2)
                + "\nProcess #\tCPU Time\tIO Blocking\tCPU Completed\tCPU Blocked\n");
        for (int i = 0; i < ps.size(); i++) {
            out.write(i + (i < 100 ? "\t\t" : "\t") + ms(cputime[i]) + ms(block[i]) + ms(ps.get(i).cpu() / SimTime.NANOS_PER_MILLI)
                    + blocks[i] + " times\n");
        }
        out.write("\n==> Summary-Processes <==\n");
        out.write(log.toString());
    }

    /** A figure as MOSS pads it: {@code 500 (ms)} and one tab, two below 100. */
    private static String ms(long v) {
        return v + (v < 100 ? " (ms)\t\t" : " (ms)\t");
    }

    private static String line(int i, String status, long cputime, long block, long done) {
        return "Process: " + i + " " + status + "... (" + cputime + " " + block + " " + done + " " + done + ")\n";
    }
}
