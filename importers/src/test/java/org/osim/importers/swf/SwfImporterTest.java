package org.osim.importers.swf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osim.api.OsimException;
import org.osim.api.param.Parameters;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;
import org.osim.api.workload.WorkloadSource;

class SwfImporterTest {
    private static final long S = 1_000_000_000L;
    /** Six jobs: two gangs, a serial job, a zero-length one, one cancelled before it started, one too large. */
    private static final String TRACE = """
            ; Version: 2.2
            ; Computer: Test machine
            ; Installation: Here
            ; MaxProcs: 8
            ; Note: written by hand
            ;       for the importer's tests
                1    0  -1  100  4  -1 -1  4  300 -1  1  3  1 -1 -1 -1 -1 -1
                2   10  -1   50  8  -1 -1  8   -1 -1  1  3  1 -1 -1 -1 -1 -1
                4   20  -1   30  1  -1 -1  1   10 -1  1  5  2 -1 -1 -1 -1 -1
                5   25  -1    0  2  -1 -1  2   -1 -1  1  5  2 -1 -1 -1 -1 -1
                6   30  -1   -1  2  -1 -1  2   -1 -1  5  5  2 -1 -1 -1 -1 -1
                7   40  -1   60 16  -1 -1 16   -1 -1  1  3  1 -1 -1 -1 -1 -1
            """;

    @TempDir
    Path dir;

    private Workload read(String text, Map<String, String> options) throws IOException {
        Path f = dir.resolve("t.swf");
        Files.writeString(f, text);
        return read(f, options);
    }

    private static Workload read(Path f, Map<String, String> options) throws IOException {
        SwfImporter swf = new SwfImporter();
        return swf.read(new WorkloadSource(f.toString(), f, 1), Parameters.resolve("importer 'swf'", swf.parameters(), options));
    }

    @Test
    void eachJobIsAGangOfItsAllocatedProcessorsAndTheMachineIsMaxProcs() throws IOException {
        Workload w = read(TRACE, Map.of());
        assertThat(w.name()).isEqualTo("t");
        assertThat(w.machine().cpus()).isEqualTo(8);
        assertThat(w.processes()).extracting(ProcessSpec::name).containsExactly("j1", "j2", "j4");
        ProcessSpec j1 = w.processes().get(0);
        assertThat(j1.gang()).isTrue();
        assertThat(j1.threads()).hasSize(4);
        assertThat(j1.threads().get(0).name()).isEqualTo("j1.1");
        assertThat(j1.threads().get(0).program().cpuNanos()).isEqualTo(100 * S);
        assertThat(j1.declaredRuntime()).isEqualTo(300 * S); // the requested time
        assertThat(j1.user()).isEqualTo("u3");
        ProcessSpec j2 = w.processes().get(1);
        assertThat(j2.arrival()).isEqualTo(10 * S);
        assertThat(j2.declaredRuntime()).isEqualTo(50 * S); // no requested time: the actual run time
        ProcessSpec j4 = w.processes().get(2);
        assertThat(j4.threads()).hasSize(1);
        assertThat(j4.declaredRuntime()).isEqualTo(30 * S); // requested 10 s < run 30 s: raised to the run time
        assertThat(w.description()).isEqualTo("Test machine at Here (SWF). 6 jobs read, 3 kept; skipped 3: 1 with run time 0 "
                + "or unknown, 1 cancelled before they started, 1 larger than the machine");
    }

    @Test
    void optionsSelectJobsScaleTheLoadMakeJobsSerialAndChooseEstimates() throws IOException {
        Workload w = read(TRACE, Map.of("jobs", "2-4", "scaleLoad", "2", "serial", "true", "estimate", "actual"));
        assertThat(w.processes()).extracting(ProcessSpec::name).containsExactly("j2", "j4");
        assertThat(w.processes().get(0).arrival()).isEqualTo(5 * S);
        assertThat(w.processes().get(0).threads()).hasSize(1);
        assertThat(w.processes().get(1).declaredRuntime()).isEqualTo(30 * S);
        assertThat(read(TRACE, Map.of("shareBy", "group")).processes()).extracting(ProcessSpec::user).containsExactly("g1", "g1", "g2");
        Workload f = read(TRACE, Map.of("estimate", "fmodel", "estimateFactor", "1"));
        long e = f.processes().get(0).declaredRuntime();
        assertThat(e).isBetween(100 * S, 200 * S); // 100 s × U[1, 2]
        assertThat(read(TRACE, Map.of("estimate", "fmodel", "estimateFactor", "1")).processes().get(0).declaredRuntime())
                .isEqualTo(e); // seeded
    }

    @Test
    void aCompressedTraceReadsTheSame() throws IOException {
        Path gz = dir.resolve("t.swf.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(TRACE.getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(read(gz, Map.of()).processes()).isEqualTo(read(TRACE, Map.of()).processes());
        assertThat(new SwfImporter().recognizes(TRACE.getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(new SwfImporter().recognizes("name: x\n".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void aMalformedLineNamesTheLineTheColumnAndTheField() {
        assertThatThrownBy(() -> read("; MaxProcs: 4\n1 0 -1 10 2 -1 -1 2 -1 -1 1 1 1 -1 -1 -1\n", Map.of()))
                .isInstanceOf(OsimException.class)
                .hasMessageEndingWith("t.swf:2:41: a job line has 18 fields; this one has 16, so field 17 (preceding job) is missing");
        assertThatThrownBy(() -> read("1 0 -1 1O 2 -1 -1 2 -1 -1 1 1 1 -1 -1 -1 -1 -1\n", Map.of()))
                .hasMessageEndingWith("t.swf:1:8: field 4 (run time): expected a number (-1 when unknown), got '1O'");
        assertThatThrownBy(() -> read("1 0 -1 10 2 -1 -1 2 -1 -1 1 1 1 -1 -1 -1 -1 -1 9\n", Map.of()))
                .hasMessageEndingWith("t.swf:1:48: a job line has 18 fields; this one has more, from '9'");
        assertThatThrownBy(() -> read("1 -5 -1 10 2 -1 -1 2 -1 -1 1 1 1 -1 -1 -1 -1 -1\n", Map.of()))
                .hasMessageContaining("t.swf:1:3: field 2 (submit time)");
        assertThatThrownBy(() -> read(TRACE, Map.of("jobs", "9-2")))
                .hasMessage("swf option jobs: expected a range of job numbers A-B with A <= B, e.g. 1-1000, got '9-2'");
    }

    @Test
    void decimalTimesAreKeptToTheNanosecond() throws IOException {
        Workload w = read("1 0.5 -1 2.25 1 -1 -1 1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n", Map.of());
        assertThat(w.machine().cpus()).isEqualTo(1); // no header: the largest job
        assertThat(w.processes().get(0).arrival()).isEqualTo(S / 2);
        assertThat(w.processes().get(0).declaredRuntime()).isEqualTo(2_250_000_000L);
    }

    @Test
    void aPreemptedJobsPartsMakeOneJobAndDoubleLogsUseTheSummaryRecords() throws IOException {
        String parts = "1 0 -1 30 2 -1 -1 2 -1 -1 2 1 1 -1 -1 -1 -1 -1\n1 50 -1 20 2 -1 -1 2 -1 -1 3 1 1 -1 -1 -1 -1 -1\n";
        Workload w = read("; Preemption: Yes\n; MaxProcs: 2\n" + parts, Map.of());
        assertThat(w.processes()).hasSize(1);
        assertThat(w.processes().get(0).threads().get(0).program().cpuNanos()).isEqualTo(50 * S);
        Workload d = read("; Preemption: Double\n; MaxProcs: 2\n1 0 -1 45 2 -1 -1 2 -1 -1 1 1 1 -1 -1 -1 -1 -1\n" + parts, Map.of());
        assertThat(d.processes().get(0).threads().get(0).program().cpuNanos()).isEqualTo(45 * S);
        assertThat(w.scheduler()).hasValue("fcfs");
        assertThatThrownBy(() -> read("1 0 -1 5 1 -1 -1 1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n1 9 -1 5 1 -1 -1 1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n",
                Map.of())).hasMessageEndingWith("t.swf:2:1: job 1 appears again (first at line 1); only the partial records of a "
                        + "preempted job (status 2, 3, 4) may share a number");
    }
}
