package org.osim.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osim.ipc.MessagePassingTest.allExitNormally;
import static org.osim.ipc.MessagePassingTest.object;

import org.junit.jupiter.api.Test;
import org.osim.api.result.Termination;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** A UNIX pipe: a bounded byte stream, end of file, atomic small writes, and the broken pipe. */
class PipeTest {
    private static HarnessResult run(String yaml) {
        return SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml(yaml).run();
    }

    @Test
    void everyByteWrittenIsReadAndTheReaderSeesEndOfFile() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workload("pipe").run();
        allExitNormally(r);
        assertThat(r.result().memory().get("total")).containsExactly(16_384L);
        // The reader is slower: the 4 KB pipe fills, and the writer waits for room 12 times.
        assertThat(object(r.result(), "p").counters()).containsEntry("bytes written", 16_384L).containsEntry("bytes read", 16_384L)
                .containsEntry("most buffered", 4_096L).containsEntry("writers blocked", 12L).containsEntry("end of file", 1L);
    }

    @Test
    void aWriteThatFitsTheCapacityGoesInWholeOrWaits() {
        HarnessResult r = run("""
                machine: { cpus: 2 }
                objects: [ { name: p, type: pipe, capacity: 10 } ]
                shared: { got: [0, 0, 0, 0] }
                processes:
                  - name: writer
                    program: |
                      call p.write 8
                      call p.write 5        # 2 bytes of room: it waits, writing nothing, until 5 fit
                      store got[3], r0
                      call p.close write
                  - name: reader
                    program: |
                      cpu 1ms
                      call p.read 4          # 4 of the 8: now 5 fit, and the writer's 5 go in whole
                      store got[0], r0
                      call p.read 100        # the other 4 and the 5
                      store got[1], r0
                      call p.read 100        # end of file: the writer has closed its end
                      store got[2], r0
                """);
        allExitNormally(r);
        assertThat(r.result().memory().get("got")).containsExactly(4L, 9L, 0L, 5L);
        assertThat(object(r.result(), "p").counters()).containsEntry("most buffered", 9L).containsEntry("writers blocked", 1L);
        assertThat(r.process("writer").completion()).hasValue(1_001_000L); // woken by the read at 1 ms, then one store
    }

    @Test
    void writingWithNoReaderIsABrokenPipe() {
        HarnessResult r = run("""
                objects: [ { name: p, type: pipe } ]
                processes:
                  - name: w
                    program: |
                      call p.close read
                      call p.write 1
                """);
        assertThat(r.process("w").termination()).contains(Termination.fatal(
                "p.write: broken pipe: w writes with no read end open (SIGPIPE)"));
    }
}
