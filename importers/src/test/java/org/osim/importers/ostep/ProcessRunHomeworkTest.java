package org.osim.importers.ostep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessRunHomeworkTest {
    @Test
    void processListsAreDrawnAsTheScriptDrawsThem() {
        // CPython: random.seed(0); each of X instructions is cpu when random() < Y/100, else io and io_done.
        ProcessRunHomework hw = ProcessRunHomework.parse(List.of("-s", "0", "-l", "4:50,3:30", "-c"));
        assertThat(hw.programs()).isEqualTo(PROGRAMS);
        assertThat(hw.parameters()).containsEntry("switch", "io").containsEntry("ioDone", "later");
    }

    private static final List<List<String>> PROGRAMS = List.of(
            List.of("io", "io_done", "io", "io_done", "cpu", "cpu"),
            List.of("io", "io_done", "io", "io_done", "io", "io_done"));

    @Test
    void programsAreWrittenOut() {
        ProcessRunHomework hw = ProcessRunHomework.parse(List.of("-P", "c2,i,c1:c3", "-L", "4", "-S", "SWITCH_ON_END",
                "-I", "IO_RUN_IMMEDIATE", "-p"));
        assertThat(hw.programs()).containsExactly(List.of("cpu", "cpu", "io", "io_done", "cpu"), List.of("cpu", "cpu", "cpu"));
        assertThat(hw.parameters()).containsEntry("switch", "end").containsEntry("ioDone", "immediate");
        assertThat(hw.printStats()).isTrue();
        // cpu, cpu, io are 3 ms of CPU, then 4 ms of I/O, then io_done and cpu.
        assertThat(hw.workload().processes().get(0).threads().get(0).program().instructions()).hasSize(3);
    }

    @Test
    void badFlagsAreTheScriptsErrors() {
        assertThatThrownBy(() -> ProcessRunHomework.parse(List.of("-S", "SWITCH_NEVER", "-l", "1:100")))
                .hasMessage("process-run.py: -S: SWITCH_ON_IO or SWITCH_ON_END, got 'SWITCH_NEVER'");
        assertThatThrownBy(() -> ProcessRunHomework.parse(List.of())).hasMessage("process-run.py: give the processes with -l X:Y,… or -P c3,i,c2:…");
        assertThatThrownBy(() -> ProcessRunHomework.parse(List.of("-P", "c2,x"))).hasMessageContaining("got 'x'");
    }
}
