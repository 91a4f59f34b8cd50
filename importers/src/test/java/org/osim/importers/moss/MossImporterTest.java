package org.osim.importers.moss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osim.api.param.Parameters;
import org.osim.api.program.Instruction;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;
import org.osim.api.workload.WorkloadSource;

class MossImporterTest {
    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    private Workload read(String conf, Map<String, String> options) throws IOException {
        Path f = dir.resolve("scheduling.conf");
        Files.writeString(f, conf);
        MossImporter moss = new MossImporter();
        return moss.read(new WorkloadSource(f.toString(), f, 1), Parameters.resolve("importer 'moss'", moss.parameters(), options));
    }

    @Test
    void theSampleConfigurationAsMossReadsIt() throws IOException {
        Workload w = read("// # of Process\nnumprocess 3\nmeandev 2000\nstanddev 0\nprocess 500\nprocess 500\nprocess 30\n"
                + "runtime 10000\n", Map.of());
        assertThat(w.processes()).extracting(ProcessSpec::name).containsExactly("p0", "p1", "p2");
        assertThat(w.processes()).allSatisfy(p -> assertThat(p.declaredRuntime()).isEqualTo(2000 * MS));
        assertThat(w.duration()).hasValue(10_000 * MS);
        assertThat(w.scheduler()).hasValue("moss");
        // 500 ms bursts with a zero-time block between two, none after the last.
        assertThat(w.processes().get(0).threads().get(0).program().instructions()).containsExactly(
                new Instruction.Compute(500 * MS), new Instruction.Yield(), new Instruction.Compute(500 * MS), new Instruction.Yield(),
                new Instruction.Compute(500 * MS), new Instruction.Yield(), new Instruction.Compute(500 * MS));
        assertThat(w.description()).startsWith("MOSS: meandev 2000, standdev 0, ioblocking 500,500,30 ");
    }

    @Test
    void defaultsAndTheProcessesMossAddsWhenNumprocessExceedsTheProcessLines() throws IOException {
        Workload w = read("numprocess 4\nstanddev 0\nprocess 300\n", Map.of("cpuTimes", "10,20,30,40"));
        assertThat(w.processes()).hasSize(4);
        assertThat(w.description()).startsWith("MOSS: meandev 1000, standdev 0, ioblocking 300,0,100,200 ");
        assertThat(w.duration()).hasValue(1000 * MS); // runtime's default
        assertThat(w.processes().get(3).declaredRuntime()).isEqualTo(40 * MS);
        // Interval 0: blocks after every millisecond it runs.
        assertThat(w.processes().get(1).threads().get(0).program().instructions()).hasSize(39);
    }

    @Test
    void drawsFollowMossGeneratorAndTheSeed() throws IOException {
        // Common.R1 accepts only Algorithm R's inner squeeze: |X| < √5, about 2/3 of the draws, sd about 0.845.
        Random random = new Random(7);
        int accepted = 0;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = MossImporter.r1(random);
            if (x != -1) {
                accepted++;
                sum += x;
                squares += x * x;
                assertThat(Math.abs(x)).isLessThan(Math.sqrt(5));
            }
        }
        assertThat(accepted / 200_000.0).isBetween(0.65, 0.67);
        assertThat(sum / accepted).isBetween(-0.01, 0.01);
        assertThat(Math.sqrt(squares / accepted)).isBetween(0.835, 0.855);
        Workload a = read("numprocess 5\n", Map.of());
        Workload b = read("numprocess 5\n", Map.of());
        assertThat(a.processes()).isEqualTo(b.processes());
        assertThat(a.processes()).allSatisfy(p -> assertThat(p.declaredRuntime()).isBetween(777 * MS, 1223 * MS));
    }

    @Test
    void aKeyOutOfRangeOrWithoutANumberIsOneErrorAtItsLine() {
        assertThatThrownBy(() -> read("numprocess 3\nmeandev -5\n", Map.of()))
                .hasMessageEndingWith("scheduling.conf:2:1: 'meandev': expected a mean CPU time from 1 to 100,000,000 ms, got -5");
        assertThatThrownBy(() -> read("process abc\n", Map.of()))
                .hasMessageEndingWith("scheduling.conf:1:9: 'process': expected a whole number, got 'abc'");
        assertThatThrownBy(() -> read("runtime\n", Map.of())).hasMessageEndingWith("scheduling.conf:1:8: 'runtime' needs a value");
        assertThatThrownBy(() -> read("meandev 10\nstanddev 100\nprocess 5\n", Map.of())).hasMessageContaining("MOSS would never run it");
        assertThatThrownBy(() -> read("numprocess 2\n", Map.of("cpuTimes", "5")))
                .hasMessage("moss option cpuTimes: 2 processes, but 1 CPU times given");
    }
}
