package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SimSo file worked by hand: T1 (period 10, WCET 3) and T2 (15, 6) from 0, a sporadic S (WCET 1, deadline 4)
 * released at 4.5 and 12 ms, under EDF_mono for 30 ms. EDF runs T1 0–3, T2 3–4.5, S 4.5–5.5, T2 5.5–10, T1
 * 10–12, S 12–13, T1 13–14, idle, T2 15–21, T1 21–24.
 */
class SimsoImportTest {
    /** examples/simso/edf-sporadic.xml, which docs/importers.md shows. */
    static final String TASKS = example();

    private static String example() {
        try {
            return Files.readString(Path.of("../examples/simso/edf-sporadic.xml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aSimsoFileRunsUnderTheSchedulerItNames() throws Exception {
        Cli c = Cli.run("run", file("two.xml", TASKS).toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).startsWith("two · edf · seed 1 · 1 cpu").contains("""
                real-time task  jobs  completed  missed  aborted  worst response  mean response  max lateness  preemptions  migrations
                T1                 4          3       0        0               4          3.667            -6            1           0
                T2                 3          2       0        0              10              8            -5            1           0
                S                  2          2       0        0               1              1            -3            0           0
                deadline misses 0
                """);
    }

    @Test
    void theImportedYamlRunsTheSame() throws Exception {
        Path xml = file("two.xml", TASKS);
        Path yaml = dir.resolve("two.yaml");
        assertThat(Cli.run("import", xml.toString(), "-o", yaml.toString()).exit()).isZero();
        assertThat(Files.readString(yaml)).contains(
                "  - { name: \"S\", arrival: 4500us, bursts: [cpu 1ms], sporadic: { interval: 5ms, releases: [0ms, 7500us], "
                        + "deadline: 4ms, abortOnMiss: true } }\n");
        Cli a = Cli.run("run", xml.toString(), "--format", "json", "--slices");
        Cli b = Cli.run("run", yaml.toString(), "--format", "json", "--slices");
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
    }

    @Test
    void anUnsupportedSchedulerClassListsTheSupportedOnes() throws Exception {
        Cli c = Cli.run("run", file("pd2.xml", TASKS.replace("simso.schedulers.EDF_mono", "simso.schedulers.PD2")).toString());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).endsWith("pd2.xml:4:98: scheduler class 'simso.schedulers.PD2' has no osim counterpart; supported: "
                + "EDF, EDF2, EDF_mono, RM, RM_mono, DM, DM_mono, FP, LLF, EDZL, P_EDF\n");
        Cli acet = Cli.run("run", file("acet.xml", TASKS.replace("etm=\"wcet\"", "etm=\"acet\"")).toString());
        assertThat(acet.err()).contains("acet.xml:3:").contains("execution-time model 'acet'");
        Cli broken = Cli.run("run", file("broken.xml", TASKS.replace("</tasks>", "")).toString());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("broken.xml:14:").contains("malformed XML");
    }
}
