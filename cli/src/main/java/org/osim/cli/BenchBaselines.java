package org.osim.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.osim.hardware.Engine;

/**
 * What {@code osim bench} measures each benchmark against, in the same run: absolute speeds differ from one
 * machine (and one day) to the next, the ratio of a benchmark to its baseline much less.
 *
 * <ul>
 *   <li>{@code hold-model}: the raw binary heap ({@link java.util.PriorityQueue}) in the hold loop, the baseline of {@code engine};
 *   <li>{@code engine}: osim's event engine in the same hold loop, the baseline of every simulation;
 *   <li>{@code tokens-yaml}, {@code tokens-json}: the parser's tokens of the very text a {@code read-*} benchmark reads,
 *       with nothing built from them.
 * </ul>
 */
final class BenchBaselines {
    private BenchBaselines() {}

    /** Which baseline a benchmark is compared with. */
    static String of(String benchmark) {
        return switch (benchmark) {
            case "engine" -> "hold-model";
            case "read-1m" -> "tokens-yaml";
            case "read-1m-json" -> "tokens-json";
            case "sweep-40" -> "sweep-40 --jobs 1";
            default -> "engine";
        };
    }

    /** What each baseline is, for the JSON report. */
    static String what(String baseline) {
        return switch (baseline) {
            case "hold-model" -> "java.util.PriorityQueue in the hold loop: 10,000 timers, each rescheduled a random delay later";
            case "engine" -> "the event engine in the hold loop: 10,000 timers, each rescheduled a random delay later";
            case "tokens-yaml", "tokens-json" -> "the parser's tokens of the same text, nothing built from them (events = processes in it)";
            case "sweep-40 --jobs 1" -> "the same 40 runs one at a time (events = runs)";
            default -> throw new IllegalArgumentException(baseline);
        };
    }

    /** The engine in the hold loop: {@code events} firings of 10,000 self-rescheduling timers. */
    static BenchCommand.Measurement engine(long events) {
        return isolated("engine", "engine", events);
    }

    /**
     * The same hold loop on the raw binary heap, with the same delays and as many firings: what ordering alone
     * costs, without the engine's ranks, sequence numbers and cancellation.
     */
    static BenchCommand.Measurement holdModel(long events) {
        return isolated("holdModel", "hold-model", events);
    }

    /** The hold loop's class as the baselines run it: loaded apart, with an engine of its own. */
    static Class<?> isolatedHoldLoop() {
        return Isolation.HOLD_LOOP;
    }

    /** Runs {@link HoldLoop}'s {@code method} in the baselines' own class loader. */
    private static BenchCommand.Measurement isolated(String method, String name, long events) {
        BenchCommand.resetPeaks();
        long[] r;
        try {
            java.lang.reflect.Method m = Isolation.HOLD_LOOP.getMethod(method, long.class);
            r = (long[]) m.invoke(null, events);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot run the " + name + " baseline", e);
        }
        return BenchCommand.Measurement.of(name, "-", r[0], 0, 0, r[1] / 1e9, BenchCommand.peakHeap());
    }

    /**
     * A class loader that loads {@link HoldLoop} and the engine's classes itself, from where they were found, so that
     * the JIT keeps their code and profiles apart from the engine the simulations use (the hold loop's one event class
     * would otherwise make the engine's dispatch of events bimorphic for the kernel's, and the benchmarks measured
     * after it slower); everything else comes from the command line's loader.
     */
    private static final class Isolation extends java.net.URLClassLoader {
        static final Class<?> HOLD_LOOP = load();

        private Isolation(java.net.URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        private static Class<?> load() {
            try {
                java.net.URL[] urls = {HoldLoop.class.getProtectionDomain().getCodeSource().getLocation(),
                        Engine.class.getProtectionDomain().getCodeSource().getLocation()};
                return Class.forName(HoldLoop.class.getName(), true, new Isolation(urls, BenchBaselines.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot load the hold loop apart", e);
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.osim.hardware.") && !name.startsWith(HoldLoop.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
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
