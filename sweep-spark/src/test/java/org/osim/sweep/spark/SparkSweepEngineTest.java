package org.osim.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark engine on local[2] gives the local engine's rows, row for row, and writes them as Parquet. */
class SparkSweepEngineTest {
    @TempDir
    Path dir;

    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = org.osim.cli.Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void sparkRunsTheSameRowsAsTheLocalEngine() throws Exception {
        Path spec = dir.resolve("s.yaml");
        Files.writeString(spec, """
                name: small
                workloads: [mm1]
                set: { jobs: 200 }
                vary: { arrival: [20ms, 10ms] }
                schedulers: [fcfs, "rr:quantum=1ms", srtn]
                replications: 3
                """);
        String[] local = cli("sweep", spec.toString(), "--format", "csv");
        assertThat(local[0]).as(local[2]).isEqualTo("0");
        String[] spark = cli("sweep", spec.toString(), "--format", "csv", "--engine", "spark", "--master", "local[2]");
        assertThat(spark[0]).as(spark[2]).isEqualTo("0");
        assertThat(spark[1]).isEqualTo(local[1]);
        assertThat(local[1].lines()).hasSize(1 + 2 * 3 * 3);

        Path parquet = dir.resolve("runs.parquet");
        String[] written = cli("sweep", spec.toString(), "--engine", "spark", "--master", "local[2]", "-o", parquet.toString());
        assertThat(written[0]).as(written[2]).isEqualTo("0");
        assertThat(written[1]).isEqualTo("wrote 18 rows to " + parquet + "\n");
        SparkSession s = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            var rows = s.read().parquet(parquet.toString());
            assertThat(rows.count()).isEqualTo(18);
            assertThat(rows.columns()).contains("workload", "arrival", "jobs", "scheduler", "replication", "seed", "meanTurnaround");
            assertThat(rows.filter("scheduler = 'srtn' and arrival = '10ms'").count()).isEqualTo(3);
        } finally {
            s.stop();
        }
        // Parquet is Spark's to write; an unknown engine is one clear line.
        assertThat(cli("sweep", spec.toString(), "-o", parquet.toString())[2])
                .isEqualTo("osim: -o " + parquet + ": Parquet is written by --engine spark; the local engine writes csv or json\n");
        assertThat(cli("sweep", spec.toString(), "--engine", "flink")[2]).isEqualTo("osim: no sweep engine 'flink' (local is built in)\n");
        // A standalone master nobody runs: one line at once, not Spark's retries.
        String[] unreachable = cli("sweep", spec.toString(), "--engine", "spark", "--master", "spark://127.0.0.1:1");
        assertThat(unreachable[0]).isEqualTo("2");
        assertThat(unreachable[2]).startsWith("osim: cannot reach Spark master spark://127.0.0.1:1: Connection refused");
    }
}
