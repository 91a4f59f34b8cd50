package org.osim.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.result.ObjectResult;
import org.osim.api.result.RunResult;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Futexes, and a mutex built on one that calls the kernel only under contention. */
class FutexTest {
    private static ObjectResult futex(RunResult r) {
        return r.objects().stream().filter(o -> o.name().equals("futex")).findFirst().orElseThrow();
    }

    @Test
    void anUncontendedFutexMutexMakesNoSystemCall() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workload("futex-mutex-uncontended").run();
        assertThat(r.result().memory().get("counter")).containsExactly(1_000L);
        assertThat(futex(r.result()).operations()).isZero();
        assertThat(futex(r.result()).systemCallsAvoided()).isEqualTo(2_000); // every lock and every unlock
    }

    @Test
    void underContentionItSleepsInTheKernelAndKeepsMutualExclusion() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workload("futex-mutex").run();
        assertThat(r.result().violations()).isEmpty();
        assertThat(r.result().memory().get("counter")).containsExactly(200L);
        assertThat(r.result().memory().get("m")).containsExactly(0L);
        // In lock step on two CPUs, every other entry finds the lock taken: 199 waits, and an unlock with a
        // sleeper each time, 200 wakes.
        assertThat(futex(r.result()).blocks()).isEqualTo(199);
        assertThat(futex(r.result()).operations()).isEqualTo(399);
        assertThat(futex(r.result()).systemCallsAvoided()).isEqualTo(1); // only the very first lock
    }

    @Test
    void aWaitOnAWordThatChangedReturnsAtOnce() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                shared: { m: 1 }
                objects: [ { name: futex, type: futex } ]
                processes:
                  - { name: A, program: "call futex.wait m 0; cpu 1ms" }
                  - { name: B, program: "call futex.wait m 1; cpu 1ms" }
                  - { name: C, arrival: 5, program: "store m, 0; call futex.wake m 1" }
                """).run();
        // A expected 0 but m is 1: it does not sleep. B sleeps from 1 until C's wake, after its 1 µs store at 5.
        assertThat(r.process("A").completion().orElseThrow()).isEqualTo(1_000_000L);
        assertThat(r.process("B").blocked()).isEqualTo(4_001_000L);
        assertThat(futex(r.result()).counters()).containsExactly(Map.entry("waits that returned at once", 1L));
    }

    @Test
    void bsdHybridSemaphoresCallTheKernelOnlyToSleepOrWake() {
        HarnessResult alone = SchedulerHarness.of(new FirstComeFirstServed()).workload("bsd-hybrid-semaphore-uncontended").run();
        assertThat(alone.result().memory().get("counter")).containsExactly(1_000L);
        assertThat(alone.result().objects().get(0).operations()).isZero();
        assertThat(alone.result().objects().get(0).systemCallsAvoided()).isEqualTo(2_000);
        HarnessResult two = SchedulerHarness.of(new FirstComeFirstServed()).workload("bsd-hybrid-semaphore").run();
        assertThat(two.result().violations()).isEmpty();
        assertThat(two.result().memory().get("counter")).containsExactly(200L);
        assertThat(two.result().memory().get("s")).containsExactly(1L);
        assertThat(two.result().objects().get(0).blocks()).isEqualTo(199);
        assertThat(two.result().objects().get(0).operations()).isEqualTo(398); // 199 sleeps, 199 wake-ups
    }
}
