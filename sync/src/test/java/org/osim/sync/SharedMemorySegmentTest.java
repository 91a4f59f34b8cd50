package org.osim.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.osim.api.OsimException;
import org.osim.api.result.Termination;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;
import org.osim.workloads.WorkloadReader;

/** Named shared-memory segments: attach, detach, inheritance by fork, and what a process without one sees. */
class SharedMemorySegmentTest {
    private static HarnessResult run(String yaml) {
        return SchedulerHarness.of(new FirstComeFirstServed()).workloadYaml(yaml).run();
    }

    @Test
    void twoProcessesShareACounterThroughASegmentAndAThirdCannotSeeIt() {
        HarnessResult r = SchedulerHarness.of(new FirstComeFirstServed()).workload("shared-memory-segment").run();
        assertThat(r.result().violations()).isEmpty();
        assertThat(r.result().memory().get("counter")).containsExactly(200L);
        assertThat(r.result().memory().get("lock")).containsExactly(0L);
        assertThat(r.process("A").termination()).contains(Termination.exit(0));
        assertThat(r.process("B").termination()).contains(Termination.exit(0));
        assertThat(r.process("snoop").termination()).contains(Termination.fatal(
                "segmentation fault: counter is in segment 'counters', which snoop has not attached"));
    }

    @Test
    void detachUnmapsTheWordsAndTheSegmentLivesOnForOthers() {
        HarnessResult r = run("""
                segments:
                  box: { value: 0 }
                processes:
                  - name: writer
                    program: |
                      attach box
                      store value, 42
                      detach box
                      load r0, value
                  - name: reader
                    arrival: 1ms
                    program: |
                      attach box
                      load r1, value
                      add r1, 1
                      store value, r1
                """);
        assertThat(r.process("writer").termination()).contains(Termination.fatal(
                "segmentation fault: value is in segment 'box', which writer has not attached"));
        // The writer's 42 survived its detach (and its end): the reader found it and added 1.
        assertThat(r.process("reader").termination()).contains(Termination.exit(0));
        assertThat(r.result().memory().get("value")).containsExactly(43L);
    }

    @Test
    void aForkedChildInheritsTheSegmentsOfItsParent() {
        HarnessResult r = run("""
                segments:
                  box: { value: 0 }
                processes:
                  - name: parent
                    programs:
                      child: |
                        load r0, value
                        add r0, 10
                        store value, r0
                    program: |
                      attach box
                      store value, 5
                      fork child
                      wait
                """);
        assertThat(r.process("parent").termination()).contains(Termination.exit(0));
        assertThat(r.process("parent/child").termination()).contains(Termination.exit(0));
        assertThat(r.result().memory().get("value")).containsExactly(15L);
    }

    @Test
    void detachingASegmentNotAttachedEndsTheProcess() {
        HarnessResult r = run("""
                segments:
                  box: { value: 0 }
                processes:
                  - { name: P, program: "detach box" }
                """);
        assertThat(r.process("P").termination()).contains(Termination.fatal("detach of segment 'box', which P has not attached"));
    }

    @Test
    void badSegmentsAreReportedWhereTheyAre() {
        assertThatThrownBy(() -> WorkloadReader.read("w.yaml", """
                segments:
                  box: { value: 0 }
                processes:
                  - { name: P, program: "attach bin" }
                """, 1)).isInstanceOf(OsimException.class)
                .hasMessage("w.yaml:4:26: attach names segment 'bin', which the workload does not declare (segments: box)");
        assertThatThrownBy(() -> WorkloadReader.read("w.yaml", """
                shared: { value: 0 }
                segments:
                  box: { value: 0 }
                processes:
                  - { name: P, program: "attach box" }
                """, 1)).isInstanceOf(OsimException.class)
                .hasMessage("w.yaml:3:10: memory word 'value' is already declared in shared; a word name may be used once "
                        + "across shared and the segments");
        assertThatThrownBy(() -> WorkloadReader.read("w.yaml", """
                processes:
                  - { name: P, program: "load r0, nowhere" }
                """, 1)).isInstanceOf(OsimException.class)
                .hasMessage("w.yaml:2:26: load names memory word 'nowhere', which is neither declared in process P "
                        + "(.word nowhere 0) nor shared (shared: { nowhere: 0 }) nor in a segment");
    }
}
