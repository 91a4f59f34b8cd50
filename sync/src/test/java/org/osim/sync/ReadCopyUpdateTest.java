package org.osim.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.api.result.ObjectResult;
import org.osim.api.result.RunResult;
import org.osim.api.trace.TraceEvent;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** RCU: readers never block, and a version outlives every reader that saw it. */
class ReadCopyUpdateTest {
    private static ObjectResult object(RunResult r, String name) {
        return r.objects().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theWriterWaitsForOldReadersOnlyAndNoReaderBlocks() {
        List<String> notes = new ArrayList<>();
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workload("rcu-grace-period")
                .trace(e -> {
                    if (e instanceof TraceEvent.ObjectNote n) {
                        notes.add(n.time() / 1_000_000 + " " + n.describe());
                    }
                }).run();
        assertThat(notes).containsExactly("0 tree: R1 reads version 1", "2 tree: W publishes version 2",
                "3 tree: R2 reads version 2", "5 tree: version 1 reclaimed (its readers have all left)");
        // W waits 2-5 for R1, not for R2 (inside since 3, until 13).
        assertThat(r.process("W").blocked()).isEqualTo(3_000_000L);
        assertThat(r.process("W").completion().orElseThrow()).isEqualTo(6_000_000L);
        assertThat(r.process("R1").blocked()).isZero();
        assertThat(r.process("R2").blocked()).isZero();
        assertThat(object(r.result(), "tree").counters()).containsExactly(Map.entry("published", 1L),
                Map.entry("most versions alive", 2L), Map.entry("grace periods", 2L), Map.entry("reclaimed", 1L));
    }

    @Test
    void withoutSynchronizeAnOldVersionGoesWhenItsLastReaderLeaves() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                machine: { cpus: 4 }
                objects: [ { name: p, type: rcu } ]
                processes:
                  - { name: R1, program: "call p.read_lock; cpu 4ms; call p.read_unlock" }
                  - { name: R2, program: "call p.read_lock; cpu 8ms; call p.read_unlock" }
                  - { name: W, arrival: 1, program: "call p.update; cpu 1ms; call p.update" }
                  - { name: R3, arrival: 2, program: "call p.read_lock; cpu 9ms; call p.read_unlock" }
                """).run();
        // Version 1 (R1, R2) goes at 8; version 2 (R3, from 2) at 11; three versions were alive from 2 to 8.
        assertThat(object(r.result(), "p").counters()).containsEntry("published", 2L).containsEntry("reclaimed", 2L)
                .containsEntry("most versions alive", 3L);
        assertThat(r.process("W").blocked()).isZero();
    }

    @Test
    void synchronizeInsideAReadSectionIsASelfDeadlock() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml("""
                objects: [ { name: p, type: rcu } ]
                processes:
                  - { name: W, program: "call p.read_lock; call p.update; call p.synchronize; call p.read_unlock" }
                """).run();
        assertThat(r.result().violations()).hasSize(1);
        assertThat(r.result().violations().get(0).detail())
                .isEqualTo("a cycle of waits: W → p.grace held by W (each waits for an object the next one holds)");
    }
}
