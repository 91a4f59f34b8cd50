package org.osim.stats;

import java.util.List;
import java.util.function.Function;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Median, 95th and 99th percentile of a per-process figure (turnaround, waiting, response, in nanoseconds) pooled
 * over every process of every replication, by Hyndman and Fan's definition 7 (linear between order statistics, the
 * default of R and NumPy). Processes that never completed are left out; {@code count} says how many went in.
 */
public record PooledQuantiles(String name, long count, double median, double p95, double p99) {
    private static final Quantile QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    /** The figures a study pools: turnaround, waiting and response. */
    public static List<PooledQuantiles> of(List<Replication> runs) {
        return List.of(of("turnaround", runs, Replication::turnaround), of("waiting", runs, Replication::waiting),
                of("response", runs, Replication::response));
    }

    static PooledQuantiles of(String name, List<Replication> runs, Function<Replication, long[]> figure) {
        int n = 0;
        for (Replication r : runs) {
            n += figure.apply(r).length;
        }
        if (n == 0) {
            return new PooledQuantiles(name, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] values = new double[n];
        int k = 0;
        for (Replication r : runs) {
            for (long v : figure.apply(r)) {
                values[k++] = v;
            }
        }
        double[] q = QUANTILE.withCopy(false).evaluate(values, 0.5, 0.95, 0.99);
        return new PooledQuantiles(name, n, q[0], q[1], q[2]);
    }
}
