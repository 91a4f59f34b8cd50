package org.osim.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.osim.api.SimTime;

/** Sample means and spreads against theory, with a fixed seed and stated tolerances. */
class DistributionTest {
    private static final int N = 200_000;

    private static double[] moments(Distribution d) {
        SplittableRandom r = new SplittableRandom(42);
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < N; i++) {
            double x = d.sample(r);
            sum += x;
            sq += x * x;
        }
        double mean = sum / N;
        return new double[] {mean, Math.sqrt(sq / N - mean * mean)};
    }

    @Test
    void exponentialHasMeanAndStandardDeviationEqual() {
        double[] m = moments(Distribution.ofDurations("exp(10ms)"));
        assertThat(m[0]).isCloseTo(10 * SimTime.NANOS_PER_MILLI, within(0.01 * 10 * SimTime.NANOS_PER_MILLI));
        assertThat(m[1]).isCloseTo(10 * SimTime.NANOS_PER_MILLI, within(0.02 * 10 * SimTime.NANOS_PER_MILLI));
    }

    @Test
    void uniformCoversItsRange() {
        double[] m = moments(Distribution.ofDurations("uniform(1ms,5ms)"));
        assertThat(m[0]).isCloseTo(3e6, within(0.01 * 3e6));
        assertThat(m[1]).isCloseTo(4e6 / Math.sqrt(12), within(0.01 * 4e6 / Math.sqrt(12)));
        SplittableRandom r = new SplittableRandom(1);
        Distribution counts = Distribution.ofCounts("uniform(1,3)");
        int[] seen = new int[4];
        for (int i = 0; i < 3000; i++) {
            seen[(int) counts.sample(r)]++;
        }
        assertThat(seen[0]).isZero();
        assertThat(seen[1]).isBetween(900, 1100);
        assertThat(seen[3]).isBetween(900, 1100);
    }

    @Test
    void normalHasItsMeanAndSpread() {
        double[] m = moments(Distribution.ofDurations("normal(10ms,2ms)"));
        assertThat(m[0]).isCloseTo(1e7, within(0.005 * 1e7));
        assertThat(m[1]).isCloseTo(2e6, within(0.01 * 2e6));
    }

    @Test
    void hyperexponentialHasItsMeanAndSquaredCoefficientOfVariation() {
        // Balanced means, c² = 4: the standard deviation is twice the mean.
        double[] m = moments(Distribution.ofDurations("hyperexp(10ms,4)"));
        assertThat(m[0]).isCloseTo(1e7, within(0.02 * 1e7));
        assertThat(m[1]).isCloseTo(2e7, within(0.05 * 2e7));
        assertThat(Distribution.ofDurations("hyperexp(10ms,4)").toString()).isEqualTo("hyperexp(10ms,4)");
        double[] one = moments(Distribution.ofDurations("hyperexp(10ms,1)")); // c² = 1: the exponential
        assertThat(one[1]).isCloseTo(one[0], within(0.02 * one[0]));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Distribution.ofDurations("hyperexp(10ms,0.5)"))
                .hasMessage("hyperexp needs a mean greater than zero and a squared coefficient of variation of at least 1, "
                        + "got 'hyperexp(10ms,0.5)'");
    }

    @Test
    void constantsAndBareValues() {
        assertThat(Distribution.ofDurations("5ms").sample(new SplittableRandom(1))).isEqualTo(5e6);
        assertThat(Distribution.ofDurations("const(250us)").sample(new SplittableRandom(1))).isEqualTo(250e3);
        assertThat(Distribution.ofCounts("7").sample(new SplittableRandom(1))).isEqualTo(7);
        assertThat(Distribution.ofDurations("exp(10ms)").toString()).isEqualTo("exp(10ms)");
    }
}
