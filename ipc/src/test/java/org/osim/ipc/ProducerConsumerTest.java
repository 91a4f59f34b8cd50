package org.osim.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osim.ipc.MessagePassingTest.allExitNormally;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.schedulers.RandomInterleaving;
import org.osim.schedulers.RoundRobin;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** The producer-consumer problem in every form Tanenbaum shows, each checked item by item. */
class ProducerConsumerTest {
    /** Every correct form, with the number of items it makes by default. */
    private static final Map<String, Long> CORRECT = Map.of("producer-consumer-semaphores", 20L, "producer-consumer-pthreads", 20L,
            "producer-consumer-monitor", 20L, "producer-consumer-java", 200L, "producer-consumer-messages", 20L,
            "producer-consumer-mailbox", 20L);

    @Test
    void everyCorrectFormDeliversEveryItemOnceInOrderOverAHundredSeeds() {
        CORRECT.forEach((w, items) -> {
            for (long seed = 1; seed <= 100; seed++) {
                // Random interleavings: an interrupt after 1 to 8 µs of work, anywhere.
                HarnessResult r = SchedulerHarness.of(new RandomInterleaving()).seed(seed).workload(w).run();
                assertThat(r.result().violations()).as("%s seed %d", w, seed).isEmpty();
                allExitNormally(r); // the consumer faults on an item lost, doubled or out of order
                if (r.result().memory().containsKey("consumed")) {
                    assertThat(r.result().memory().get("consumed")).as("%s seed %d", w, seed).containsExactly(items);
                }
            }
        });
    }

    @Test
    void theBufferSizeAndItemCountAreParameters() {
        for (String w : List.of("producer-consumer-semaphores", "producer-consumer-pthreads", "producer-consumer-monitor",
                "producer-consumer-java")) {
            HarnessResult r = SchedulerHarness.of(new RoundRobin()).workload(w, Map.of("N", "3", "items", "50")).run();
            allExitNormally(r);
            assertThat(r.result().memory().get("consumed")).as(w).containsExactly(50L);
            assertThat(r.result().memory().get("buffer")).as(w).hasSize(3);
            assertThat(r.result().workload()).isEqualTo(w + "[N=3,items=50]");
        }
    }

    @Test
    void theSleepWakeupFormLosesAWakeupAndDeadlocks() {
        // The schedule the docs show: the consumer reads count = 0, the producer runs and wakes it before it
        // sleeps; both end asleep.
        HarnessResult r = SchedulerHarness.of(new org.osim.schedulers.Scripted())
                .param("schedule", "consumer:2 producer:17 consumer:1 producer:64").workload("producer-consumer-sleep-wakeup").run();
        assertThat(r.result().violations()).extracting(v -> v.kind()).containsExactly("deadlock");
        assertThat(r.result().violations().get(0).time()).isEqualTo(84_000L);
    }
}
