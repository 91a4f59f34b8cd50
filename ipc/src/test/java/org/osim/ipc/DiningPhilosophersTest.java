package org.osim.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osim.ipc.MessagePassingTest.allExitNormally;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osim.api.result.Violation;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.schedulers.RandomInterleaving;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Tanenbaum §2.5.1: the dining philosophers, from the non-solution of Fig. 2-46 to the solution of Fig. 2-47. */
class DiningPhilosophersTest {
    private static final List<Long> TEN_MEALS_EACH = List.of(10L, 10L, 10L, 10L, 10L);

    private static HarnessResult run(String workload) {
        return SchedulerHarness.of(new FirstComeFirstServed()).workload(workload).run();
    }

    private static HarnessResult random(String workload, long seed) {
        return SchedulerHarness.of(new RandomInterleaving()).seed(seed).workload(workload).run();
    }

    @Test
    void fig2_46AllTakeTheirLeftForkAndTheKernelReportsTheFiveEdgeCycle() {
        HarnessResult r = run("dining-philosophers-naive");
        assertThat(r.result().violations()).hasSize(1);
        Violation v = r.result().violations().get(0);
        assertThat(v.kind()).isEqualTo("deadlock");
        assertThat(v.time()).isEqualTo(1_012_000L); // thought 1 ms, took the left fork, reached for 10 µs
        assertThat(v.detail()).isEqualTo("a cycle of waits: philosopher4 → fork0 held by philosopher0 → fork1 held by "
                + "philosopher1 → fork2 held by philosopher2 → fork3 held by philosopher3 → fork4 held by philosopher4 "
                + "(each waits for an object the next one holds)");
        assertThat(v.threads()).containsExactlyInAnyOrder("philosopher0", "philosopher1", "philosopher2", "philosopher3", "philosopher4");
        assertThat(r.result().memory().get("meals")).containsExactly(0L, 0L, 0L, 0L, 0L);
    }

    @Test
    void fig2_47NeverDeadlocksAndLetsTwoEatAtOnce() {
        HarnessResult r = run("dining-philosophers");
        assertThat(r.result().violations()).isEmpty();
        allExitNormally(r);
        assertThat(r.result().memory().get("meals")).isEqualTo(TEN_MEALS_EACH);
        assertThat(r.result().memory().get("most")).containsExactly(2L); // ⌊5/2⌋ at some instant
        // Each philosopher's wait to eat, from hungry (want eatI) to eating (enter eatI), in µs.
        assertThat(r.result().regions().stream().filter(g -> g.name().startsWith("eat"))
                .map(g -> g.name() + " " + g.entries() + " " + g.totalWait() / 1000 + " " + g.worstWait() / 1000))
                .containsExactly("eat0 10 4512 989", "eat1 10 6933 1168", "eat2 10 5442 999", "eat3 10 7027 2149", "eat4 10 5961 1092");
        for (long seed = 1; seed <= 100; seed++) {
            HarnessResult s = random("dining-philosophers", seed);
            // No fork held by two philosophers (critical regions fork0 to fork4), no deadlock.
            assertThat(s.result().violations()).as("seed %d", seed).isEmpty();
            allExitNormally(s);
            assertThat(s.result().memory().get("meals")).as("seed %d", seed).isEqualTo(TEN_MEALS_EACH);
            assertThat(s.result().memory().get("most").get(0)).as("seed %d", seed).isBetween(1L, 2L);
        }
    }

    @Test
    void oneMutexAroundTheMealIsCorrectButOnlyOneEats() {
        for (long seed = 1; seed <= 20; seed++) {
            HarnessResult s = random("dining-philosophers-mutex", seed);
            assertThat(s.result().violations()).isEmpty();
            assertThat(s.result().memory().get("meals")).isEqualTo(TEN_MEALS_EACH);
            assertThat(s.result().memory().get("most")).containsExactly(1L);
        }
    }

    @Test
    void retryingInStepIsALivelockReportedAsStarvation() {
        HarnessResult r = run("dining-philosophers-retry");
        assertThat(r.result().violations()).hasSize(1);
        Violation v = r.result().violations().get(0);
        assertThat(v.kind()).isEqualTo("starvation");
        assertThat(v.time()).isEqualTo(101_288_000L);
        assertThat(v.detail()).isEqualTo("philosopher0 has tried to enter critical region 'eat0' for 100.286 ms and nobody has "
                + "been in it; philosopher1, philosopher2, philosopher3, philosopher4 are trying too, and every try fails: "
                + "a livelock; the run stops here");
        assertThat(r.result().memory().get("meals")).containsExactly(0L, 0L, 0L, 0L, 0L);
        assertThat(r.result().endTime()).isEqualTo(101_288_000L);
    }

    @Test
    void aRandomBackOffBreaksTheStepAndEveryoneEats() {
        HarnessResult r = run("dining-philosophers-backoff");
        assertThat(r.result().violations()).isEmpty();
        assertThat(r.result().memory().get("meals")).isEqualTo(TEN_MEALS_EACH);
        for (long seed = 1; seed <= 100; seed++) {
            HarnessResult s = SchedulerHarness.of(new FirstComeFirstServed()).seed(seed).workload("dining-philosophers-backoff").run();
            assertThat(s.result().violations()).as("seed %d", seed).isEmpty();
            assertThat(s.result().memory().get("meals")).as("seed %d", seed).isEqualTo(TEN_MEALS_EACH);
        }
    }

    @Test
    void takingForksInAnOddEvenOrderCannotDeadlock() {
        for (long seed = 1; seed <= 100; seed++) {
            HarnessResult s = random("dining-philosophers-odd-even", seed);
            assertThat(s.result().violations()).as("seed %d", seed).isEmpty();
            assertThat(s.result().memory().get("meals")).as("seed %d", seed).isEqualTo(TEN_MEALS_EACH);
        }
        assertThat(run("dining-philosophers-odd-even").result().memory().get("most")).containsExactly(2L);
    }
}
