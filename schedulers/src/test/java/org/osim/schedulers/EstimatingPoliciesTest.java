package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Shortest process next and guaranteed scheduling (Tanenbaum §2.4.3). */
class EstimatingPoliciesTest {

    @Test
    void shortestProcessNextAgesItsEstimates() {
        // T0 = 10, bursts 8, 4, 6, 2 with a = 1/2: 9, 6.5, 6.25 (= T0/8 + T1/8 + T2/4 + T3/2), 4.125.
        HarnessResult r = SchedulerHarness.of(new ShortestProcessNext()).workloadYaml("""
                processes:
                  - { name: P, bursts: [cpu 8ms, io 1ms, cpu 4ms, io 1ms, cpu 6ms, io 1ms, cpu 2ms] }
                """).run();
        assertThat(r.process("P").figure("estimate").orElseThrow().value()).isEqualTo(4_125_000);
        assertThat(r.process("P").figure("estimate").orElseThrow().time()).isTrue();
        HarnessResult three = SchedulerHarness.of(new ShortestProcessNext()).workloadYaml("""
                processes:
                  - { name: P, bursts: [cpu 8ms, io 1ms, cpu 4ms, io 1ms, cpu 6ms] }
                """).run();
        assertThat(three.process("P").figure("estimate").orElseThrow().value()).isEqualTo(6_250_000);
    }

    @Test
    void shortestProcessNextRunsTheShortestEstimateFirst() {
        // A and B have run once; when C is done both are ready, A since 21, B since 23, and B's last
        // burst was shorter: B goes first, where first-come first-served would take A.
        String yaml = """
                processes:
                  - { name: A, bursts: [cpu 20ms, io 1ms, cpu 20ms] }
                  - { name: B, bursts: [cpu 2ms, io 1ms, cpu 2ms] }
                  - { name: C, bursts: [cpu 30ms] }
                """;
        assertThat(SchedulerHarness.of(new ShortestProcessNext()).workloadYaml(yaml).run().order())
                .containsExactly("A", "B", "C", "B", "A");
        assertThat(SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml(yaml).run().order())
                .containsExactly("A", "B", "C", "A", "B");
    }

    @Test
    void guaranteedSchedulingGivesALateArrivalItsShare() {
        HarnessResult r = SchedulerHarness.of(new GuaranteedScheduling()).workloadYaml("""
                processes:
                  - { name: A, bursts: [cpu 100ms] }
                  - { name: B, arrival: 50, bursts: [cpu 100ms] }
                """).run();
        assertThat(r.schedule()).startsWith("A 0-10 | A 10-20 | A 20-30 | A 30-40 | A 40-50 | B 50-60 | A 60-70 | B 70-80");
        // From B's arrival on they share the CPU by turns (A needs 50 ms more, B 100 ms).
        assertThat(r.process("A").completion().orElseThrow()).isEqualTo(160_000_000L);
        assertThat(r.process("B").completion().orElseThrow()).isEqualTo(200_000_000L);
    }
}
