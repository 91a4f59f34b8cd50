package org.osim.importers.ostep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;

class MlfqHomeworkTest {
    private static List<List<Integer>> jobs(MlfqHomework hw) {
        return hw.jobs().stream().map(j -> List.of(j[0], j[1], j[2])).toList();
    }

    @Test
    void randomJobsAreDrawnAsTheScriptDrawsThem() {
        // CPython: random.seed(1); [(int(random()*99+1), int(random()*9+1)) for 3 jobs] == [(14, 8), (76, 3), (50, 5)]
        assertThat(jobs(MlfqHomework.parse(List.of("-s", "1", "-c"))))
                .containsExactly(List.of(0, 14, 8), List.of(0, 76, 3), List.of(0, 50, 5));
        // random.seed(7), -m 50 -M 5 -j 4: [(16, 1), (32, 1), (27, 2), (3, 3)]
        assertThat(jobs(MlfqHomework.parse(List.of("-s7", "--maxlen=50", "-M", "5", "--numJobs", "4"))))
                .containsExactly(List.of(0, 16, 1), List.of(0, 32, 1), List.of(0, 27, 2), List.of(0, 3, 3));
    }

    @Test
    void flagsBecomeTheOstepVariantsParametersAndTheJobsBursts() {
        MlfqHomework hw = MlfqHomework.parse(List.of("-Q", "10,20,40", "-A", "1,2,0", "-B", "100", "-i", "3", "-S", "-I",
                "-l", "0,25,10:5,8,0"));
        assertThat(hw.parameters()).containsExactly(java.util.Map.entry("variant", "ostep"), java.util.Map.entry("queues", "3"),
                java.util.Map.entry("quantum", "10ms/20ms/40ms"), java.util.Map.entry("allotment", "1/2/1"),
                java.util.Map.entry("boost", "100ms"), java.util.Map.entry("keepOnIo", "true"), java.util.Map.entry("ioToFront", "true"));
        assertThat(hw.workload().processes().get(0).threads().get(0).program()).isEqualTo(new Program(List.of(
                new Instruction.Compute(10_000_000), new Instruction.Io(java.util.Optional.empty(), 3_000_000),
                new Instruction.Compute(10_000_000), new Instruction.Io(java.util.Optional.empty(), 3_000_000),
                new Instruction.Compute(5_000_000))));
        assertThat(hw.workload().processes().get(1).arrival()).isEqualTo(5_000_000);
    }

    @Test
    void badFlagsAreTheScriptsErrors() {
        assertThatThrownBy(() -> MlfqHomework.parse(List.of("-A", "1,0,1")))
                .hasMessage("mlfq.py: -A: every allotment above the lowest queue must be above 0, got 0");
        assertThatThrownBy(() -> MlfqHomework.parse(List.of("-n", "2", "-A", "1,1,1")))
                .hasMessage("mlfq.py: -A: 3 allotments for 2 queues (give one per queue)");
        assertThatThrownBy(() -> MlfqHomework.parse(List.of("-x")))
                .hasMessageStartingWith("mlfq.py: no such option: -x (mlfq.py takes -s, -n, -q");
        assertThatThrownBy(() -> MlfqHomework.parse(List.of("-q", "ten")))
                .hasMessage("mlfq.py: option -q: invalid integer value: 'ten'");
        assertThatThrownBy(() -> MlfqHomework.parse(List.of("-l", "0,10")))
                .hasMessage("mlfq.py: -l: each job is start,run,ioFreq (jobs separated by ':'), got '0,10'");
    }
}
