package org.osim.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.osim.api.OsimException;
import org.osim.api.result.RunResult;
import org.osim.api.workload.Workload;
import org.osim.hardware.Engine;
import org.osim.hardware.Event;
import org.osim.hardware.EventRank;
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
 * to warm the JIT. {@code engine} is the baseline: the bare event queue, with no kernel.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure simulation speed on standard benchmarks: events and slices per second, peak heap.",
        footer = {"", "Benchmarks:",
                "  engine     the bare event engine: 10,000 timers rescheduling themselves, 5 M events (baseline)",
                "  rr-10k     round robin, 1 ms quantum, 10,000 CPU-bound processes of 1-1000 ms (about 5 M slices)",
                "  mix-100k   round robin, 10 ms quantum, 100,000 processes of 1-5 CPU bursts with I/O between them",
                "  peterson   Peterson's solution in machine instructions, two processes on two CPUs, 2,000,000 entries each",
                "  peterson-unchecked  the same without its want/enter/leave markers: no checks (their cost is the difference)",
                "  rr-10k-checked, mix-100k-checked, peterson-checked  the same runs with the invariant checker on (--check)",
                "  read-1m    reading a YAML file of 1,000,000 one-burst processes, made in memory (events = processes read)",
                "  read-1m-json  the same file as JSON",
                "  threads-1m 1,000,000 processes arriving at once, so 1,000,000 live threads, under FCFS (peak heap)"})
final class BenchCommand implements Callable<Integer> {
    static final List<String> ALL = List.of("engine", "rr-10k", "mix-100k", "peterson", "peterson-unchecked", "rr-10k-checked",
            "mix-100k-checked", "peterson-checked", "read-1m", "read-1m-json", "threads-1m");

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

    record Measurement(String benchmark, String scheduler, long events, long slices, long instructions, double wallSeconds,
                       long peakHeapBytes) {
        double instructionsPerSecond() {
            return instructions / wallSeconds;
        }

        double eventsPerSecond() {
            return events / wallSeconds;
        }

        double slicesPerSecond() {
            return slices / wallSeconds;
        }
    }

    @Override
    public Integer call() {
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
        if (policies) {
            spec.commandLine().getOut().print(policies(osim, scale, !noWarmup));
            spec.commandLine().getOut().flush();
            return 0;
        }
        List<Measurement> results = new ArrayList<>();
        for (String n : chosen) {
            if (!noWarmup) {
                measure(osim, n, scale, scheduler); // the same size: short runs would otherwise time the JIT at work
            }
            results.add(measure(osim, n, scale, scheduler));
        }
        String text = format == Format.json ? json(results) : table(results);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    static Measurement measure(Osim osim, String name, double scale) {
        return measure(osim, name, scale, null);
    }

    /** One benchmark; {@code scheduler} ({@code name:k=v,…}) replaces its round robin when not null. */
    static Measurement measure(Osim osim, String name, double scale, String scheduler) {
        if (name.endsWith("-checked")) {
            Measurement m = measure(osim, name.substring(0, name.length() - "-checked".length()), scale, scheduler, true);
            return new Measurement(name, m.scheduler(), m.events(), m.slices(), m.instructions(), m.wallSeconds(), m.peakHeapBytes());
        }
        return measure(osim, name, scale, scheduler, false);
    }

    private static Measurement measure(Osim osim, String name, double scale, String scheduler, boolean check) {
        return switch (name) {
            case "engine" -> engine((long) Math.max(1, 5_000_000 * scale));
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
        resetPeaks();
        long t0 = System.nanoTime();
        Workload w = WorkloadReader.read(name + (json ? ".json" : ".yaml"), file, 1);
        long t1 = System.nanoTime();
        return new Measurement(name, "-", w.processes().size(), 0, 0, (t1 - t0) / 1e9, peakHeap());
    }

    /**
     * Policies whose own definition scans every ready task at each decision (their cost is O(n) by what they
     * compute, not by how they are written): shown with ten times fewer tasks.
     */
    static final java.util.Set<String> LINEAR_BY_DEFINITION = java.util.Set.of("guaranteed", "llf");

    /**
     * Not policies to compare: {@code scripted} replays a given interleaving, {@code random} makes races happen
     * by switching every few instruction times.
     */
    private static final java.util.Set<String> NOT_COMPARED = java.util.Set.of("scripted", "random");

    /**
     * Every installed policy on n and 10n ready tasks with the same number of slices (jobs ten times shorter),
     * so that the ratio of their speeds is how the cost of one decision grows with the ready queue.
     */
    static String policies(Osim osim, double scale, boolean warm) {
        TableReport.Table t = new TableReport.Table("scheduler", "tasks", "slices", "slices/s", "tasks x10", "slices/s x10",
                "cost x10");
        for (org.osim.api.sched.SchedulerFactory f : osim.plugins().schedulers()) {
            if (NOT_COMPARED.contains(f.name())) {
                continue;
            }
            boolean sliced = f.parameters().stream().anyMatch(p -> p.name().equals("quantum"));
            String policy = sliced ? f.name() + ":quantum=1ms" : f.name();
            int n = (int) Math.max(10, (LINEAR_BY_DEFINITION.contains(f.name()) ? 1_000 : 10_000) * scale);
            Measurement small = policyRun(osim, policy, n, 1000, warm);
            Measurement large = policyRun(osim, policy, 10 * n, 100, warm);
            double growth = small.slicesPerSecond() / large.slicesPerSecond();
            t.add(policy, String.valueOf(n), String.valueOf(small.slices()), String.format(Locale.ROOT, "%.2fM", small.slicesPerSecond() / 1e6),
                    String.valueOf(10 * n), String.format(Locale.ROOT, "%.2fM", large.slicesPerSecond() / 1e6),
                    String.format(Locale.ROOT, "%.2f", growth));
        }
        return t.render() + "\ncost x10: the time of one slice with ten times as many ready tasks, over the time with n; "
                + "O(1) stays near 1, O(log n) near 1.2-1.5 (and cache misses), O(n) near 10. "
                + String.join(" and ", new java.util.TreeSet<>(LINEAR_BY_DEFINITION)) + " scan every ready task by definition, "
                + "so they run on a tenth as many.\n";
    }

    private static Measurement policyRun(Osim osim, String policy, int tasks, int maxMillis, boolean warm) {
        String yaml = """
                name: rr-%d
                generate:
                  - { name: p, count: %d, cpu: "uniform(1ms,%dms)", resolution: 1ms }
                """.formatted(tasks, tasks, maxMillis);
        if (warm) {
            simulate(osim, "rr-" + tasks, yaml, policy, false);
        }
        return simulate(osim, "rr-" + tasks, yaml, policy, false);
    }

    private static String peterson(double scale) {
        return Workloads.standardText("busy-wait-peterson").orElseThrow()
                .replace("repeat: 100", "repeat: " + Math.max(1, (int) (2_000_000 * scale)));
    }

    private static Measurement simulate(Osim osim, String name, String yaml, String spec, boolean check) {
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
        return new Measurement(name, spec, r.events(), r.sliceCount(), r.summary().instructions(), (t1 - t0) / 1e9, peakHeap());
    }

    /** The baseline: the event queue alone, 10,000 timers each rescheduling itself after a random delay. */
    private static Measurement engine(long events) {
        Engine engine = new Engine();
        SplittableRandom random = new SplittableRandom(1);
        long[] left = {events};
        int timers = 10_000;
        for (int i = 0; i < timers; i++) {
            Event[] self = new Event[1];
            self[0] = new Event(EventRank.SLICE_END) {
                @Override
                protected void fire() {
                    if (--left[0] > timers) {
                        engine.schedule(self[0], engine.now() + 1 + random.nextLong(1_000_000));
                    }
                }
            };
            engine.schedule(self[0], random.nextLong(1_000_000));
        }
        resetPeaks();
        long t0 = System.nanoTime();
        engine.run();
        long t1 = System.nanoTime();
        return new Measurement("engine", "-", engine.eventsFired(), 0, 0, (t1 - t0) / 1e9, peakHeap());
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static String json(List<Measurement> results) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
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
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w + "\n";
    }

    private static String table(List<Measurement> results) {
        TableReport.Table t = new TableReport.Table("benchmark", "scheduler", "events", "slices", "wall s", "events/s", "slices/s",
                "instructions/s", "peak heap MiB");
        for (Measurement m : results) {
            t.add(m.benchmark(), m.scheduler(), String.valueOf(m.events()), String.valueOf(m.slices()),
                    String.format(Locale.ROOT, "%.3f", m.wallSeconds()),
                    String.format(Locale.ROOT, "%.2fM", m.eventsPerSecond() / 1e6),
                    String.format(Locale.ROOT, "%.2fM", m.slicesPerSecond() / 1e6),
                    m.instructions() == 0 ? "-" : String.format(Locale.ROOT, "%.2fM", m.instructionsPerSecond() / 1e6),
                    String.valueOf(m.peakHeapBytes() / (1 << 20)));
        }
        return t.render();
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
