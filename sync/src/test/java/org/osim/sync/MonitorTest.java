package org.osim.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osim.api.result.Termination;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Monitors: one thread inside, and the three meanings of signal (Tanenbaum §2.3.7). */
class MonitorTest {
    private static long completion(HarnessResult r, String process) {
        return r.process(process).completion().orElseThrow();
    }

    @Test
    void theThreeSemanticsOfSignal() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workload("monitor-signal-semantics").run();
        assertThat(r.result().violations()).isEmpty();
        // Hoare: the waiter runs from the signal at 2 to 5; the signaller sleeps 2-5 and finishes at 7.
        assertThat(completion(r, "hoare-waiter")).isEqualTo(5_000_000L);
        assertThat(completion(r, "hoare-signaller")).isEqualTo(7_000_000L);
        assertThat(r.process("hoare-signaller").blocked()).isEqualTo(3_000_000L);
        // Mesa: the signaller keeps the monitor to 4; the waiter re-enters then.
        assertThat(completion(r, "mesa-signaller")).isEqualTo(4_000_000L);
        assertThat(completion(r, "mesa-waiter")).isEqualTo(7_000_000L);
        assertThat(r.process("mesa-waiter").blocked()).isEqualTo(4_000_000L);
        // Brinch Hansen: the signaller leaves at the signal; both run from 2.
        assertThat(completion(r, "bh-signaller")).isEqualTo(4_000_000L);
        assertThat(completion(r, "bh-waiter")).isEqualTo(5_000_000L);
    }

    @Test
    void onlyOneThreadIsInsideAtATime() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                machine: { cpus: 3 }
                objects: [ { name: m, type: monitor } ]
                processes:
                  - { name: A, program: "call m.enter; cpu 3ms; call m.leave" }
                  - { name: B, program: "call m.enter; cpu 3ms; call m.leave" }
                  - { name: C, program: "call m.enter; cpu 3ms; call m.leave" }
                """).run();
        assertThat(completion(r, "A")).isEqualTo(3_000_000L);
        assertThat(completion(r, "B")).isEqualTo(6_000_000L);
        assertThat(completion(r, "C")).isEqualTo(9_000_000L);
    }

    @Test
    void notifyWakesOneAndNotifyAllWakesEveryWaiter() {
        String yaml = """
                machine: { cpus: 4 }
                objects: [ { name: m, type: monitor } ]
                processes:
                  - { name: W1, program: "call m.enter; call m.wait; cpu 1ms; call m.leave" }
                  - { name: W2, program: "call m.enter; call m.wait; cpu 1ms; call m.leave" }
                  - { name: W3, program: "call m.enter; call m.wait; cpu 1ms; call m.leave" }
                  - { name: N, arrival: 1, program: "call m.enter; call m.%s; call m.leave" }
                """;
        HarnessResult one = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml(yaml.formatted("notify")).run();
        assertThat(completion(one, "W1")).isEqualTo(2_000_000L);
        assertThat(one.process("W2").completion()).isEmpty();
        assertThat(one.result().violations()).extracting(v -> v.kind()).containsExactly("deadlock");

        HarnessResult all = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml(yaml.formatted("notifyAll")).run();
        // All three re-enter, one at a time.
        assertThat(completion(all, "W1")).isEqualTo(2_000_000L);
        assertThat(completion(all, "W2")).isEqualTo(3_000_000L);
        assertThat(completion(all, "W3")).isEqualTo(4_000_000L);
        assertThat(all.result().violations()).isEmpty();
    }

    @Test
    void waitingOrSignallingOutsideTheMonitorIsAnError() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                objects: [ { name: m, type: monitor } ]
                processes:
                  - { name: A, program: "call m.signal ready" }
                  - { name: B, program: "call m.enter; call m.enter" }
                """).run();
        Termination a = r.process("A").termination().orElseThrow();
        assertThat(a.kind()).isEqualTo(Termination.Kind.FATAL);
        assertThat(a.detail()).isEqualTo("m.signal: signal by A, which is not inside monitor m");
        assertThat(r.process("B").termination().orElseThrow().detail()).isEqualTo("m.enter: B enters monitor m it is already in");
    }

    @Test
    void aThreadThatDiesInsideLetsTheNextOneIn() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                machine: { cpus: 2 }
                objects: [ { name: m, type: monitor } ]
                processes:
                  - { name: A, program: "call m.enter; cpu 2ms; exit 1" }
                  - { name: B, program: "call m.enter; cpu 1ms; call m.leave" }
                """).run();
        assertThat(completion(r, "B")).isEqualTo(3_000_000L);
    }

    @Test
    void dhamdhereFig6_35BoundedBufferPassesEveryItemInOrder() {
        for (long seed = 1; seed <= 50; seed++) {
            HarnessResult r = SchedulerHarness.of(new org.osim.schedulers.RandomInterleaving()).seed(seed)
                    .workload("monitor-bounded-buffer").run();
            assertThat(r.result().violations()).as("seed %d", seed).isEmpty();
            assertThat(r.process("consumer").termination().orElseThrow()).as("seed %d", seed).isEqualTo(Termination.exit(0));
            assertThat(r.result().memory().get("consumed")).containsExactly(20L);
            assertThat(r.result().memory().get("count")).containsExactly(0L);
        }
    }
}
