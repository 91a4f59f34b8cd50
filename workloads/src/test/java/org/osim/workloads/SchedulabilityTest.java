package org.osim.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osim.api.SimTime.millis;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.osim.workloads.Schedulability.TaskParams;

class SchedulabilityTest {
    private static TaskParams task(String n, long c, long t) {
        return new TaskParams(n, millis(c), millis(t), millis(t));
    }

    private static final List<TaskParams> BOOK = List.of(task("T1", 50, 100), task("T2", 30, 200), task("T3", 100, 500));

    @Test
    void theBookExampleIsSchedulableWithUtilization085() {
        Schedulability.Report r = Schedulability.analyze(BOOK, 1);
        assertThat(r.utilization()).isCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.schedulable()).isTrue();
        assertThat(r.rmResponse()).containsExactly(OptionalLong.of(millis(50)), OptionalLong.of(millis(80)),
                OptionalLong.of(millis(360)));
        assertThat(r.verdicts()).extracting(Schedulability.Verdict::schedulable).containsExactly(true, true, true);
        assertThat(r.verdicts().get(1).reason()).contains("above the Liu and Layland bound 0.7798");
    }

    @Test
    void aFourthTaskWithAOneSecondPeriodFitsUpTo150ms() {
        List<TaskParams> fits = new ArrayList<>(BOOK);
        fits.add(task("T4", 150, 1000));
        assertThat(Schedulability.analyze(fits, 1).schedulable()).isTrue();
        List<TaskParams> over = new ArrayList<>(BOOK);
        over.add(task("T4", 151, 1000));
        Schedulability.Report r = Schedulability.analyze(over, 1);
        assertThat(r.schedulable()).isFalse();
        assertThat(r.verdicts().get(0).reason()).isEqualTo("utilization Σ C/T = 1.001 exceeds 1: no policy can meet every deadline");
    }

    @Test
    void responseTimeAnalysisNamesTheTaskThatMisses() {
        List<TaskParams> set = List.of(new TaskParams("T1", millis(3), millis(20), millis(5)), task("T2", 3, 10));
        Schedulability.Report r = Schedulability.analyze(set, 1);
        assertThat(r.verdicts().get(1).schedulable()).isFalse();
        assertThat(r.verdicts().get(1).reason()).startsWith("task T1 can miss its deadline of 5 ms");
        assertThat(r.verdicts().get(2).schedulable()).isTrue();
        assertThat(r.verdicts().get(0).schedulable()).isTrue(); // EDF by processor demand
    }

    @Test
    void processorDemandCatchesAnEdfMissBelowUtilizationOne() {
        List<TaskParams> set = List.of(new TaskParams("A", millis(4), millis(10), millis(4)),
                new TaskParams("B", millis(2), millis(10), millis(5)));
        Schedulability.Verdict edf = Schedulability.analyze(set, 1).verdicts().get(0);
        assertThat(edf.schedulable()).isFalse();
        assertThat(edf.reason()).isEqualTo("in the first 5 ms the jobs due need 6 ms of CPU (processor-demand test): a deadline is missed");
    }

    @Test
    void dhallsSetIsPartitionableButFailsTheGlobalBound() {
        Schedulability.Report r = Schedulability.analyze(Schedulability.tasks(Workloads.load("rt-dhall-2cpu", 1)), 2);
        assertThat(r.verdicts().get(0).test()).isEqualTo("partitioned EDF");
        assertThat(r.verdicts().get(0).schedulable()).isTrue();
        assertThat(r.verdicts().get(0).reason()).contains("cpu 0: [heavy]; cpu 1: [light-1, light-2]");
        assertThat(r.verdicts().get(1).schedulable()).isFalse();
    }

    @Test
    void sporadicReleasesAreDrawnFromTheSeedAtLeastTheIntervalApart() {
        String yaml = """
                duration: 1s
                processes:
                  - { name: S, sporadic: { interval: 50ms, extra: exp(20ms), wcet: 5ms } }
                """;
        var a = WorkloadReader.read("s.yaml", yaml, 1).processes().get(0).periodic().orElseThrow();
        var b = WorkloadReader.read("s.yaml", yaml, 2).processes().get(0).periodic().orElseThrow();
        assertThat(a.releases()).isNotEqualTo(b.releases());
        for (int i = 1; i < a.releases().size(); i++) {
            assertThat(a.releases().get(i) - a.releases().get(i - 1)).isGreaterThanOrEqualTo(millis(50));
        }
        assertThat(a.releases().get(a.releases().size() - 1)).isLessThan(millis(1000));
    }
}
