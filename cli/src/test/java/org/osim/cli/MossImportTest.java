package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MOSS's sample shape worked by hand: three processes of 2000 ms blocking every 500, 500 and 30 ms. MOSS runs the
 * lowest-numbered unfinished process, and one that blocks gives way to the next lowest: p0 and p1 alternate in
 * 500 ms bursts (p0 ends at 3500 ms, p1 at 4000 ms), and p2 runs alone from 4000 to 6000 ms, blocking 66 times.
 */
class MossImportTest {
    @TempDir
    Path dir;

    /** examples/moss/scheduling.conf, which docs/importers.md shows. */
    private Path conf() {
        return Path.of("../examples/moss/scheduling.conf");
    }

    @Test
    void aSchedulingConfRunsUnderMossRuleAndPrintsItsTwoFiles() throws Exception {
        Cli c = Cli.run("run", conf().toString(), "--format", "moss");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).startsWith("""
                ==> Summary-Results <==
                Scheduling Type: Batch (Nonpreemptive)
                Scheduling Name: First-Come First-Served
                Simulation Run Time: 6000
                Mean: 2000
                Standard Deviation: 0
                Process #\tCPU Time\tIO Blocking\tCPU Completed\tCPU Blocked
                0\t\t2000 (ms)\t500 (ms)\t2000 (ms)\t3 times
                1\t\t2000 (ms)\t500 (ms)\t2000 (ms)\t3 times
                2\t\t2000 (ms)\t30 (ms)\t\t2000 (ms)\t66 times

                ==> Summary-Processes <==
                Process: 0 registered... (2000 500 0 0)
                Process: 0 I/O blocked... (2000 500 500 500)
                Process: 1 registered... (2000 500 0 0)
                Process: 1 I/O blocked... (2000 500 500 500)
                Process: 0 registered... (2000 500 500 500)
                """);
        assertThat(c.out()).contains("""
                Process: 0 registered... (2000 500 1500 1500)
                Process: 0 completed... (2000 500 2000 2000)
                Process: 1 registered... (2000 500 1500 1500)
                Process: 1 completed... (2000 500 2000 2000)
                Process: 2 registered... (2000 30 0 0)
                Process: 2 I/O blocked... (2000 30 30 30)
                Process: 2 registered... (2000 30 30 30)
                """).endsWith("Process: 2 registered... (2000 30 1980 1980)\nProcess: 2 completed... (2000 30 2000 2000)\n");
        Cli table = Cli.run("run", conf().toString());
        assertThat(table.out()).contains("p0             0          0        3500").contains("p2             0       4000        6000");
    }

    @Test
    void aRunCutAtRuntimeReportsRuntimeAndWhatWasDone() throws Exception {
        Path f = dir.resolve("short.conf");
        Files.writeString(f, "numprocess 2\nmeandev 2000\nstanddev 0\nprocess 500\nprocess 500\nruntime 1200\n");
        Cli c = Cli.run("run", f.toString(), "--format", "moss");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("Simulation Run Time: 1200\n")
                .contains("0\t\t2000 (ms)\t500 (ms)\t700 (ms)\t1 times\n")
                .contains("1\t\t2000 (ms)\t500 (ms)\t500 (ms)\t1 times\n")
                .endsWith("Process: 0 registered... (2000 500 500 500)\n");
        Cli notMoss = Cli.run("run", "fig-2-41", "-s", "fcfs", "--format", "moss");
        assertThat(notMoss.exit()).isEqualTo(2);
        assertThat(notMoss.err()).startsWith("osim: --format moss reports a run of a MOSS scheduling.conf");
    }
}
