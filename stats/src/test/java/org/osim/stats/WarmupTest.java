package org.osim.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WarmupTest {
    @Test
    void mser5DropsARampAndNothingOfAFlatSeries() {
        SplittableRandom r = new SplittableRandom(1);
        double[] flat = new double[1000];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = 10 + r.nextDouble();
        }
        assertThat(Warmup.mser5(flat)).isLessThan(100);
        // A transient: 0 rising to 10 over the first 200, then noise around 10.
        double[] ramp = new double[1000];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = Math.min(10, i / 20.0) + r.nextDouble();
        }
        assertThat(Warmup.mser5(ramp)).isBetween(150, 250).matches(d -> d % 5 == 0);
        // Worked by hand: batches 0, 10, 10, 10 of five; dropping the first leaves no variance.
        double[] tiny = new double[20];
        for (int i = 5; i < 20; i++) {
            tiny[i] = 10;
        }
        assertThat(Warmup.mser5(tiny)).isEqualTo(5);
        assertThat(Warmup.mser5(new double[7])).isZero();
    }
}
