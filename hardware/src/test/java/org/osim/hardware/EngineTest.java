package org.osim.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EngineTest {
    private final Engine engine = new Engine();
    private final List<String> log = new ArrayList<>();

    private void at(long time, int rank, String name) {
        engine.at(time, rank, () -> log.add(engine.now() + ":" + name));
    }

    @Test
    void ordersByTimeThenRankThenSchedulingOrder() {
        at(5, EventRank.SLICE_END, "slice");
        at(5, EventRank.ARRIVAL, "arrive-1");
        at(3, EventRank.TICK, "tick");
        at(5, EventRank.ARRIVAL, "arrive-2");
        at(5, EventRank.COMPLETION, "done");
        engine.run();
        assertThat(log).containsExactly("3:tick", "5:done", "5:arrive-1", "5:arrive-2", "5:slice");
        assertThat(engine.eventsFired()).isEqualTo(5);
    }

    @Test
    void callsTheInstantListenerOnceAfterEachInstant() {
        engine.setInstantListener(now -> log.add(now + ":end"));
        at(1, EventRank.ARRIVAL, "a");
        at(1, EventRank.ARRIVAL, "b");
        at(2, EventRank.ARRIVAL, "c");
        engine.run();
        assertThat(log).containsExactly("1:a", "1:b", "1:end", "2:c", "2:end");
    }

    @Test
    void eventsScheduledByTheListenerAtTheSameInstantRunBeforeTimeMovesOn() {
        boolean[] once = {false};
        engine.setInstantListener(now -> {
            log.add(now + ":end");
            if (!once[0]) {
                once[0] = true;
                at(now, EventRank.COMPLETION, "same-instant");
            }
        });
        at(1, EventRank.ARRIVAL, "a");
        at(2, EventRank.ARRIVAL, "b");
        engine.run();
        assertThat(log).containsExactly("1:a", "1:end", "1:same-instant", "1:end", "2:b", "2:end");
    }

    @Test
    void cancelledEventsDoNotRunAndRescheduledOnesMove() {
        Event e = engine.at(4, EventRank.WAKEUP, () -> log.add(engine.now() + ":moved"));
        Event gone = engine.at(2, EventRank.WAKEUP, () -> log.add("never"));
        assertThat(engine.cancel(gone)).isTrue();
        assertThat(engine.cancel(gone)).isFalse();
        engine.schedule(e, 7);
        engine.run();
        assertThat(log).containsExactly("7:moved");
    }

    @Test
    void refusesThePast() {
        at(5, EventRank.WAKEUP, "x");
        engine.run();
        assertThatThrownBy(() -> engine.at(4, EventRank.WAKEUP, () -> {}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("past");
    }

    @Test
    void stopsAtTheHorizon() {
        at(5, EventRank.WAKEUP, "in");
        at(50, EventRank.WAKEUP, "out");
        engine.setHorizon(10);
        engine.run();
        assertThat(log).containsExactly("5:in");
        assertThat(engine.now()).isEqualTo(10);
    }

    @Test
    void heapStaysOrderedUnderRandomInsertsAndCancels() {
        EventQueue q = new EventQueue();
        SplittableRandom random = new SplittableRandom(42);
        List<Event> live = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Event e = Event.of(random.nextInt(7), () -> {});
            q.add(e, random.nextLong(1000));
            live.add(e);
            if (random.nextInt(3) == 0) {
                Event victim = live.remove(random.nextInt(live.size()));
                assertThat(q.remove(victim)).isTrue();
            }
        }
        assertThat(q.size()).isEqualTo(live.size());
        Event prev = q.poll();
        int count = 1;
        for (Event e = q.poll(); e != null; e = q.poll()) {
            assertThat(e.time() > prev.time() || (e.time() == prev.time() && e.rank() >= prev.rank())).isTrue();
            prev = e;
            count++;
        }
        assertThat(count).isEqualTo(live.size());
    }
}
