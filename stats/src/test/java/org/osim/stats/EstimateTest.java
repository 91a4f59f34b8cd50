package org.osim.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EstimateTest {
    @Test
    void theIntervalIsStudentsT() {
        // 1..10: mean 5.5, s = 3.02765, t(0.975; 9) = 2.262157 (scipy.stats.t.ppf), half-width 2.165858.
        Estimate e = Estimate.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.95);
        assertThat(e.mean()).isEqualTo(5.5);
        assertThat(e.standardDeviation()).isCloseTo(3.0276503540974917, within(1e-12));
        assertThat(Estimate.quantile(0.95, 9)).isCloseTo(2.262157162798205, within(1e-9));
        assertThat(e.halfWidth()).isCloseTo(2.262157162798205 * 3.0276503540974917 / Math.sqrt(10), within(1e-9));
        assertThat(e.contains(7.6)).isTrue();
        assertThat(e.contains(7.7)).isFalse();
        assertThat(Estimate.of(new double[] {4}, 0.95).halfWidth()).isNaN();
    }

    @Test
    void pairedTestsAndHolmsCorrection() {
        // d = 1..5: t = 3 / (1.5811 / √5) = 4.2426 on 4 degrees of freedom, two-sided p = 0.0132356 (scipy).
        Estimate d = Estimate.of(new double[] {1, 2, 3, 4, 5}, 0.95);
        assertThat(PairedDifference.pValue(d)).isCloseTo(0.013235599564943766, within(1e-9));
        assertThat(Holm.adjust(new double[] {0.01, 0.04, 0.03})).containsExactly(0.03, 0.06, 0.06);
        assertThat(Holm.adjust(new double[] {0.5, 0.001})).containsExactly(0.5, 0.002);
        SummaryMetric turnaround = SummaryMetric.STANDARD.get(0);
        assertThat(PairedDifference.verdict(turnaround, d, 0.03)).isEqualTo(Verdict.WORSE); // longer turnaround
        assertThat(PairedDifference.verdict(turnaround, d, 0.06)).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
        SummaryMetric throughput = SummaryMetric.STANDARD.get(3);
        assertThat(PairedDifference.verdict(throughput, d, 0.03)).isEqualTo(Verdict.BETTER);
    }

    @Test
    void replicationSeedsAreThoseOfASplittableRandom() {
        // Replication 1 is the run itself; replication k is the k-th long a SplittableRandom seeded with the base draws.
        assertThat(ReplicationSeeds.seed(42, 1)).isEqualTo(42);
        SplittableRandom r = new SplittableRandom(42);
        r.nextLong();
        for (int k = 2; k <= 50; k++) {
            assertThat(ReplicationSeeds.seed(42, k)).isEqualTo(r.nextLong());
        }
        // The seeds of --seed 1's replications 2 and 3, as docs/statistics.md lists them: the same on every machine.
        assertThat(ReplicationSeeds.seed(1, 2)).isEqualTo(-4689498862643123097L);
        assertThat(ReplicationSeeds.seed(1, 3)).isEqualTo(-534904783426661026L);
    }
}
