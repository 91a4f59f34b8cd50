package org.osim.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osim.api.result.SliceRecord;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** The examples of OSTEP ch. 8 (Figs. 8.2 to 8.7), with 3 queues and a 10 ms quantum. */
class MultiLevelFeedbackQueueTest {

    @Test
    void aLongJobSinksOneLevelPerAllotment() {
        HarnessResult r = SchedulerHarness.of(new MultiLevelFeedbackQueue()).workloadYaml("""
                processes:
                  - { name: A, bursts: [cpu 50ms] }
                """).run();
        assertThat(r.schedule()).isEqualTo("A 0-10 | A 10-20 | A 20-30 | A 30-40 | A 40-50");
        assertThat(r.process("A").figure("level").orElseThrow().value()).isEqualTo(2);
    }

    @Test
    void aShortJobArrivingLaterPreemptsAndFinishesFast() {
        // Fig. 8.3: B (20 ms) arrives at 100 while A runs in the lowest queue.
        HarnessResult r = SchedulerHarness.of(new MultiLevelFeedbackQueue()).workloadYaml("""
                processes:
                  - { name: A, bursts: [cpu 200ms] }
                  - { name: B, arrival: 100, bursts: [cpu 20ms] }
                """).run();
        assertThat(r.process("B").completion().orElseThrow()).isEqualTo(120_000_000L);
        assertThat(r.schedule()).contains("B 100-110 | B 110-120 | A 120-");
    }

    @Test
    void theNewAllotmentRuleStopsAJobFromGamingTheScheduler() {
        // Fig. 8.7: B runs 9 ms then does 1 ms of I/O, trying to stay on top.
        String yaml = """
                processes:
                  - { name: A, bursts: [cpu 300ms] }
                  - { name: B, arrival: 50, repeat: 10, bursts: [cpu 9ms, io 1ms] }
                """;
        HarnessResult old = SchedulerHarness.of(new MultiLevelFeedbackQueue()).param("keepOnIo", "true").workloadYaml(yaml).run();
        HarnessResult gameProof = SchedulerHarness.of(new MultiLevelFeedbackQueue()).workloadYaml(yaml).run();
        assertThat(old.process("B").figure("level").orElseThrow().value()).isZero();
        assertThat(gameProof.process("B").figure("level").orElseThrow().value()).isEqualTo(2);
        assertThat(old.process("B").turnaround().orElseThrow()).isLessThan(gameProof.process("B").turnaround().orElseThrow());
    }

    @Test
    void theBoostEndsStarvation() {
        // Fig. 8.5: two interactive jobs keep the top queue busy; A in the lowest queue starves without a boost.
        String yaml = """
                processes:
                  - { name: A, bursts: [cpu 100ms] }
                  - { name: B, arrival: 30, repeat: 40, bursts: [cpu 5ms, io 5ms] }
                  - { name: C, arrival: 30, repeat: 40, bursts: [cpu 5ms, io 5ms] }
                """;
        HarnessResult none = SchedulerHarness.of(new MultiLevelFeedbackQueue()).param("keepOnIo", "true").workloadYaml(yaml).run();
        HarnessResult boosted = SchedulerHarness.of(new MultiLevelFeedbackQueue()).param("keepOnIo", "true")
                .param("boost", "50ms").workloadYaml(yaml).run();
        assertThat(longestGap(none, "A")).isGreaterThanOrEqualTo(400_000_000L);
        assertThat(longestGap(boosted, "A")).isLessThanOrEqualTo(50_000_000L);
    }

    private static long longestGap(HarnessResult r, String task) {
        long last = -1;
        long gap = 0;
        for (SliceRecord s : r.result().slices()) {
            if (s.task().equals(task)) {
                if (last >= 0) {
                    gap = Math.max(gap, s.start() - last);
                }
                last = s.end();
            }
        }
        return gap;
    }

    @Test
    void quantaAndAllotmentsPerLevel() {
        HarnessResult r = SchedulerHarness.of(new MultiLevelFeedbackQueue()).param("quantum", "10ms/20ms/40ms")
                .param("allotment", "1/2/1").workloadYaml("""
                processes:
                  - { name: A, bursts: [cpu 150ms] }
                """).run();
        assertThat(r.schedule()).isEqualTo("A 0-10 | A 10-30 | A 30-50 | A 50-90 | A 90-130 | A 130-150");
    }

    @Test
    void ioToFrontPutsAReturningJobAtTheHeadOfItsQueue() {
        String yaml = """
                processes:
                  - { name: A, bursts: [cpu 5ms, io 2ms, cpu 5ms] }
                  - { name: B, bursts: [cpu 5ms] }
                  - { name: C, bursts: [cpu 5ms] }
                """;
        // A blocks at 11 and returns at 13, while C waits in the same queue.
        assertThat(SchedulerHarness.of(new MultiLevelFeedbackQueue()).param("quantum", "3ms").workloadYaml(yaml).run().schedule())
                .startsWith("A 0-3 | B 3-6 | C 6-9 | A 9-11 | B 11-13 | C 13-15 | A 15-");
        assertThat(SchedulerHarness.of(new MultiLevelFeedbackQueue()).param("ioToFront", "true").param("quantum", "3ms")
                .workloadYaml(yaml).run().schedule()).startsWith("A 0-3 | B 3-6 | C 6-9 | A 9-11 | B 11-13 | A 13-14 | C 14-16");
    }
}
