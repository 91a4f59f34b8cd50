package org.osim.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osim.ipc.MessagePassingTest.allExitNormally;
import static org.osim.ipc.MessagePassingTest.object;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.schedulers.RandomInterleaving;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Readers and writers, the sleeping barber and the unisex bathroom (Tanenbaum §2.5 and its problems). */
class ClassicalProblemsTest {
    private static HarnessResult run(String workload, Map<String, String> settings) {
        return SchedulerHarness.of(new FirstComeFirstServed()).workload(workload, settings).run();
    }

    private static long worstWriteWait(String prefer, String gap) {
        HarnessResult r = run("readers-writers", Map.of("prefer", prefer, "gap", gap));
        allExitNormally(r);
        var rw = object(r.result(), "rw");
        assertThat(rw.counters()).containsEntry("reads", 200L).containsEntry("writes", 5L);
        return rw.times().get("worst write wait");
    }

    @Test
    void readerPreferenceStarvesWritersMoreAsReadersComeFaster() {
        // Fig. 2-48: while readers overlap, a writer waits; the busier the readers, the longer.
        assertThat(worstWriteWait("readers", "4ms")).isEqualTo(656_000L);
        assertThat(worstWriteWait("readers", "2ms")).isEqualTo(6_712_000L);
        assertThat(worstWriteWait("readers", "1ms")).isEqualTo(32_477_000L);
        assertThat(worstWriteWait("readers", "500us")).isEqualTo(105_363_000L);
        // Preferring writers, or serving in order, bounds a writer's wait by the readers already inside.
        for (String prefer : new String[] {"writers", "fifo"}) {
            for (String gap : new String[] {"4ms", "2ms", "1ms", "500us"}) {
                assertThat(worstWriteWait(prefer, gap)).as("%s %s", prefer, gap).isLessThanOrEqualTo(3_000_000L);
            }
        }
    }

    @Test
    void theSleepingBarberServesOrTurnsAwayEveryCustomer() {
        for (long seed = 1; seed <= 50; seed++) {
            HarnessResult r = SchedulerHarness.of(new RandomInterleaving()).seed(seed).workload("sleeping-barber").run();
            assertThat(r.result().violations()).as("seed %d", seed).isEmpty();
            allExitNormally(r);
            long served = r.result().memory().get("served").get(0);
            long away = r.result().memory().get("turned_away").get(0);
            assertThat(served + away).as("seed %d", seed).isEqualTo(50L);
            assertThat(r.result().memory().get("waiting")).containsExactly(0L);
        }
        // Fewer chairs, more customers turned away; with none, the book's code turns everyone away.
        long[] away = new long[4];
        String[] chairs = {"0", "1", "3", "10"};
        for (int i = 0; i < chairs.length; i++) {
            HarnessResult r = run("sleeping-barber", Map.of("chairs", chairs[i], "gap", "3ms"));
            away[i] = r.result().memory().get("turned_away").get(0);
        }
        assertThat(away[0]).isEqualTo(50L);
        assertThat(away).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(away[3]).isZero();
    }

    @Test
    void theUnisexBathroomNeverMixes() {
        for (long seed = 1; seed <= 50; seed++) {
            HarnessResult r = SchedulerHarness.of(new RandomInterleaving()).seed(seed).workload("unisex-bathroom").run();
            allExitNormally(r); // whoever finds the other sex inside faults
            assertThat(r.result().memory().get("visits")).as("seed %d", seed).containsExactly(80L);
            assertThat(r.result().memory().get("women_in")).containsExactly(0L);
            assertThat(r.result().memory().get("men_in")).containsExactly(0L);
        }
    }
}
