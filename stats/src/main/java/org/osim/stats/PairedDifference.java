package org.osim.stats;

import static java.util.Objects.requireNonNull;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A policy against the baseline for one metric, over replications that share their random numbers: the paired
 * differences {@code policy - baseline}, their {@link Estimate}, the two-sided p-value of the paired t test (no
 * difference), that p-value after {@link Holm}'s correction over the policies compared, and the verdict at the
 * study's confidence.
 */
public record PairedDifference(SummaryMetric metric, Estimate difference, double p, double adjustedP, Verdict verdict) {
    public PairedDifference {
        requireNonNull(metric, "metric is null");
        requireNonNull(difference, "difference is null");
        requireNonNull(verdict, "verdict is null");
    }

    /** The p-value of the paired t test of {@code d}: how likely a mean difference this large is if there is none. */
    static double pValue(Estimate d) {
        if (d.n() < 2) {
            return Double.NaN;
        }
        if (d.standardDeviation() == 0) {
            return d.mean() == 0 ? 1 : 0; // the same in every replication: no noise to weigh it against
        }
        double t = d.mean() / (d.standardDeviation() / Math.sqrt(d.n()));
        return 2 * TDistribution.of(d.n() - 1).survivalProbability(Math.abs(t));
    }

    /** The verdict for difference {@code d} of {@code metric} with adjusted p-value {@code adjustedP}. */
    static Verdict verdict(SummaryMetric metric, Estimate d, double adjustedP) {
        if (Double.isNaN(adjustedP) || adjustedP >= 1 - d.confidence()) {
            return Verdict.NO_SIGNIFICANT_DIFFERENCE;
        }
        return (d.mean() < 0) == metric.lowerIsBetter() ? Verdict.BETTER : Verdict.WORSE;
    }
}
