package org.osim.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** CPython's random.random(), draw for draw. */
class PythonRandomTest {
    @Test
    void theFirstDrawsOfWellKnownSeedsAreCPythons() {
        // python3 -c 'import random; random.seed(S); print([random.random() for _ in range(3)])'
        assertThat(draws(new PythonRandom(0), 3)).containsExactly(0.8444218515250481, 0.7579544029403025, 0.420571580830845);
        assertThat(draws(new PythonRandom(1), 3)).containsExactly(0.13436424411240122, 0.8474337369372327, 0.763774618976614);
        assertThat(draws(new PythonRandom(42), 3)).containsExactly(0.6394267984578837, 0.025010755222666936, 0.27502931836911926);
    }

    @Test
    void aNegativeSeedIsItsAbsoluteValueAndABigSeedItsWords() {
        assertThat(draws(new PythonRandom(-5), 700)).isEqualTo(draws(new PythonRandom(5), 700));
        assertThat(draws(new PythonRandom(BigInteger.valueOf(123)), 10)).isEqualTo(draws(new PythonRandom(123), 10));
        // 2^32 is the key [0, 1], not [0]: another stream than seed 0's.
        assertThat(draws(new PythonRandom(1L << 32), 5)).isNotEqualTo(draws(new PythonRandom(0), 5));
        double[] big = draws(new PythonRandom(new BigInteger("12345678901234567890")), 5);
        for (double d : big) {
            assertThat(d).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
    }

    /**
     * The shared 10,000-job list was made by OSTEP's scheduler.py with {@code -j 10000 -m 1000 -s 0}: each job's
     * length is {@code int(maxlen * random()) + 1}, one draw per job. Every one of them comes out the same here,
     * through 32 regenerations of the twister's state.
     */
    @Test
    void theSharedJobListOfScheduleDotPyWithSeedZeroComesOutJobForJob() throws IOException {
        Path file = Path.of("../../shared/bench/rr-10000.yaml");
        if (!Files.exists(file)) {
            file = Path.of("../shared/bench/rr-10000.yaml");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "the shared inputs stand beside the checkout");
        List<Integer> lengths = new ArrayList<>();
        Matcher m = Pattern.compile("bursts: \\[cpu (\\d+)ms\\]").matcher(Files.readString(file));
        while (m.find()) {
            lengths.add(Integer.parseInt(m.group(1)));
        }
        assertThat(lengths).hasSize(10_000);
        PythonRandom r = new PythonRandom(0);
        List<Integer> ours = new ArrayList<>();
        for (int k = 0; k < 10_000; k++) {
            ours.add((int) (1000 * r.random()) + 1);
        }
        assertThat(ours).isEqualTo(lengths);
    }

    private static double[] draws(PythonRandom r, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.random();
        }
        return out;
    }
}
