package org.osim.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osim.ipc.MessagePassingTest.allExitNormally;
import static org.osim.ipc.MessagePassingTest.object;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osim.schedulers.FirstComeFirstServed;
import org.osim.testkit.HarnessResult;
import org.osim.testkit.SchedulerHarness;

/** Messages between machines: loss, and acknowledgements, sequence numbers and retransmission against it. */
class UnreliableChannelTest {
    private static HarnessResult run(long seed, Map<String, String> settings) {
        return SchedulerHarness.of(new FirstComeFirstServed()).seed(seed).workload("unreliable-channel", settings).run();
    }

    @Test
    void withRetransmissionEveryMessageArrivesExactlyOnceAtThirtyPercentLoss() {
        HarnessResult r = run(1, Map.of());
        allExitNormally(r); // the receiver faults on a duplicate or an item out of order
        assertThat(r.result().memory().get("received")).containsExactly(100L);
        assertThat(r.result().memory().get("last")).containsExactly(100L);
        // 190 transmissions for 100 messages: 57 lost on the way, 90 resent after a time-out; 33 acknowledgements
        // were lost, so 33 messages arrived twice and the copies were discarded.
        assertThat(object(r.result(), "net").counters()).containsExactly(Map.entry("sent", 100L), Map.entry("transmissions", 190L),
                Map.entry("delivered", 100L), Map.entry("acknowledgements lost", 33L), Map.entry("retransmitted", 90L),
                Map.entry("lost", 57L), Map.entry("duplicates discarded", 33L));
        for (long seed = 2; seed <= 30; seed++) {
            HarnessResult s = run(seed, Map.of());
            allExitNormally(s);
            assertThat(s.result().memory().get("received")).as("seed %d", seed).containsExactly(100L);
            var c = object(s.result(), "net").counters();
            assertThat(c.get("delivered")).isEqualTo(100L);
            assertThat(c.get("transmissions")).isEqualTo(100 + c.get("retransmitted"));
            assertThat(c.getOrDefault("duplicates discarded", 0L)).isEqualTo(c.getOrDefault("acknowledgements lost", 0L));
        }
    }

    @Test
    void withoutItLostMessagesAreGoneAndCounted() {
        HarnessResult r = run(1, Map.of("retransmit", "false"));
        allExitNormally(r);
        assertThat(object(r.result(), "net").counters()).containsExactly(Map.entry("sent", 100L), Map.entry("transmissions", 100L),
                Map.entry("lost", 29L), Map.entry("delivered", 71L));
        assertThat(r.result().memory().get("received")).containsExactly(71L);
        // Without loss nothing is lost, and one transmission per message is enough.
        HarnessResult clean = run(1, Map.of("retransmit", "false", "loss", "0"));
        assertThat(object(clean.result(), "net").counters()).containsExactly(Map.entry("sent", 100L),
                Map.entry("transmissions", 100L), Map.entry("delivered", 100L));
    }
}
