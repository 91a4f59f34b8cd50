package org.osim.stats;

import java.util.List;
import java.util.function.Function;
import java.util.OptionalLong;
import org.apache.commons.statistics.descriptive.Quantile;
import org.osim.api.result.RunResult;
import org.osim.api.result.TaskResult;

/**
 * Median, 95th and 99th percentile of a per-process figure (turnaround, waiting, response, in nanoseconds) pooled
 * over every process of every replication, by Hyndman and Fan's definition 7 (linear between order statistics, the
 * default of R and NumPy). Processes that never completed (or never ran) are left out; {@code count} says how many
 * went in.
 */
public record PooledQuantiles(String name, long count, double median, double p95, double p99) {
    private static final Quantile QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    /** The figures a study pools: turnaround, waiting and response. */
    public static List<PooledQuantiles> of(List<RunResult> runs) {
        return List.of(of("turnaround", runs, TaskResult::turnaround), of("waiting", runs, t -> OptionalLong.of(t.waiting())),
                of("response", runs, TaskResult::response));
    }

    static PooledQuantiles of(String name, List<RunResult> runs, Function<TaskResult, OptionalLong> figure) {
        int n = 0;
        for (RunResult r : runs) {
            n += r.processes().size();
        }
        double[] values = new double[n];
        int k = 0;
        for (RunResult r : runs) {
            for (TaskResult t : r.processes()) {
                OptionalLong v = figure.apply(t);
                if (v.isPresent() && (!name.equals("waiting") || t.completion().isPresent())) {
                    values[k++] = v.getAsLong();
                }
            }
        }
        if (k == 0) {
            return new PooledQuantiles(name, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] q = QUANTILE.evaluate(java.util.Arrays.copyOf(values, k), 0.5, 0.95, 0.99);
        return new PooledQuantiles(name, k, q[0], q[1], q[2]);
    }
}
