package org.osim.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osim.api.result.Termination;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.schedulers.RoundRobin;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** System V semaphore arrays: semop is all or nothing, and SEM_UNDO gives back what an ended process held. */
class SystemVSemaphoreTest {
    private static HarnessResult rr2(String workload) {
        return SchedulerHarness.of(new RoundRobin()).param("quantum", "2ms").workload(workload).run();
    }

    @Test
    void takingTwoUnitsInTwoSemopsDeadlocks() {
        HarnessResult r = rr2("sysv-semop-separate");
        assertThat(r.result().violations()).hasSize(1);
        var v = r.result().violations().get(0);
        assertThat(v.kind()).isEqualTo("deadlock");
        assertThat(v.time()).isEqualTo(6_000_000L);
        assertThat(v.detail()).isEqualTo(
                "a cycle of waits: P2 → res[0] held by P1 → res[1] held by P2 (each waits for an object the next one holds)");
    }

    @Test
    void takingThemInOneSemopCannot() {
        HarnessResult r = rr2("sysv-semop-atomic");
        assertThat(r.result().violations()).isEmpty();
        // P1 takes both at 0; P2's semop at 2 sleeps as a whole (it takes neither) until P1 gives both back at 7.
        assertThat(r.schedule()).isEqualTo("P1 0-2 | P1 2-4 | P1 4-6 | P1 6-7 | P2 7-9 | P2 9-11 | P2 11-13 | P2 13-14");
        assertThat(r.process("P2").blocked()).isEqualTo(5_000_000L);
        assertThat(r.process("P2").completion().orElseThrow()).isEqualTo(14_000_000L);
    }

    @Test
    void semUndoGivesBackWhatAKilledProcessHeld() {
        String yaml = """
                objects: [ { name: s, type: sysv-semaphore, values: 1 } ]
                processes:
                  - { name: A, program: "call s.semop 0:-1%s; cpu 100ms" }
                  - { name: B, arrival: 1, program: "call s.semop 0:-1; cpu 1ms" }
                  - { name: K, arrival: 5, program: "kill A" }
                """;
        HarnessResult undo = SchedulerHarness.of(new RoundRobin()).param("quantum", "1ms")
                .workloadYaml(yaml.formatted(" undo")).run();
        assertThat(undo.process("A").termination().orElseThrow().kind()).isEqualTo(Termination.Kind.KILLED);
        assertThat(undo.process("B").completion().orElseThrow()).isEqualTo(6_000_000L);

        // Without undo the unit dies with A, and B sleeps for ever.
        HarnessResult lost = SchedulerHarness.of(new RoundRobin()).param("quantum", "1ms")
                .workloadYaml(yaml.formatted("")).run();
        assertThat(lost.process("B").completion()).isEmpty();
        assertThat(lost.result().violations()).extracting(v -> v.kind()).containsExactly("deadlock");
    }

    @Test
    void aZeroOperationWaitsUntilTheValueIsZero() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                objects: [ { name: s, type: sysv-semaphore, values: 2 } ]
                processes:
                  - { name: W, program: "call s.semop 0:0; cpu 1ms" }
                  - { name: A, program: "cpu 2ms; call s.semop 0:-1; cpu 2ms; call s.semop 0:-1; cpu 1ms" }
                """).run();
        // W sleeps until A has taken both units, at 4.
        assertThat(r.schedule()).isEqualTo("A 0-5 | W 5-6");
        assertThat(r.process("W").blocked()).isEqualTo(4_000_000L);
    }

    @Test
    void aBadOperationIsTheCallersFault() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                objects: [ { name: s, type: sysv-semaphore, values: 1/1 } ]
                processes:
                  - { name: A, program: "call s.semop 2:-1" }
                """).run();
        Termination t = r.process("A").termination().orElseThrow();
        assertThat(t.kind()).isEqualTo(Termination.Kind.FATAL);
        assertThat(t.detail()).contains("s has semaphores 0 to 1, got 2");
    }
}
