package org.osim.cli;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.osim.hardware.Engine;
import org.osim.hardware.Event;
import org.osim.hardware.EventRank;

/**
 * The hold loop of the baselines: {@code TIMERS} timers, each rescheduled a random delay later when it fires, on
 * osim's engine or on the raw binary heap. {@link BenchBaselines} loads this class, and the engine's, in a class
 * loader of their own, so that the JIT compiles and profiles the baseline's engine apart from the one the
 * simulations run on: a baseline measured first must not slow what is measured after it. Returns {events fired,
 * nanoseconds}; it uses nothing but the engine and the JDK.
 */
public final class HoldLoop {
    /** Timers pending in the hold loop: the event queue of a simulation of 10,000 processes, at its largest. */
    public static final int TIMERS = 10_000;

    private HoldLoop() {}

    /** The engine in the hold loop: {@code events} firings of 10,000 self-rescheduling timers. */
    public static long[] engine(long events) {
        Engine engine = new Engine();
        SplittableRandom random = new SplittableRandom(1);
        long[] left = {events};
        for (int i = 0; i < TIMERS; i++) {
            Event[] self = new Event[1];
            self[0] = new Event(EventRank.SLICE_END) {
                @Override
                protected void fire() {
                    if (--left[0] >= TIMERS) {
                        engine.schedule(self[0], engine.now() + 1 + random.nextLong(1_000_000));
                    }
                }
            };
            engine.schedule(self[0], random.nextLong(1_000_000));
        }
        long t0 = System.nanoTime();
        engine.run();
        long t1 = System.nanoTime();
        return new long[] {engine.eventsFired(), t1 - t0};
    }

    /**
     * The same hold loop on the raw binary heap, with the same delays and as many firings: what ordering alone
     * costs, without the engine's ranks, sequence numbers and cancellation.
     */
    public static long[] holdModel(long events) {
        PriorityQueue<long[]> queue = new PriorityQueue<>(TIMERS, (a, b) -> Long.compare(a[0], b[0]));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < TIMERS; i++) {
            queue.add(new long[] {random.nextLong(1_000_000)});
        }
        long t0 = System.nanoTime();
        long fired = 0;
        for (long left = events; left > TIMERS; left--) {
            long[] e = queue.poll();
            fired++;
            e[0] += 1 + random.nextLong(1_000_000);
            queue.add(e);
        }
        while (queue.poll() != null) {
            fired++;
        }
        long t1 = System.nanoTime();
        return new long[] {fired, t1 - t0};
    }
}
