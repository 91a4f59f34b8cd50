package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SWF trace worked by hand on 4 CPUs: j1 (2 CPUs, 100 s) at 0, j2 (4 CPUs, 50 s) at 10 s, j3 (2 CPUs, 20 s) at
 * 20 s. FCFS runs them 0–100, 100–150, 150–170 (waits 0, 90, 130); EASY backfills j3 at 20 s, as it ends before
 * j2's shadow time (100 s): waits 0, 90, 0.
 */
class ImportCommandTest {


    @TempDir
    Path dir;

    /** examples/swf/small.swf, which docs/importers.md shows, copied so that the YAML import writes lands beside it. */
    private Path trace() throws Exception {
        Path f = dir.resolve("small.swf");
        Files.copy(Path.of("../examples/swf/small.swf"), f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return f;
    }

    @Test
    void compareOnATracePrintsWaitBoundedSlowdownAndUtilization() throws Exception {
        Cli c = Cli.run("compare", trace().toString(), "-s", "fcfs", "-s", "easy", "-s", "conservative", "--unit", "s");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("""
                jobs          mean wait  median wait  p90 wait  p99 wait  max wait  mean bsld  median bsld  p90 bsld  p99 bsld  max bsld  utilization
                fcfs             73.333           90       130       130       130     3.7667          2.8       7.5       7.5       7.5     64.7059%
                easy                 30            0        90        90        90        1.6            1       2.8       2.8       2.8     73.3333%
                conservative         30            0        90        90        90        1.6            1       2.8       2.8       2.8     73.3333%
                wait = start - submit; bsld = bounded slowdown, max(1, turnaround / max(run time, 10 s))
                """);
    }

    @Test
    void importWritesYamlThatRunsToTheSameResults() throws Exception {
        Path yaml = dir.resolve("small.yaml");
        Cli imported = Cli.run("import", trace().toString(), "-o", yaml.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(Files.readString(yaml)).isEqualTo("""
                name: "small"
                description: "An example of 4 processors (docs/importers.md and ImportCommandTest) (SWF). 3 jobs read, 3 kept"
                machine: { cpus: 4 }
                scheduler: "fcfs"
                processes:
                  - { name: "j1", bursts: [cpu 100s], gang: 2, user: "u1", runtime: 100s }
                  - { name: "j2", arrival: 10s, bursts: [cpu 50s], gang: 4, user: "u2", runtime: 50s }
                  - { name: "j3", arrival: 20s, bursts: [cpu 20s], gang: 2, user: "u1", runtime: 20s }
                """);
        Cli fromTrace = Cli.run("compare", trace().toString(), "-s", "fcfs", "-s", "easy", "--format", "json", "--slices");
        Cli fromYaml = Cli.run("compare", yaml.toString(), "-s", "fcfs", "-s", "easy", "--format", "json", "--slices");
        assertThat(fromYaml.exit()).as(fromYaml.err()).isZero();
        assertThat(fromYaml.out()).isEqualTo(fromTrace.out());
    }

    @Test
    void formatSwfWritesTheScheduleAsATrace() throws Exception {
        Cli c = Cli.run("run", trace().toString(), "-s", "easy", "--format", "swf");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).endsWith("""
                ; MaxProcs: 4
                1 0 0 100 2 100 -1 2 100 -1 1 1 -1 -1 -1 -1 -1 -1
                2 10 90 50 4 50 -1 4 50 -1 1 2 -1 -1 -1 -1 -1 -1
                3 20 0 20 2 20 -1 2 20 -1 1 1 -1 -1 -1 -1 -1 -1
                """);
    }

    @Test
    void importersAreListedAndTheirOptionsAreFlags() throws Exception {
        Cli list = Cli.run("list", "importers");
        assertThat(list.out()).contains("yaml    *.yaml *.yml *.json").contains("swf     *.swf.gz *.swf       --swf-jobs --swf-scale-load");
        Cli help = Cli.run("run", "--help");
        assertThat(help.out()).contains("--swf-scale-load=SCALELOAD").contains("20% more load");
        assertThat(help.err()).isEmpty();
        assertThat(Cli.run("describe", "swf").out()).startsWith("swf — workload importer\n")
                .contains("Files: *.swf.gz *.swf (or --input-format swf)\n").contains("  --swf-scale-load        1.0  ");
        Cli serial = Cli.run("run", trace().toString(), "-s", "rr", "--swf-serial", "--swf-jobs", "1-2");
        assertThat(serial.exit()).as(serial.err()).isZero();
        assertThat(serial.out()).contains("j1 ").contains("j2 ").doesNotContain("j3 ");
    }

    @Test
    void badInputSaysWhatAndWhereAndWritesNothing() throws Exception {
        Path bad = dir.resolve("bad.swf");
        Files.writeString(bad, "1 0 -1 x 2 -1 -1 2 -1 -1 1 1 1 -1 -1 -1 -1 -1\n");
        Path out = dir.resolve("out.yaml");
        Cli c = Cli.run("import", bad.toString(), "-o", out.toString());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("osim: " + bad + ":1:8: field 4 (run time): expected a number (-1 when unknown), got 'x'\n");
        assertThat(out).doesNotExist();
        Cli rr = Cli.run("run", trace().toString(), "-s", "rr");
        assertThat(rr.exit()).isEqualTo(2);
        assertThat(rr.err()).startsWith("osim: scheduler 'rr' does not keep gangs together");
        Cli wrong = Cli.run("run", "fig-2-41", "-s", "fcfs", "--swf-jobs", "1-2");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("osim: --swf-jobs: fig-2-41 is read as yaml, not swf (name the format with --input-format swf)\n");
        Cli unknown = Cli.run("run", trace().toString(), "-s", "fcfs", "--input-format", "nope");
        assertThat(unknown.err()).isEqualTo("osim: --input-format: unknown format 'nope' (known: yaml, moss, rtapp, simso, swf)\n");
        Cli option = Cli.run("run", trace().toString(), "-s", "fcfs", "--swf-scale-load", "zero");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).startsWith("osim: parameter 'scaleLoad' of importer 'swf': ");
    }
}
