package org.osim.stats;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several policies, each run in the same replications (replication k of every policy with the seed
 * {@link ReplicationSeeds#seed}, so with the same arrivals and service times): each metric's {@link Estimate}, the
 * pooled per-process {@link PooledQuantiles}, and against the baseline the {@link PairedDifference}s, Holm-corrected
 * over the policies compared for each metric.
 *
 * @param arms one per policy (or workload and policy), in the order run
 * @param baseline the arm the others are compared with
 */
public record Study(List<Arm> arms, int baseline, double confidence, int replications, List<Long> seeds) {
    public Study {
        arms = List.copyOf(arms);
        seeds = List.copyOf(seeds);
    }

    /** One policy's runs and what they say. */
    public record Arm(String label, List<Replication> runs, Map<String, Estimate> estimates, List<PooledQuantiles> pooled,
                      List<PairedDifference> differences) {
        public Arm {
            requireNonNull(label, "label is null");
            runs = List.copyOf(runs);
            estimates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(estimates));
            pooled = List.copyOf(pooled);
            differences = List.copyOf(differences);
        }

        public Estimate estimate(SummaryMetric m) {
            return estimates.get(m.name());
        }
    }

    /**
     * The study of {@code runs}: for each label, its replications in order (every label the same number, replication
     * k run with {@code seeds.get(k - 1)}).
     */
    public static Study of(List<String> labels, List<List<Replication>> runs, int baseline, double confidence, List<Long> seeds) {
        int n = runs.get(0).size();
        for (List<Replication> r : runs) {
            if (r.size() != n) {
                throw new IllegalArgumentException("every policy needs the same replications");
            }
        }
        if (baseline < 0 || baseline >= labels.size()) {
            throw new IllegalArgumentException("no baseline " + baseline);
        }
        // Paired differences of each metric, then Holm's correction across the policies compared with the baseline.
        Map<SummaryMetric, double[]> p = new LinkedHashMap<>();
        Map<SummaryMetric, Estimate[]> d = new LinkedHashMap<>();
        for (SummaryMetric m : SummaryMetric.STANDARD) {
            double[] ps = new double[labels.size()];
            Estimate[] ds = new Estimate[labels.size()];
            for (int a = 0; a < labels.size(); a++) {
                if (a == baseline) {
                    continue;
                }
                double[] diff = new double[n];
                for (int k = 0; k < n; k++) {
                    diff[k] = m.of(runs.get(a).get(k)) - m.of(runs.get(baseline).get(k));
                }
                ds[a] = Estimate.of(diff, confidence);
                ps[a] = PairedDifference.pValue(ds[a]);
            }
            p.put(m, ps);
            d.put(m, ds);
        }
        Map<SummaryMetric, double[]> adjusted = new LinkedHashMap<>();
        p.forEach((m, ps) -> {
            double[] others = new double[labels.size() - 1];
            for (int a = 0, j = 0; a < labels.size(); a++) {
                if (a != baseline) {
                    others[j++] = ps[a];
                }
            }
            double[] adj = Holm.adjust(others);
            double[] back = new double[labels.size()];
            for (int a = 0, j = 0; a < labels.size(); a++) {
                back[a] = a == baseline ? Double.NaN : adj[j++];
            }
            adjusted.put(m, back);
        });
        List<Arm> arms = new ArrayList<>();
        for (int a = 0; a < labels.size(); a++) {
            Map<String, Estimate> est = new LinkedHashMap<>();
            List<PairedDifference> diffs = new ArrayList<>();
            for (SummaryMetric m : SummaryMetric.STANDARD) {
                double[] values = runs.get(a).stream().mapToDouble(m::of).toArray();
                est.put(m.name(), Estimate.of(values, confidence));
                if (a != baseline) {
                    Estimate e = d.get(m)[a];
                    double adj = adjusted.get(m)[a];
                    diffs.add(new PairedDifference(m, e, p.get(m)[a], adj, PairedDifference.verdict(m, e, adj)));
                }
            }
            arms.add(new Arm(labels.get(a), runs.get(a), est, PooledQuantiles.of(runs.get(a)), diffs));
        }
        return new Study(arms, baseline, confidence, n, seeds);
    }

    /**
     * Whether every arm's every metric is estimated within {@code relative} of its mean (a metric that is 0 in every
     * replication is exact): the stopping rule of the sequential procedure (Law and Kelton §9.4.1).
     */
    public static boolean precise(List<List<Replication>> arms, double confidence, double relative) {
        for (List<Replication> runs : arms) {
            for (SummaryMetric m : SummaryMetric.STANDARD) {
                Estimate e = Estimate.of(runs.stream().mapToDouble(m::of).toArray(), confidence);
                if (Double.isNaN(e.halfWidth()) || (e.mean() == 0 ? e.halfWidth() > 0 : e.relativeHalfWidth() > relative)) {
                    return false;
                }
            }
        }
        return true;
    }
}
