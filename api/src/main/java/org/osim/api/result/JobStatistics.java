package org.osim.api.result;

import java.util.Arrays;
import java.util.List;

/**
 * The figures the parallel-job community compares schedulers by (Feitelson and Rudolph, "Metrics and benchmarking
 * for parallel job scheduling", JSSPP 1998), over the processes that completed: the <b>wait</b>, start − submit
 * ({@link TaskResult#response()}), and the <b>bounded slowdown</b>, max(1, turnaround / max(run time, τ)) with
 * τ = {@link #TAU} (10 s), where the run time is what the process needs on a machine of its own: its longest
 * thread's CPU and blocked time. The utilization is the summary's {@code cpuUtilization}.
 *
 * @param waitTime start − submit, in nanoseconds
 * @param boundedSlowdown max(1, turnaround / max(run time, τ))
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record JobStatistics(Distribution waitTime, Distribution boundedSlowdown) {
    /** The bound τ of the bounded slowdown: 10 s, as in Mu'alem and Feitelson 2001 and most later work. */
    public static final long TAU = 10_000_000_000L;

    /**
     * Mean and nearest-rank percentiles (the smallest value with at least p% of the values at or below it).
     *
     * @param count how many values
     */
    public record Distribution(int count, double mean, double median, double p90, double p99, double max) {
        static final Distribution EMPTY = new Distribution(0, 0, 0, 0, 0, 0);

        /** The distribution of {@code values}. */
        public static Distribution of(double[] values) {
            if (values.length == 0) {
                return EMPTY;
            }
            double[] v = values.clone();
            Arrays.sort(v);
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            return new Distribution(v.length, sum / v.length, rank(v, 50), rank(v, 90), rank(v, 99), v[v.length - 1]);
        }

        private static double rank(double[] sorted, int percent) {
            int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)];
        }
    }

    /** The statistics of {@code processes}' completed ones. */
    public static JobStatistics of(List<TaskResult> processes) {
        double[] waits = new double[processes.size()];
        double[] slowdowns = new double[processes.size()];
        int n = 0;
        for (TaskResult p : processes) {
            if (p.completion().isPresent() && p.firstRun().isPresent()) {
                waits[n] = p.response().getAsLong();
                slowdowns[n] = p.boundedSlowdown().orElseThrow();
                n++;
            }
        }
        return new JobStatistics(Distribution.of(Arrays.copyOf(waits, n)), Distribution.of(Arrays.copyOf(slowdowns, n)));
    }
}
