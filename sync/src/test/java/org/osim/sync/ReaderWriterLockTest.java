package org.osim.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osim.schedulers.RoundRobin;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Readers share, writers are alone, and the preference decides who starves (Tanenbaum Fig. 2-48). */
class ReaderWriterLockTest {
    private static HarnessResult run(String prefer) {
        return SchedulerHarness.of(new RoundRobin()).workloadYaml("""
                objects: [ { name: db, type: rwlock, prefer: %s } ]
                processes:
                  - { name: r1, repeat: 15, program: "call db.read_lock; io 5ms; call db.read_unlock; cpu 1ms" }
                  - { name: r2, arrival: 2, repeat: 15, program: "call db.read_lock; io 5ms; call db.read_unlock; cpu 1ms" }
                  - { name: r3, arrival: 4, repeat: 15, program: "call db.read_lock; io 5ms; call db.read_unlock; cpu 1ms" }
                  - { name: writer, arrival: 3, program: "call db.write_lock; cpu 2ms; call db.write_unlock" }
                """.formatted(prefer)).run();
    }

    @Test
    void readerPreferenceStarvesTheWriterWhileReadersKeepComing() {
        HarnessResult readers = run("readers");
        HarnessResult writers = run("writers");
        HarnessResult fifo = run("fifo");
        long starved = readers.process("writer").completion().orElseThrow();
        // Under reader preference the writer gets in only when the readers stop coming.
        assertThat(starved).isGreaterThan(readers.process("r2").completion().orElseThrow() - 10_000_000L);
        // Under writer preference and FIFO it waits only for the readers already inside.
        assertThat(writers.process("writer").completion().orElseThrow()).isLessThan(15_000_000L);
        assertThat(fifo.process("writer").completion().orElseThrow()).isLessThan(15_000_000L);
        assertThat(starved).isGreaterThan(4 * writers.process("writer").completion().orElseThrow());
    }

    @Test
    void readersShareTheLock() {
        HarnessResult r = SchedulerHarness.of(new RoundRobin()).workloadYaml("""
                objects: [ { name: db, type: rwlock } ]
                processes:
                  - { name: r1, program: "call db.read_lock; io 10ms; call db.read_unlock" }
                  - { name: r2, program: "call db.read_lock; io 10ms; call db.read_unlock" }
                """).run();
        // Both read at once: 10 ms, not 20.
        assertThat(r.process("r2").completion().orElseThrow()).isEqualTo(10_000_000L);
        assertThat(r.result().objects().get(0).blocks()).isZero();
        assertThat(r.result().objects().get(0).acquisitions()).isEqualTo(2);
    }
}
