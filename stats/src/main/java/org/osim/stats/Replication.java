package org.osim.stats;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.osim.api.result.RunResult;
import org.osim.api.result.Summary;
import org.osim.api.result.TaskResult;

/**
 * What a study keeps of one run: its workload's name, its seed, its summary, and, for each process that completed, in
 * order of arrival, its arrival, turnaround, waiting and response in nanoseconds — the per-job series that the pooled
 * quantiles, the warm-up rules and batch means work on. Not the run's per-process records, so that thousands of
 * replications of large workloads fit in memory.
 */
public record Replication(String workload, long seed, Summary summary, long[] arrival, long[] turnaround, long[] waiting,
                          long[] response) implements java.io.Serializable {
    public Replication {
        requireNonNull(workload, "workload is null");
        requireNonNull(summary, "summary is null");
        if (arrival.length != turnaround.length || waiting.length != turnaround.length || response.length != turnaround.length) {
            throw new IllegalArgumentException("one arrival, turnaround, waiting and response per job");
        }
    }

    /** The replication that run {@code r} was. */
    public static Replication of(RunResult r) {
        List<TaskResult> done = new ArrayList<>();
        for (TaskResult p : r.processes()) {
            if (p.turnaround().isPresent()) {
                done.add(p);
            }
        }
        done.sort(Comparator.comparingLong(TaskResult::arrival)); // stable: ties keep the workload's order
        int n = done.size();
        long[] a = new long[n];
        long[] t = new long[n];
        long[] w = new long[n];
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            TaskResult p = done.get(i);
            a[i] = p.arrival();
            t[i] = p.turnaround().getAsLong();
            w[i] = p.waiting();
            s[i] = p.response().orElse(t[i]);
        }
        return new Replication(r.workload(), r.seed(), r.summary(), a, t, w, s);
    }

    /** How many jobs completed. */
    public int jobs() {
        return turnaround.length;
    }

    /**
     * Jobs {@code from} (inclusive) to {@code to} (exclusive) alone: their arrays, and the summary's mean turnaround,
     * waiting and response over them (the run's other figures stay those of the whole run).
     */
    public Replication jobs(int from, int to) {
        long[] t = java.util.Arrays.copyOfRange(turnaround, from, to);
        long[] w = java.util.Arrays.copyOfRange(waiting, from, to);
        long[] s = java.util.Arrays.copyOfRange(response, from, to);
        Summary x = summary;
        Summary means = new Summary(mean(t), mean(w), mean(s), x.throughput(), x.cpuUtilization(), x.perCpuUtilization(),
                x.anyCpuBusy(), x.makespan(), x.contextSwitches(), x.preemptions(), x.migrations(), x.userThreadSwitches(), x.upcalls(),
                x.instructions(), x.busTransactions(), x.busWait(), x.overhead(), x.deadlineMisses(), x.jainFairness(), x.processes(),
                x.completed(), x.failedForks());
        return new Replication(workload, seed, means, java.util.Arrays.copyOfRange(arrival, from, to), t, w, s);
    }

    private static double mean(long[] v) {
        double sum = 0;
        for (long x : v) {
            sum += x;
        }
        return v.length == 0 ? Double.NaN : sum / v.length;
    }
}
