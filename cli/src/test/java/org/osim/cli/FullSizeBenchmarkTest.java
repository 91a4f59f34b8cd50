package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.osim.kernel.Osim;

/**
 * The full-size benchmarks run to completion with the exact event and slice counts they are documented
 * with (no timing: speed is reported by {@code osim bench}). Long: {@code ./mvnw verify -Plong}.
 */
@EnabledIfSystemProperty(named = "osim.long", matches = "true")
class FullSizeBenchmarkTest {
    @Test
    void roundRobinOverTenThousandProcesses() {
        BenchCommand.Measurement m = BenchCommand.measure(Osim.create(), "rr-10k", 1);
        assertThat(m.slices()).isEqualTo(5_024_801);
        assertThat(m.events()).isEqualTo(5_034_801);
    }

    @Test
    void aHundredThousandProcessMix() {
        BenchCommand.Measurement m = BenchCommand.measure(Osim.create(), "mix-100k", 1);
        assertThat(m.events()).isEqualTo(601_781);
        assertThat(m.slices()).isEqualTo(301_096);
    }
}
