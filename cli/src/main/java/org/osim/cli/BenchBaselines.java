package org.osim.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.osim.hardware.Engine;
import org.osim.hardware.Event;
import org.osim.hardware.EventRank;

/**
 * What {@code osim bench} measures each benchmark against, in the same run: absolute speeds differ from one
 * machine (and one day) to the next, the ratio of a benchmark to its baseline much less.
 *
 * <ul>
 *   <li>{@code hold-model}: the raw binary heap ({@link PriorityQueue}) in the hold loop, the baseline of {@code engine};
 *   <li>{@code engine}: osim's event engine in the same hold loop, the baseline of every simulation;
 *   <li>{@code tokens-yaml}, {@code tokens-json}: the parser's tokens of the very text a {@code read-*} benchmark reads,
 *       with nothing built from them.
 * </ul>
 */
final class BenchBaselines {
    /** Timers pending in the hold loop: the event queue of a simulation of 10,000 processes, at its largest. */
    static final int TIMERS = 10_000;

    private BenchBaselines() {}

    /** Which baseline a benchmark is compared with. */
    static String of(String benchmark) {
        return switch (benchmark) {
            case "engine" -> "hold-model";
            case "read-1m" -> "tokens-yaml";
            case "read-1m-json" -> "tokens-json";
            default -> "engine";
        };
    }

    /** What each baseline is, for the JSON report. */
    static String what(String baseline) {
        return switch (baseline) {
            case "hold-model" -> "java.util.PriorityQueue in the hold loop: 10,000 timers, each rescheduled a random delay later";
            case "engine" -> "the event engine in the hold loop: 10,000 timers, each rescheduled a random delay later";
            case "tokens-yaml", "tokens-json" -> "the parser's tokens of the same text, nothing built from them (events = processes in it)";
            default -> throw new IllegalArgumentException(baseline);
        };
    }

    /** The engine in the hold loop: {@code events} firings of 10,000 self-rescheduling timers. */
    static BenchCommand.Measurement engine(long events) {
        Engine engine = new Engine();
        SplittableRandom random = new SplittableRandom(1);
        long[] left = {events};
        for (int i = 0; i < TIMERS; i++) {
            Event[] self = new Event[1];
            self[0] = new Event(EventRank.SLICE_END) {
                @Override
                protected void fire() {
                    if (--left[0] > TIMERS) {
                        engine.schedule(self[0], engine.now() + 1 + random.nextLong(1_000_000));
                    }
                }
            };
            engine.schedule(self[0], random.nextLong(1_000_000));
        }
        BenchCommand.resetPeaks();
        long t0 = System.nanoTime();
        engine.run();
        long t1 = System.nanoTime();
        return BenchCommand.Measurement.of("engine", "-", engine.eventsFired(), 0, 0, (t1 - t0) / 1e9, BenchCommand.peakHeap());
    }

    /**
     * The same hold loop on the raw binary heap, with the same delays and as many firings: what ordering alone
     * costs, without the engine's ranks, sequence numbers and cancellation.
     */
    static BenchCommand.Measurement holdModel(long events) {
        PriorityQueue<long[]> queue = new PriorityQueue<>(TIMERS, (a, b) -> Long.compare(a[0], b[0]));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < TIMERS; i++) {
            queue.add(new long[] {random.nextLong(1_000_000)});
        }
        BenchCommand.resetPeaks();
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
        return BenchCommand.Measurement.of("hold-model", "-", fired, 0, 0, (t1 - t0) / 1e9, BenchCommand.peakHeap());
    }

    /** Every token of {@code text} through Jackson's YAML or JSON parser; {@code processes} are the events counted. */
    static BenchCommand.Measurement tokens(String text, boolean json, long processes) {
        JsonFactory factory = json ? new JsonFactory() : YAMLFactory.builder().loaderOptions(unlimited()).build();
        BenchCommand.resetPeaks();
        long t0 = System.nanoTime();
        long tokens = 0;
        try (JsonParser p = factory.createParser(new StringReader(text))) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isScalarValue()) {
                    p.getText(); // a scalar's text is what the reader uses of it
                }
                tokens++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long t1 = System.nanoTime();
        if (tokens == 0) {
            throw new IllegalStateException("no tokens");
        }
        return BenchCommand.Measurement.of(json ? "tokens-json" : "tokens-yaml", "-", processes, 0, 0, (t1 - t0) / 1e9,
                BenchCommand.peakHeap());
    }

    private static org.yaml.snakeyaml.LoaderOptions unlimited() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return options;
    }
}
