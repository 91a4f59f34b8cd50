package org.osim.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Removing the initial transient of steady-state runs: a run that starts empty under-states the waiting of a loaded
 * system at first. {@link #mser5} finds how many jobs to drop by the MSER-5 rule (White, "An effective truncation
 * heuristic for bias reduction in simulation output", Simulation 69(6), 1997; White, Cobb and Spratt, WSC 2000):
 * average the series in batches of five, and drop the first d batches that minimise the squared standard error of
 * what is left, {@code Σ (Z_j − Z̄(d))² / (n − d)²}, with d at most half the batches.
 */
public final class Warmup {
    private Warmup() {}

    /** The MSER-5 truncation point of {@code series}: how many of its first observations to drop (a multiple of 5). */
    public static int mser5(double[] series) {
        int n = series.length / 5;
        if (n < 2) {
            return 0;
        }
        double[] z = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < 5; i++) {
                s += series[5 * j + i];
            }
            z[j] = s / 5;
        }
        // suffix sums give every d's mean and sum of squares in one pass
        double[] sum = new double[n + 1];
        double[] squares = new double[n + 1];
        for (int j = n - 1; j >= 0; j--) {
            sum[j] = sum[j + 1] + z[j];
            squares[j] = squares[j + 1] + z[j] * z[j];
        }
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int d = 0; d <= n / 2; d++) {
            int m = n - d;
            double mean = sum[d] / m;
            double value = (squares[d] - m * mean * mean) / ((double) m * m);
            if (value < bestValue) {
                bestValue = value;
                best = d;
            }
        }
        return 5 * best;
    }

    /**
     * The MSER-5 point of the per-job turnaround of {@code runs} averaged over them, job by job (Welch's averaged
     * series, as Law and Kelton §9.5.1 advise), over the jobs every replication completed.
     */
    public static int mser5(List<Replication> runs) {
        int n = runs.stream().mapToInt(Replication::jobs).min().orElse(0);
        double[] mean = new double[n];
        for (Replication r : runs) {
            for (int i = 0; i < n; i++) {
                mean[i] += (double) r.turnaround()[i] / runs.size();
            }
        }
        return mser5(mean);
    }

    /** {@code runs} without their first {@code jobs} jobs. */
    public static List<Replication> drop(List<Replication> runs, int jobs) {
        List<Replication> out = new ArrayList<>();
        for (Replication r : runs) {
            out.add(r.jobs(Math.min(jobs, r.jobs()), r.jobs()));
        }
        return out;
    }

    /** {@code runs} with only the jobs that arrived at {@code time} or later. */
    public static List<Replication> arrivingFrom(List<Replication> runs, long time) {
        List<Replication> out = new ArrayList<>();
        for (Replication r : runs) {
            int first = 0;
            while (first < r.jobs() && r.arrival()[first] < time) {
                first++;
            }
            out.add(r.jobs(first, r.jobs()));
        }
        return out;
    }

    /**
     * Batch means (Law and Kelton §9.5.3): one long run's jobs in {@code batches} consecutive batches of equal size (the
     * remainder at the end dropped), each batch standing for a replication in a {@link Study}.
     */
    public static List<Replication> batches(Replication run, int batches) {
        int size = run.jobs() / batches;
        if (size < 1) {
            throw new IllegalArgumentException(batches + " batches need at least as many jobs, the run has " + run.jobs());
        }
        List<Replication> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            out.add(run.jobs(b * size, (b + 1) * size));
        }
        return out;
    }
}
