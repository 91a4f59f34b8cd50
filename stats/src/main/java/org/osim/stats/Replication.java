package org.osim.stats;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;
import org.osim.api.result.RunResult;
import org.osim.api.result.Summary;
import org.osim.api.result.TaskResult;

/**
 * What a study keeps of one run: its workload's name, its seed, its summary, and each completed process's
 * turnaround, waiting and response in nanoseconds (for the pooled quantiles) — not the run's per-process records,
 * so that thousands of replications of large workloads fit in memory.
 */
public record Replication(String workload, long seed, Summary summary, long[] turnaround, long[] waiting, long[] response) {
    public Replication {
        requireNonNull(workload, "workload is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(turnaround, "turnaround is null");
        requireNonNull(waiting, "waiting is null");
        requireNonNull(response, "response is null");
    }

    /** The replication that run {@code r} was. */
    public static Replication of(RunResult r) {
        int n = r.processes().size();
        long[] t = new long[n];
        long[] w = new long[n];
        long[] s = new long[n];
        int nt = 0;
        int nw = 0;
        int ns = 0;
        for (TaskResult p : r.processes()) {
            OptionalLong turnaround = p.turnaround();
            if (turnaround.isPresent()) {
                t[nt++] = turnaround.getAsLong();
                w[nw++] = p.waiting(); // waiting only of processes that completed: the others' is cut short
            }
            OptionalLong response = p.response();
            if (response.isPresent()) {
                s[ns++] = response.getAsLong();
            }
        }
        return new Replication(r.workload(), r.seed(), r.summary(), java.util.Arrays.copyOf(t, nt), java.util.Arrays.copyOf(w, nw),
                java.util.Arrays.copyOf(s, ns));
    }
}
