package org.osim.stats;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.osim.api.result.Summary;

/**
 * A figure of a run's summary that a study estimates and compares.
 *
 * @param name as JSON and CSV name it ({@code meanTurnaround})
 * @param label as tables print it ({@code mean turnaround})
 * @param time whether it is a duration in nanoseconds, which reports print in their unit
 * @param lowerIsBetter which way a difference is an improvement
 */
public record SummaryMetric(String name, String label, boolean time, boolean lowerIsBetter, ToDoubleFunction<Summary> value) {
    public SummaryMetric {
        requireNonNull(name, "name is null");
        requireNonNull(label, "label is null");
        requireNonNull(value, "value is null");
    }

    /** The metrics every study reports, in report order. */
    public static final List<SummaryMetric> STANDARD = List.of(
            new SummaryMetric("meanTurnaround", "mean turnaround", true, true, Summary::meanTurnaround),
            new SummaryMetric("meanWaiting", "mean waiting", true, true, Summary::meanWaiting),
            new SummaryMetric("meanResponse", "mean response", true, true, Summary::meanResponse),
            new SummaryMetric("throughput", "throughput", false, false, s -> s.throughput()),
            new SummaryMetric("cpuUtilization", "CPU utilization", false, false, Summary::cpuUtilization),
            new SummaryMetric("makespan", "makespan", true, true, s -> s.makespan()),
            new SummaryMetric("contextSwitches", "context switches", false, true, s -> s.contextSwitches()),
            new SummaryMetric("jainFairness", "Jain fairness", false, false, Summary::jainFairness));

    /** This metric of replication {@code r}. */
    public double of(Replication r) {
        return value.applyAsDouble(r.summary());
    }
}
