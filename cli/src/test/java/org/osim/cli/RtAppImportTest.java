package org.osim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osim.api.workload.Workload;
import org.osim.workloads.Workloads;

/** The three rt-app shapes of examples/rt-app, run as they are, with the figures worked out by hand. */
class RtAppImportTest {
    private static final String DIR = "../examples/rt-app/";

    @Test
    void periodicTasksMeetTheResponseTimesOfTheAnalysis() {
        // audio (1 ms every 5), video (6 every 16), logger (3 every 40) by rate: R = 1, 1 + 6 + 1 = 8, 3 + 3·1 + 6 = 12.
        // In 80 ms video's jobs end 8, 7, 7, 7 and 8 ms after release (mean 7.4), preempted by audio 6 times.
        Cli c = Cli.run("run", DIR + "periodic.json", "--until", "80ms");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).startsWith("periodic · priority").contains("""
                audio-0           17         16       0        0               1              1            -4            0           0
                video-1            6          5       0        0               8            7.4            -8            6           0
                logger-2           3          2       0        0              12              8           -28            1           0
                """);
    }

    @Test
    void twoThreadsTakeTurnsAtTheMutex() {
        // thread0 holds it 0–2, 5–7, 10–12 ms; thread1 2–5, 7–10, 12–15; each lock after the first waits for the other.
        Cli c = Cli.run("run", DIR + "mutex.json");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("thread0-0        0          0          13").contains("thread1-1      0.5        0.5        15.5")
                .contains("mutex0  mutex          12       5         0         8.5           2         6    15");
    }

    @Test
    void deadlineTasksRunByTheirDeadlinesWithTheBestEffortTaskBehind() {
        Cli c = Cli.run("run", DIR + "deadline.json", "--until", "40ms");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).startsWith("deadline · edf").contains("""
                ctrl-0             5          4       0        0               2              2            -3            0           0
                cam-1              3          2       0        0               6              6           -14            0           0
                """).contains("bulk-2         0          6");
    }

    @Test
    void theStandardWorkloadsAreTheExamplesImported() {
        for (String shape : new String[] {"periodic", "mutex", "deadline"}) {
            Workload imported = Workloads.load(DIR + shape + ".json", 1);
            Workload standard = Workloads.load("rt-app-" + shape, 1);
            assertThat(standard.processes()).as(shape).isEqualTo(imported.processes());
            assertThat(standard.objects().stream().map(o -> o.name() + ":" + o.type() + o.params()).toList()).as(shape)
                    .isEqualTo(imported.objects().stream().map(o -> o.name() + ":" + o.type() + o.params()).toList());
            assertThat(standard.machine()).isEqualTo(imported.machine());
            assertThat(standard.duration()).isEqualTo(imported.duration());
            assertThat(standard.scheduler()).isEqualTo(imported.scheduler());
        }
    }
}
