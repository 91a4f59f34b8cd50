package org.osim.cli;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.result.RunResult;
import org.osim.api.result.TaskResult;
import org.osim.api.result.Termination;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;

/**
 * {@code --format swf}: each run as a Standard Workload Format log, one line per process, with the simulated
 * wait and run times, so the tools of the parallel-job community read osim's schedule as a trace.
 */
final class SwfReport {
    private SwfReport() {}

    /** Each run, after {@code ;} header lines naming it; {@code workloads.get(i)} is what {@code runs.get(i)} ran. */
    static void write(java.io.Writer out, List<RunResult> runs, List<Workload> workloads) throws java.io.IOException {
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            Map<String, ProcessSpec> specs = new HashMap<>();
            workloads.get(i).processes().forEach(p -> specs.put(p.name(), p));
            out.write("; Version: 2.2\n; Computer: osim, " + r.cpus() + " CPUs (" + r.profile() + " profile)\n; Note: workload "
                    + r.workload() + " under scheduler " + r.scheduler() + (r.params().isEmpty() ? "" : " " + r.params())
                    + ", seed " + r.seed() + "; wait and run times as simulated\n; MaxProcs: " + r.cpus() + "\n");
            int n = 0;
            for (TaskResult p : r.processes()) {
                n++;
                line.setLength(0);
                ProcessSpec spec = specs.get(p.name());
                int procs = Math.max(1, p.threads().size());
                long run = p.completion().isPresent() && p.firstRun().isPresent()
                        ? p.completion().getAsLong() - p.firstRun().getAsLong() : -1;
                field(line, jobNumber(p.name(), n));
                seconds(line, p.arrival());
                seconds(line, p.response().orElse(-1));
                seconds(line, run);
                field(line, procs);
                seconds(line, p.cpu() / procs);
                field(line, -1);
                field(line, procs);
                seconds(line, spec == null ? -1 : spec.declaredRuntime());
                field(line, -1);
                boolean normal = p.termination().map(t -> t.kind() == Termination.Kind.NORMAL).orElse(false);
                field(line, p.completion().isEmpty() ? -1 : normal ? 1 : 0);
                field(line, spec == null ? -1 : number(spec.user(), "u"));
                for (int k = 13; k <= 18; k++) {
                    field(line, -1);
                }
                line.setCharAt(line.length() - 1, '\n');
                out.append(line);
            }
        }
    }

    /** The number of job {@code jN} of an SWF import, else its place in the results. */
    private static long jobNumber(String name, int place) {
        long n = number(name, "j");
        return n > 0 ? n : place;
    }

    private static long number(String name, String prefix) {
        if (name.startsWith(prefix) && name.length() > prefix.length() && name.length() < 18
                && name.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
            return Long.parseLong(name.substring(prefix.length()));
        }
        return -1;
    }

    private static void field(StringBuilder line, long v) {
        line.append(v).append(' ');
    }

    /** Seconds, whole where they are, else as exact decimals; -1 stays -1. */
    private static void seconds(StringBuilder line, long nanos) {
        if (nanos < 0) {
            field(line, -1);
        } else if (nanos % 1_000_000_000L == 0) {
            field(line, nanos / 1_000_000_000L);
        } else {
            line.append(BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString()).append(' ');
        }
    }
}
