package org.osim.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.osim.api.OsimException;
import org.osim.api.result.RunResult;
import org.osim.api.workload.Workload;
import org.osim.kernel.Osim;
import org.osim.kernel.Simulation;
import org.osim.workloads.WorkloadReader;
import org.osim.workloads.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code osim bench}: how fast the simulator runs, on standard benchmarks. Only the simulation itself is
 * timed: building the workload and the simulation is excluded. Each benchmark first runs once at full size
 * to warm the JIT. Every figure comes with a baseline measured in the same run ({@link BenchBaselines}): the
 * bare event engine for the simulations, the raw binary heap for the engine, the parser's tokens for reading.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure simulation speed on standard benchmarks: events and slices per second, peak heap, and each "
                + "figure over a baseline measured in the same run (compare those ratios across machines).",
        footer = {"", "Benchmarks:",
                "  engine     the bare event engine: 10,000 timers rescheduling themselves, 5 M events (the baseline of the",
                "             simulations; its own is hold-model, the same loop on java.util.PriorityQueue)",
                "  rr-10k     round robin, 1 ms quantum, 10,000 CPU-bound processes of 1-1000 ms (about 5 M slices)",
                "  mix-100k   round robin, 10 ms quantum, 100,000 processes of 1-5 CPU bursts with I/O between them",
                "  peterson   Peterson's solution in machine instructions, two processes on two CPUs, 2,000,000 entries each",
                "  peterson-unchecked  the same without its want/enter/leave markers: no checks (their cost is the difference)",
                "  rr-10k-checked, mix-100k-checked, peterson-checked  the same runs with the invariant checker on (--check)",
                "  read-1m    reading a YAML file of 1,000,000 one-burst processes, made in memory (events = processes read;",
                "             baseline: the parser's bare tokens of the same text)",
                "  read-1m-json  the same file as JSON",
                "  threads-1m 1,000,000 processes arriving at once, so 1,000,000 live threads, under FCFS (peak heap)",
                "  sweep-40   a sweep of 40 runs (M/M/1, 10,000 jobs, FCFS and round robin, 20 replications) on every core;",
                "             baseline: the same 40 runs one at a time (events = runs; the ratio is the speed-up)"})
final class BenchCommand implements Callable<Integer> {
    static final List<String> ALL = List.of("engine", "rr-10k", "mix-100k", "peterson", "peterson-unchecked", "rr-10k-checked",
            "mix-100k-checked", "peterson-checked", "read-1m", "read-1m-json", "threads-1m",
            "sweep-40");

    @Parameters(paramLabel = "BENCHMARK", arity = "0..*", description = "Which to run (default: all).")
    List<String> names = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--scale", defaultValue = "1", description = "Size factor for every benchmark, e.g. 0.1 (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--no-warmup", description = "Skip the warm-up run.")
    boolean noWarmup;

    @Option(names = {"-s", "--scheduler"}, paramLabel = "NAME[:K=V,K=V]",
            description = "Run rr-10k and mix-100k under this scheduler instead of round robin, e.g. cfs or stride:quantum=1ms.")
    String scheduler;

    @Option(names = "--policies", description = "Run rr-10k and rr-100k (100,000 ready tasks, as many slices) under every "
            + "installed policy and show how the cost of a decision grows with the number of ready tasks.")
    boolean policies;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * One timed run; {@code against} is the baseline it is compared with, measured in the same run (none for a
     * baseline itself).
     */
    record Measurement(String benchmark, String scheduler, long events, long slices, long instructions, double wallSeconds,
                       long peakHeapBytes, Optional<Measurement> against) {
        Measurement {
            requireNonNull(against, "against is null");
        }

        static Measurement of(String benchmark, String scheduler, long events, long slices, long instructions, double wallSeconds,
                              long peakHeapBytes) {
            return new Measurement(benchmark, scheduler, events, slices, instructions, wallSeconds, peakHeapBytes, Optional.empty());
        }

        Measurement against(Measurement baseline) {
            return new Measurement(benchmark, scheduler, events, slices, instructions, wallSeconds, peakHeapBytes, Optional.of(baseline));
        }

        Measurement named(String name) {
            return new Measurement(name, scheduler, events, slices, instructions, wallSeconds, peakHeapBytes, against);
        }

        double instructionsPerSecond() {
            return instructions / wallSeconds;
        }

        double eventsPerSecond() {
            return events / wallSeconds;
        }

        double slicesPerSecond() {
            return slices / wallSeconds;
        }

        /** Events per second over the baseline's: above 1 is faster than the baseline. */
        double ratio() {
            return against.map(b -> eventsPerSecond() / b.eventsPerSecond()).orElse(1.0);
        }
    }

    @Override
    public Integer call() {
        format.tableOrJson("bench");
        List<String> chosen = names.isEmpty() ? ALL : names;
        for (String n : chosen) {
            if (!ALL.contains(n)) {
                throw OsimException.badInput("unknown benchmark '" + n + "' (known: " + String.join(", ", ALL) + ")");
            }
        }
        if (!(scale > 0 && scale <= 10)) {
            throw OsimException.badInput("--scale must be above 0 and at most 10, got " + scale);
        }
        Osim osim = Osim.create();
        Map<String, Measurement> baselines = baselines(policies ? List.of() : chosen, scale);
        if (policies) {
            List<PolicyScaling.Row> rows = PolicyScaling.run(osim, scale, !noWarmup);
            Measurement engine = baselines.get("engine");
            print(format == Format.json ? PolicyScaling.json(rows, engine) : PolicyScaling.table(rows, engine));
            return 0;
        }
        List<Measurement> results = new ArrayList<>();
        try (Progress progress = Progress.of("bench", "benchmarks", chosen.size())) {
            for (String n : chosen) {
                Measurement m = n.equals("engine") ? baselines.get("engine") : timed(osim, n, scale);
                results.add(m.against().isPresent() ? m : m.against(baselines.get(BenchBaselines.of(n))));
                progress.step();
            }
        }
        print(format == Format.json ? json(results) : table(results));
        return 0;
    }

    private void print(String text) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
    }

    /** A benchmark after its warm-up run at the same size: short runs would otherwise time the JIT at work. */
    private Measurement timed(Osim osim, String name, double scale) {
        if (!noWarmup) {
            measure(osim, name, scale, scheduler);
        }
        return measure(osim, name, scale, scheduler);
    }

    /**
     * The event engine and the raw heap in the hold loop, each warmed up and timed once, before any benchmark: every
     * simulation is compared with the engine, the engine with the heap. (The read benchmarks time their own baseline,
     * on their own text.)
     */
    private Map<String, Measurement> baselines(List<String> chosen, double scale) {
        long events = (long) Math.max(1, 5_000_000 * scale);
        Map<String, Measurement> out = new java.util.LinkedHashMap<>();
        if (chosen.contains("engine")) {
            if (!noWarmup) {
                BenchBaselines.holdModel(events);
            }
            out.put("hold-model", BenchBaselines.holdModel(events));
        }
        if (!noWarmup) {
            BenchBaselines.engine(events);
        }
        Measurement engine = BenchBaselines.engine(events);
        out.put("engine", out.containsKey("hold-model") ? engine.against(out.get("hold-model")) : engine);
        return out;
    }

    static Measurement measure(Osim osim, String name, double scale) {
        return measure(osim, name, scale, null);
    }

    /** One benchmark; {@code scheduler} ({@code name:k=v,…}) replaces its round robin when not null. */
    static Measurement measure(Osim osim, String name, double scale, String scheduler) {
        if (name.endsWith("-checked")) {
            Measurement m = measure(osim, name.substring(0, name.length() - "-checked".length()), scale, scheduler, true);
            return m.named(name);
        }
        return measure(osim, name, scale, scheduler, false);
    }

    private static Measurement measure(Osim osim, String name, double scale, String scheduler, boolean check) {
        return switch (name) {
            case "engine" -> BenchBaselines.engine((long) Math.max(1, 5_000_000 * scale));
            case "rr-10k" -> simulate(osim, name, """
                    name: rr-10k
                    generate:
                      - { name: p, count: %d, cpu: "uniform(1ms,1000ms)", resolution: 1ms }
                    """.formatted(Math.max(1, (int) (10_000 * scale))), scheduler == null ? "rr:quantum=1ms" : scheduler, check);
            case "mix-100k" -> simulate(osim, name, """
                    name: mix-100k
                    generate:
                      - { name: p, count: %d, arrival: "exp(5ms)", cycles: "uniform(1,5)", cpu: "exp(1500us)", io: "exp(20ms)" }
                    """.formatted(Math.max(1, (int) (100_000 * scale))), scheduler == null ? "rr:quantum=10ms" : scheduler, check);
            case "peterson" -> simulate(osim, name, peterson(scale), "fcfs", check);
            case "read-1m", "read-1m-json" -> read(name, Math.max(1, (int) (1_000_000 * scale)), name.endsWith("json"));
            case "sweep-40" -> sweep(Math.max(10, (int) (10_000 * scale)));
            case "threads-1m" -> simulate(osim, name, """
                    name: threads-1m
                    generate:
                      - { name: t, count: %d, cpu: 1ms }
                    """.formatted(Math.max(1, (int) (1_000_000 * scale))), scheduler == null ? "fcfs" : scheduler, check);
            // The markers take no time and are not counted as instructions: both runs execute the same instructions.
            case "peterson-unchecked" -> simulate(osim, name, peterson(scale).replaceAll("(?m)^ +(want|enter|leave) .*\n", ""), "fcfs", check);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Reads a file of {@code n} processes like the OSTEP job lists (one CPU burst each, 1 to 1000 ms), made here. */
    private static Measurement read(String name, int n, boolean json) {
        SplittableRandom random = new SplittableRandom(1);
        StringBuilder text = new StringBuilder(n * 50);
        text.append(json ? "{\"name\": \"" + name + "\", \"processes\": [\n" : "name: " + name + "\nprocesses:\n");
        for (int i = 0; i < n; i++) {
            int ms = 1 + random.nextInt(1000);
            if (json) {
                text.append("  {\"name\": \"j").append(i).append("\", \"bursts\": [\"cpu ").append(ms).append("ms\"]}")
                        .append(i + 1 < n ? ",\n" : "\n");
            } else {
                text.append("  - { name: j").append(i).append(", bursts: [cpu ").append(ms).append("ms] }\n");
            }
        }
        if (json) {
            text.append("]}\n");
        }
        String file = text.toString();
        text = null; // only the text is held while reading, as when it comes from a file
        Measurement tokens = BenchBaselines.tokens(file, json, n);
        resetPeaks();
        long t0 = System.nanoTime();
        Workload w = WorkloadReader.read(name + (json ? ".json" : ".yaml"), file, 1);
        long t1 = System.nanoTime();
        return Measurement.of(name, "-", w.processes().size(), 0, 0, (t1 - t0) / 1e9, peakHeap()).against(tokens);
    }

    /** The 40 runs of {@code sweep-40} on every core, against the same runs one at a time. */
    private static Measurement sweep(int jobs) {
        List<SweepTask> tasks = new ArrayList<>();
        for (int k = 1; k <= 20; k++) {
            long seed = org.osim.stats.ReplicationSeeds.seed(1, k);
            tasks.add(new SweepTask("mm1", Map.of("jobs", String.valueOf(jobs)), "fcfs", Map.of(), k, seed, List.of()));
            tasks.add(new SweepTask("mm1", Map.of("jobs", String.valueOf(jobs)), "rr:quantum=1ms", Map.of("quantum", "1ms"), k, seed,
                    List.of()));
        }
        // Three of each, taken in turn, the fastest of each kept: neither side pays the JIT's or the collector's moods alone.
        Measurement serial = null;
        Measurement parallel = null;
        for (int i = 0; i < 3; i++) {
            serial = faster(serial, timedSweep("sweep-40 --jobs 1", new LocalSweepEngine(1), tasks));
            parallel = faster(parallel, timedSweep("sweep-40", new LocalSweepEngine(null), tasks));
        }
        return parallel.against(serial);
    }

    private static Measurement faster(Measurement a, Measurement b) {
        return a == null || b.wallSeconds() < a.wallSeconds() ? b : a;
    }

    private static Measurement timedSweep(String name, LocalSweepEngine engine, List<SweepTask> tasks) {
        resetPeaks();
        long t0 = System.nanoTime();
        engine.run(name, tasks, Optional.empty(), Optional.empty());
        return Measurement.of(name, "fcfs, rr", tasks.size(), 0, 0, (System.nanoTime() - t0) / 1e9, peakHeap());
    }

    private static String peterson(double scale) {
        return Workloads.standardText("busy-wait-peterson").orElseThrow()
                .replace("repeat: 100", "repeat: " + Math.max(1, (int) (2_000_000 * scale)));
    }

    static Measurement simulate(Osim osim, String name, String yaml, String spec, boolean check) {
        Workload w = WorkloadReader.read(name + ".yaml", yaml, 1);
        int colon = spec.indexOf(':');
        String scheduler = colon < 0 ? spec : spec.substring(0, colon);
        Map<String, String> params = colon < 0 ? Map.of()
                : SimulationOptions.pairs(SimulationOptions.split(spec.substring(colon + 1)), "--scheduler " + spec);
        Simulation sim = osim.simulation(w).scheduler(scheduler, params).watchdog(0).check(check).build();
        resetPeaks();
        long t0 = System.nanoTime();
        RunResult r = sim.run();
        long t1 = System.nanoTime();
        return Measurement.of(name, spec, r.events(), r.sliceCount(), r.summary().instructions(), (t1 - t0) / 1e9, peakHeap());
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static String json(List<Measurement> results) {
        return JsonReport.document(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("baselines");
            java.util.Set<String> written = new java.util.HashSet<>();
            for (Measurement m : results) {
                for (Optional<Measurement> b = m.against(); b.isPresent(); b = b.get().against()) {
                    if (written.add(b.get().benchmark() + "@" + b.get().events())) {
                        writeBaseline(g, b.get());
                    }
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("benchmarks");
            for (Measurement m : results) {
                g.writeStartObject();
                g.writeStringField("benchmark", m.benchmark());
                g.writeNumberField("events", m.events());
                g.writeNumberField("slices", m.slices());
                g.writeNumberField("wallSeconds", round(m.wallSeconds(), 4));
                g.writeNumberField("eventsPerSecond", Math.round(m.eventsPerSecond()));
                g.writeNumberField("slicesPerSecond", Math.round(m.slicesPerSecond()));
                g.writeNumberField("peakHeapBytes", m.peakHeapBytes());
                g.writeStringField("scheduler", m.scheduler());
                g.writeNumberField("instructions", m.instructions());
                g.writeNumberField("instructionsPerSecond", Math.round(m.instructionsPerSecond()));
                g.writeStringField("baseline", m.against().orElseThrow().benchmark());
                g.writeNumberField("baselineEventsPerSecond", Math.round(m.against().orElseThrow().eventsPerSecond()));
                g.writeNumberField("ratioToBaseline", round(m.ratio(), 4));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** One baseline's figures: what it is, its events and their rate. */
    static void writeBaseline(JsonGenerator g, Measurement b) throws IOException {
        g.writeStartObject();
        g.writeStringField("baseline", b.benchmark());
        g.writeStringField("what", BenchBaselines.what(b.benchmark()));
        g.writeNumberField("events", b.events());
        g.writeNumberField("wallSeconds", round(b.wallSeconds(), 4));
        g.writeNumberField("eventsPerSecond", Math.round(b.eventsPerSecond()));
        g.writeEndObject();
    }

    private static String table(List<Measurement> results) {
        TableReport.Table t = new TableReport.Table("benchmark", "scheduler", "events", "slices", "wall s", "events/s", "slices/s",
                "instructions/s", "peak heap MiB", "x baseline");
        for (Measurement m : results) {
            t.add(m.benchmark(), m.scheduler(), String.valueOf(m.events()), String.valueOf(m.slices()),
                    String.format(Locale.ROOT, "%.3f", m.wallSeconds()),
                    String.format(Locale.ROOT, "%.2fM", m.eventsPerSecond() / 1e6),
                    String.format(Locale.ROOT, "%.2fM", m.slicesPerSecond() / 1e6),
                    m.instructions() == 0 ? "-" : String.format(Locale.ROOT, "%.2fM", m.instructionsPerSecond() / 1e6),
                    String.valueOf(m.peakHeapBytes() / (1 << 20)),
                    String.format(Locale.ROOT, "%.2f %s", m.ratio(), m.against().orElseThrow().benchmark()));
        }
        Measurement engine = results.stream().flatMap(m -> m.against().stream()).filter(b -> b.benchmark().equals("engine"))
                .findFirst().orElse(null);
        return t.render() + (engine == null ? "" : String.format(Locale.ROOT,
                "%nx baseline: events/s over the baseline's, measured in this run (engine: the event engine alone, %.2fM events/s; "
                        + "tokens-*: the parser's tokens of the same text)%n", engine.eventsPerSecond() / 1e6));
    }

    static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
