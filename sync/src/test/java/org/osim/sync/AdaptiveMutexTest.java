package org.osim.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.result.ObjectResult;
import org.osim.api.result.RunResult;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.schedulers.RoundRobin;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** The Solaris adaptive mutex: spin while the owner runs, sleep when it does not. */
class AdaptiveMutexTest {
    private static ObjectResult object(RunResult r, String name) {
        return r.objects().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static long turnaround(HarnessResult r, String process) {
        return r.process(process).turnaround().orElseThrow();
    }

    @Test
    void spinningWhileTheOwnerRunsKeepsTheCpu() {
        HarnessResult spin = SchedulerHarness.of(new FirstComeFirstServed()).workload("spin-or-sleep-adaptive").run();
        HarnessResult sleep = SchedulerHarness.of(new FirstComeFirstServed()).workload("spin-or-sleep-blocking").run();
        // B spins 1-2 on its CPU while A runs, then takes m: done at 3. Sleeping, it loses the CPU to D
        // and, woken at 2, waits for one until A ends at 5.
        assertThat(turnaround(spin, "B")).isEqualTo(2_000_000L);
        assertThat(spin.process("B").cpu()).isEqualTo(2_000_000L); // 1 ms of it spinning
        assertThat(spin.process("B").blocked()).isZero();
        assertThat(turnaround(sleep, "B")).isEqualTo(5_000_000L);
        assertThat(sleep.process("B").cpu()).isEqualTo(1_000_000L);
        ObjectResult m = object(spin.result(), "m");
        assertThat(m.operations()).isEqualTo(4); // a thousand tries are still one system call
        assertThat(m.blocks()).isZero();
        assertThat(m.counters()).containsExactly(Map.entry("spun", 1L), Map.entry("spin time (us)", 1_000L));
    }

    @Test
    void withTheOwnerOffTheCpuItSleepsAtOnce() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).param("quantum", "1ms").workloadYaml("""
                objects: [ { name: m, type: adaptive-mutex } ]
                processes:
                  - { name: A, program: "call m.lock; cpu 3ms; call m.unlock" }
                  - { name: B, program: "call m.lock; cpu 1ms; call m.unlock" }
                """).run();
        // One CPU: when B runs, A cannot be running; spinning would only delay it.
        ObjectResult m = object(r.result(), "m");
        assertThat(m.blocks()).isEqualTo(1);
        assertThat(m.counters()).isEmpty();
        assertThat(r.process("B").cpu()).isEqualTo(1_000_000L);
    }

    @Test
    void anOwnerThatBlocksSendsTheSpinnerToSleep() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                machine: { cpus: 2 }
                objects: [ { name: m, type: adaptive-mutex } ]
                processes:
                  - { name: A, program: "call m.lock; cpu 2ms; io 5ms; call m.unlock" }
                  - { name: B, arrival: 1, program: "call m.lock; cpu 1ms; call m.unlock" }
                """).run();
        // B spins 1-2; A starts its I/O at 2, so B sleeps until A unlocks at 7.
        assertThat(object(r.result(), "m").counters()).containsExactly(Map.entry("spun", 1L),
                Map.entry("spun, then slept", 1L), Map.entry("spin time (us)", 1_000L));
        assertThat(r.process("B").completion().orElseThrow()).isEqualTo(8_000_000L);
    }

    @Test
    void spinnersInACycleAreADeadlockAndEndTheRun() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                machine: { cpus: 2 }
                objects:
                  - { name: m1, type: adaptive-mutex }
                  - { name: m2, type: adaptive-mutex }
                processes:
                  - { name: A, program: "call m1.lock; cpu 2ms; call m2.lock; cpu 1ms; call m2.unlock; call m1.unlock" }
                  - { name: B, program: "call m2.lock; cpu 2ms; call m1.lock; cpu 1ms; call m1.unlock; call m2.unlock" }
                """).run();
        assertThat(r.result().violations()).hasSize(1);
        var v = r.result().violations().get(0);
        assertThat(v.time()).isEqualTo(2_000_000L);
        assertThat(v.detail()).isEqualTo("a cycle of waits: B → m1 held by A → m2 held by B (each waits for an object the "
                + "next one holds); B spins, and spinners never give up: the run stops here");
        assertThat(r.result().endTime()).isEqualTo(2_000_000L);
    }
}
