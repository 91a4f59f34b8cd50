package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @TempDir
    Path dir;

    private Path spec(String text) throws Exception {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void theShippedSweepGivesARowPerRunAndTheSameBytesOnAnyNumberOfCores() {
        Cli one = Cli.run("sweep", "../examples/sweeps/load-levels.yaml", "--format", "csv", "--jobs", "1");
        assertThat(one.exit()).as(one.err()).isZero();
        List<String> rows = one.out().lines().toList();
        assertThat(rows).hasSize(1 + 3 * 3 * 10); // three loads, three schedulers, ten replications
        assertThat(rows.get(0)).isEqualTo("sweep,workload,jobs,arrival,scheduler,replication,seed,status,meanTurnaround,meanWaiting,"
                + "meanResponse,throughput,cpuUtilization,makespan,contextSwitches,jainFairness,error");
        assertThat(rows.get(1)).startsWith("load-levels,\"mm1[arrival=20ms,jobs=2000]\",2000,20ms,fcfs,1,1,ok,");
        assertThat(rows.get(2)).startsWith("load-levels,\"mm1[arrival=20ms,jobs=2000]\",2000,20ms,rr:quantum=1ms,1,1,ok,");
        assertThat(Cli.run("sweep", "../examples/sweeps/load-levels.yaml", "--format", "csv", "--jobs", "2").out()).isEqualTo(one.out());
        // The table: a study per load; at ρ = 0.8 SRTN's turnaround is better than FCFS's.
        String table = Cli.run("sweep", "../examples/sweeps/load-levels.yaml").out();
        assertThat(table).contains("mm1[arrival=10ms,jobs=2000] · 10 replications").contains("mm1[arrival=12.5ms,jobs=2000]");
        assertThat(table.substring(table.indexOf("mm1[arrival=10ms"))).containsPattern("mean turnaround .* -[0-9.]+ ± [0-9.]+  better");
    }

    @Test
    void aRunThatFailsIsReportedInItsRowAndTheOthersGoOn() throws Exception {
        Path p = spec("workloads: [mm1]\nset: { jobs: 20 }\nschedulers: [fcfs, \"scripted:schedule=Z:3\"]\nreplications: 2\n");
        Cli c = Cli.run("sweep", p.toString(), "--format", "json");
        assertThat(c.exit()).isEqualTo(1);
        JsonNode out = new ObjectMapper().readTree(c.out());
        assertThat(out.get("runs").asInt()).isEqualTo(4);
        assertThat(out.get("failed").asInt()).isEqualTo(2);
        assertThat(out.get("rows").get(0).get("meanTurnaround").asDouble()).isPositive();
        assertThat(out.get("rows").get(1).get("error").asText()).contains("scheduler 'scripted' failed in pickNext");
        assertThat(out.get("studies")).isEmpty(); // the cell with a failed run has no study
        assertThat(Cli.run("sweep", p.toString()).out()).contains("2 run(s) failed; their cells have no study:\n  mm1[jobs=20] scripted:");
    }

    @Test
    void aSchedulerNobodyInstalledIsRefusedAtItsPlace() throws Exception {
        Cli c = Cli.run("sweep", spec("workloads: [mm1]\nschedulers:\n  - fcfs\n  - lotery\n").toString());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).startsWith("osim: " + dir.resolve("s.yaml") + ":4:5: unknown scheduler 'lotery'");
        Cli q = Cli.run("sweep", spec("workloads: [mm1]\nschedulers: [\"rr:quantom=1ms\"]\n").toString());
        assertThat(q.err()).startsWith("osim: " + dir.resolve("s.yaml") + ":2:14: unknown parameter 'quantom' for scheduler 'rr'");
    }
}
