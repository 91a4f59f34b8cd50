package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.osim.api.result.RunResult;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** The CFS- and EEVDF-style policies. */
class FairSchedulersTest {
    private static final String EQUAL = """
            processes:
              - { name: A, bursts: [cpu 30ms] }
              - { name: B, bursts: [cpu 30ms] }
            """;

    private static final String NICE = """
            duration: 3s
            processes:
              - { name: nice0, bursts: [cpu 10s] }
              - { name: nice5, nice: 5, bursts: [cpu 10s] }
            """;

    @Test
    void cfsSharesTheTargetLatencyBetweenEqualTasks() {
        HarnessResult r = SchedulerHarness.of(new CompletelyFair()).workloadYaml(EQUAL).run();
        assertThat(r.schedule()).startsWith("A 0-3 | B 3-6 | A 6-9 | B 9-12");
    }

    @Test
    void cfsWeighsByNice() {
        RunResult r = SchedulerHarness.of(new CompletelyFair()).workloadYaml(NICE).run().result();
        double ratio = (double) r.process("nice0").orElseThrow().cpu() / r.process("nice5").orElseThrow().cpu();
        assertThat(ratio).isCloseTo(1024.0 / 335, within(0.05));
    }

    @Test
    void cfsLetsAWakingInteractiveTaskPreempt() {
        HarnessResult r = SchedulerHarness.of(new CompletelyFair()).workloadYaml("""
                processes:
                  - { name: hog, bursts: [cpu 200ms] }
                  - { name: editor, repeat: 10, bursts: [cpu 1ms, io 10ms] }
                """).run();
        // The editor waits for the hog's first slice only; afterwards, far behind in virtual runtime after
        // sleeping, it preempts the hog each time it wakes.
        assertThat(r.process("editor").waiting()).isEqualTo(3_000_000L);
    }

    @Test
    void eevdfSharesEquallyInSlices() {
        HarnessResult r = SchedulerHarness.of(new Eevdf()).workloadYaml(EQUAL).run();
        assertThat(r.schedule()).startsWith("A 0-3 | B 3-6 | A 6-9 | B 9-12");
    }

    @Test
    void eevdfWeighsByNice() {
        RunResult r = SchedulerHarness.of(new Eevdf()).workloadYaml(NICE).run().result();
        double ratio = (double) r.process("nice0").orElseThrow().cpu() / r.process("nice5").orElseThrow().cpu();
        assertThat(ratio).isCloseTo(1024.0 / 335, within(0.1));
    }

    @Test
    void eevdfGivesAWakingTaskItsLagBack() {
        HarnessResult r = SchedulerHarness.of(new Eevdf()).workloadYaml("""
                processes:
                  - { name: hog, bursts: [cpu 200ms] }
                  - { name: editor, repeat: 10, bursts: [cpu 1ms, io 10ms] }
                """).run();
        assertThat(r.process("editor").waiting()).isLessThan(30_000_000L);
        assertThat(r.process("hog").cpu()).isEqualTo(200_000_000L);
    }
}
