package org.osim.bench;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.osim.hardware.Engine;
import org.osim.hardware.Event;
import org.osim.hardware.EventRank;

/**
 * The hold model: {@code pending} events, each rescheduled a random delay later when it fires. {@code engine}
 * runs osim's {@link Engine}; {@code baseline} the same hold loop on a {@link PriorityQueue} of times, the raw
 * binary heap, so that the ratio of the two is what the engine's ordering and bookkeeping cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventQueueBenchmark {
    /** Events fired per benchmark call. */
    static final int EVENTS = 100_000;

    @Param({"100", "10000"})
    int pending;

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long engine() {
        Engine engine = new Engine();
        SplittableRandom random = new SplittableRandom(1);
        long[] left = {EVENTS};
        for (int i = 0; i < pending; i++) {
            Event[] self = new Event[1];
            self[0] = new Event(EventRank.SLICE_END) {
                @Override
                protected void fire() {
                    if (--left[0] > 0) {
                        engine.schedule(self[0], engine.now() + 1 + random.nextLong(1_000_000));
                    } else {
                        engine.stop();
                    }
                }
            };
            engine.schedule(self[0], random.nextLong(1_000_000));
        }
        engine.run();
        return engine.eventsFired();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long baseline() {
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < pending; i++) {
            queue.add(new long[] {random.nextLong(1_000_000)});
        }
        long fired = 0;
        for (int n = 0; n < EVENTS; n++) {
            long[] e = queue.poll();
            fired++;
            e[0] += 1 + random.nextLong(1_000_000);
            queue.add(e);
        }
        return fired;
    }
}
