package org.osim.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osim.schedulers.PriorityScheduling;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** The kernel's priority inheritance through a chain of three mutexes, and without it (Tanenbaum §2.3.4, §2.4). */
class PriorityInheritanceTest {
    /** high waits for m3 (b), b for m2 (a), a for m1 (low): a chain of three; hog sits between low and high. */
    private static HarnessResult run(boolean inherit) {
        return SchedulerHarness.of(new PriorityScheduling()).workloadYaml("""
                objects:
                  - { name: m1, type: mutex, inherit: %1$s }
                  - { name: m2, type: mutex, inherit: %1$s }
                  - { name: m3, type: mutex, inherit: %1$s }
                processes:
                  - { name: low, priority: 1, program: "call m1.lock; cpu 20ms; call m1.unlock; cpu 10ms" }
                  - { name: a, priority: 2, arrival: 2, program: "call m2.lock; call m1.lock; cpu 1ms; call m1.unlock; call m2.unlock" }
                  - { name: b, priority: 3, arrival: 4, program: "call m3.lock; call m2.lock; cpu 1ms; call m2.unlock; call m3.unlock" }
                  - { name: high, priority: 6, arrival: 6, program: "call m3.lock; cpu 1ms; call m3.unlock" }
                  - { name: hog, priority: 5, arrival: 7, bursts: [cpu 50ms] }
                """.formatted(inherit)).run();
    }

    @Test
    void highsPriorityReachesTheEndOfAChainOfThreeMutexes() {
        HarnessResult r = run(true);
        // From 6 low runs at high's priority through b, then a: the hog (5) cannot preempt it. low leaves m1 at 20;
        // a runs 20-21, b 21-22, high 22-23, each back to its own priority as it lets go; then the hog, then low.
        assertThat(r.process("a").completion()).hasValue(21_000_000L);
        assertThat(r.process("b").completion()).hasValue(22_000_000L);
        assertThat(r.process("high").completion()).hasValue(23_000_000L);
        assertThat(r.process("hog").completion()).hasValue(73_000_000L);
        assertThat(r.process("low").completion()).hasValue(83_000_000L);
    }

    @Test
    void withoutInheritanceTheHogDelaysTheWholeChain() {
        HarnessResult r = run(false);
        // The hog preempts low at 7 and runs 50 ms; low finishes its section at 70, and the chain unwinds: high at 73.
        assertThat(r.process("hog").completion()).hasValue(57_000_000L);
        assertThat(r.process("high").completion()).hasValue(73_000_000L);
    }
}
