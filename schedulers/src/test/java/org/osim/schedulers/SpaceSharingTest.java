package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import org.osim.api.sched.SchedulerFactory;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/**
 * Space sharing of gangs on 4 CPUs, worked by hand. EASY lets D jump ahead on the CPU the head job B will not
 * need at its shadow time (10 s), which delays C; conservative gave C a reservation first, so D waits.
 */
class SpaceSharingTest {
    private static final String JOBS = """
            machine: { cpus: 4 }
            processes:
              - { name: A, arrival: 0s, bursts: [cpu 10s], gang: 2 }
              - { name: B, arrival: 1s, bursts: [cpu 10s], gang: 3 }
              - { name: C, arrival: 2s, bursts: [cpu 10s], gang: 4 }
              - { name: D, arrival: 3s, bursts: [cpu 25s] }
            """;

    /** B needs all 4 CPUs at 10 s; C (3 s) ends before then, D (20 s) would not. */
    private static final String SHORT_THIRD = """
            machine: { cpus: 4 }
            processes:
              - { name: A, arrival: 0s, bursts: [cpu 10s], gang: 2 }
              - { name: B, arrival: 1s, bursts: [cpu 5s], gang: 4 }
              - { name: C, arrival: 2s, bursts: [cpu 3s], gang: 2 }
              - { name: D, arrival: 3s, bursts: [cpu 20s], gang: 2 }
            """;

    private static HarnessResult run(SchedulerFactory f, String yaml) {
        return SchedulerHarness.of(f).check(true).workloadYaml(yaml).run();
    }

    private static long startSeconds(HarnessResult r, String p) {
        return r.process(p).firstRun().getAsLong() / 1_000_000_000L;
    }

    /** Each process's first run, in seconds. */
    private static long[] starts(HarnessResult r, String... processes) {
        return java.util.Arrays.stream(processes).mapToLong(p -> startSeconds(r, p)).toArray();
    }

    private static long endSeconds(HarnessResult r, String p) {
        return r.process(p).completion().getAsLong() / 1_000_000_000L;
    }

    @Test
    void fcfsKeepsEveryJobBehindTheFirst() {
        HarnessResult r = run(new FirstComeFirstServed(), JOBS);
        assertThat(starts(r, "A", "B", "C", "D"))
                .containsExactly(0, 10, 20, 30);
        assertThat(r.meanTurnaroundMillis()).isEqualTo((10 + 19 + 28 + 52) * 1000 / 4.0);
        // Each gang's threads ran together, each on a CPU of its own.
        assertThat(r.process("C").threads()).hasSize(4).allSatisfy(t -> assertThat(t.firstRun()).hasValue(20_000_000_000L));
    }

    @Test
    void easyBackfillsOnTheExtraCpuAndDelaysTheSecondJob() {
        HarnessResult r = run(new EasyBackfilling(), JOBS);
        assertThat(starts(r, "A", "B", "C", "D"))
                .containsExactly(0, 10, 28, 3);
        assertThat(endSeconds(r, "C")).isEqualTo(38);
        assertThat(r.meanTurnaroundMillis()).isEqualTo((10 + 19 + 36 + 25) * 1000 / 4.0);
    }

    @Test
    void conservativeBackfillingDelaysNoReservation() {
        HarnessResult r = run(new ConservativeBackfilling(), JOBS);
        assertThat(starts(r, "A", "B", "C", "D"))
                .containsExactly(0, 10, 20, 30);
    }

    @Test
    void easyBackfillsAJobThatEndsBeforeTheShadowTime() {
        HarnessResult r = run(new EasyBackfilling(), SHORT_THIRD);
        // C (ends at 5 s, before B's shadow time 10 s) goes ahead; D would end after it and B needs all 4 CPUs.
        assertThat(starts(r, "A", "B", "C", "D"))
                .containsExactly(0, 10, 2, 15);
    }

    @Test
    void conservativeCompressesWhenAJobEndsBeforeItsEstimate() {
        // A declares 20 s and runs 10: B's reservation at 20 s moves up to 10 s, and C's after it to 15 s.
        HarnessResult r = run(new ConservativeBackfilling(), """
                machine: { cpus: 2 }
                processes:
                  - { name: A, arrival: 0s, bursts: [cpu 10s], gang: 2, runtime: 20s }
                  - { name: B, arrival: 1s, bursts: [cpu 5s], gang: 2 }
                  - { name: C, arrival: 2s, bursts: [cpu 5s] }
                """);
        assertThat(starts(r, "A", "B", "C")).containsExactly(0, 10, 15);
    }

    @Test
    void sjfStartsTheShortestJobThatWaitsAndHoldsTheOthersBehindIt() {
        HarnessResult r = run(new ShortestJobFirst(), SHORT_THIRD);
        assertThat(starts(r, "A", "B", "C", "D"))
                .containsExactly(0, 10, 2, 15);
    }

    @Test
    void aPolicyThatDoesNotKeepGangsTogetherIsRefusedBeforeTheRun() {
        assertThatThrownBy(() -> run(new RoundRobin(), JOBS))
                .isInstanceOfSatisfying(OsimException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessageContaining("scheduler 'rr' does not keep gangs together")
                .hasMessageContaining("process 'A' is a gang of 2 threads");
    }

    @Test
    void aGangLargerThanTheMachineIsRefused() {
        assertThatThrownBy(() -> run(new EasyBackfilling(), "machine: { cpus: 2 }\nprocesses:\n  - { name: A, bursts: [cpu 1s], gang: 3 }\n"))
                .hasMessageContaining("gang process 'A' has 3 threads")
                .hasMessageContaining("the machine has 2 CPUs");
    }

    @Test
    void cpusLeftIdleOnPurposeWhileAGangWaitsAreNotTheWatchdogsBusiness() {
        // Two CPUs idle for 999 s, far past the watchdog's 30 s, while B waits for all four: space sharing, not a stall.
        HarnessResult r = run(new FirstComeFirstServed(), """
                machine: { cpus: 4 }
                processes:
                  - { name: A, arrival: 0s, bursts: [cpu 1000s], gang: 2 }
                  - { name: B, arrival: 1s, bursts: [cpu 1s], gang: 4 }
                """);
        assertThat(startSeconds(r, "B")).isEqualTo(1000);
    }
}
