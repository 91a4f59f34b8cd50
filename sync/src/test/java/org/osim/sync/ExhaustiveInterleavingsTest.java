package org.osim.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osim.api.workload.Workload;
import org.osim.schedulers.RandomInterleaving;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;
import org.osim.workloads.Workloads;

/**
 * The correct busy-waiting solutions survive 100,000 random interleavings each on 1, 2 and 4 CPUs, with
 * the counter exact every time. Long (a few minutes): ./mvnw verify -Plong.
 */
@EnabledIfSystemProperty(named = "osim.long", matches = "true")
class ExhaustiveInterleavingsTest {
    static List<Object[]> cases() {
        List<Object[]> out = new java.util.ArrayList<>();
        for (String w : List.of("busy-wait-peterson", "busy-wait-tsl", "busy-wait-xchg", "busy-wait-ticket", "busy-wait-ttas")) {
            for (int cpus : new int[] {1, 2, 4}) {
                out.add(new Object[] {w, cpus});
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} on {1} cpu(s)")
    @MethodSource("cases")
    void noViolationIn100000RandomInterleavings(String name, int cpus) {
        Workload w = Workloads.load(name, 1);
        long expected = w.processes().size() * 100L;
        for (long seed = 1; seed <= 100_000; seed++) {
            HarnessResult r = SchedulerHarness.of(new RandomInterleaving()).seed(seed).cpus(cpus).workload(w).run();
            assertThat(r.result().violations()).as("%s, %d cpus, seed %d", name, cpus, seed).isEmpty();
            assertThat(r.result().memory().get("counter")).as("%s, %d cpus, seed %d", name, cpus, seed).containsExactly(expected);
        }
    }
}
