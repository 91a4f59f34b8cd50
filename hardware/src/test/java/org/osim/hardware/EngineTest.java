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

    @Test
    void eventsReschedulingThemselvesWhileFiringRunInTheOrderOfAFreshQueue() {
        // Self-rescheduling events move inside the heap instead of leaving and coming back; interleaved with others
        // scheduled, moved and cancelled from inside fire(), the firing order is that of (time, rank, sequence).
        SplittableRandom random = new SplittableRandom(7);
        List<Event> events = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        java.util.TreeMap<long[], String> model = new java.util.TreeMap<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
        java.util.Map<Event, long[]> keys = new java.util.HashMap<>();
        long[] seq = {0};
        java.util.function.BiConsumer<Event, Long> schedule = (e, time) -> {
            long[] old = keys.remove(e);
            if (old != null) {
                model.remove(old);
            }
            long[] key = {time, e.rank(), seq[0]++};
            keys.put(e, key);
            model.put(key, e.toString());
            engine.schedule(e, time);
        };
        for (int i = 0; i < 20; i++) {
            String name = "e" + i;
            Event[] self = new Event[1];
            self[0] = new Event(random.nextInt(3)) {
                int left = 30;

                @Override
                protected void fire() {
                    log.add(engine.now() + ":" + name);
                    var due = model.pollFirstEntry(); // what a fresh queue would fire now
                    expected.add(due.getKey()[0] + ":" + due.getValue());
                    keys.remove(this);
                    if (--left > 0) {
                        schedule.accept(this, engine.now() + (long) random.nextInt(3)); // often the same instant
                    }
                    Event other = events.get(random.nextInt(events.size()));
                    if (other != this && random.nextInt(4) == 0 && keys.containsKey(other)) {
                        engine.cancel(other);
                        model.remove(keys.remove(other));
                    } else if (other != this && random.nextInt(4) == 0) {
                        schedule.accept(other, engine.now() + (long) random.nextInt(5));
                    }
                }

                @Override
                public String toString() {
                    return name;
                }
            };
            events.add(self[0]);
        }
        for (Event e : events) {
            schedule.accept(e, (long) random.nextInt(10));
        }
        engine.run();
        assertThat(log).hasSizeGreaterThan(200).isEqualTo(expected);
        assertThat(model).isEmpty();
        assertThat(engine.pending()).isZero();
    }

    @Test
    void anEventScheduledInPlaceFiresWhereTheOneItStandsForStood() {
        Event first = engine.at(4, EventRank.COMPLETION, () -> log.add("first"));
        long place = first.order();
        at(4, EventRank.COMPLETION, "later");
        engine.cancel(first);
        engine.scheduleInPlace(Event.of(EventRank.COMPLETION, () -> log.add("stand-in")), 4, place);
        engine.run();
        assertThat(log).containsExactly("stand-in", "4:later");
    }

    @Test
    void fireAnotherCountsAnEventUntilTheLimit() {
        engine.setMaxEvents(3);
        engine.at(1, EventRank.COMPLETION, () -> {
            log.add("a" + engine.fireAnother());
            log.add("b" + engine.fireAnother());
            log.add("c" + engine.fireAnother()); // a fourth event would pass the limit of three
        });
        at(2, EventRank.COMPLETION, "never");
        engine.run();
        assertThat(log).containsExactly("atrue", "btrue", "cfalse");
        assertThat(engine.eventsFired()).isEqualTo(3);
        assertThat(engine.exceeded()).isTrue();
    }
}
