package org.osim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.OsimException;
import org.osim.api.SimTime;
import org.osim.api.result.RunResult;
import org.osim.api.workload.Workload;
import org.osim.kernel.Osim;
import org.osim.kernel.Simulation;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code run} and {@code compare} share: the workload, the machine, the seed and the output. */
final class SimulationOptions {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SimulationOptions.class);
    @Parameters(index = "0", paramLabel = "WORKLOAD", completionCandidates = CompletionCommand.Workloads.class,
            description = "A standard workload's name (see 'osim list workloads'), the path of a YAML/JSON workload file, or "
                    + "a file in another tool's format (see 'osim list importers').")
    String workload;

    @Parameters(index = "1..*", paramLabel = "MORE", arity = "0..*", hidden = true,
            description = "compare: more workloads, each run under every scheduler.")
    List<String> moreWorkloads = new ArrayList<>();

    @Mixin
    ImporterOptions importers;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of every random stream (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Set a parameter of the workload (see 'osim describe WORKLOAD'), e.g. --set items=50; may be repeated.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--vary", paramLabel = "NAME=V1,V2,...",
            description = "Run the workload once for each value of one of its parameters (compare: side by side), e.g. "
                    + "--vary gap=4ms,1ms; repeated, once for each combination.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--cpus", paramLabel = "N", description = "Number of CPUs (overrides the workload's machine).")
    Integer cpus;

    @Option(names = "--profile", paramLabel = "NAME", description = "Machine cost profile: textbook (all costs zero) or modern.")
    String profile;

    @Option(names = "--tick", paramLabel = "DURATION", description = "Period of the clock tick for policies that age or decay, e.g. 10ms (0 = none).")
    String tick;

    @Option(names = "--interrupts", paramLabel = "random(N)|none",
            description = "Random interrupts, about every N machine instructions on each CPU, seeded (overrides the workload's machine).")
    String interrupts;

    @Option(names = "--until", paramLabel = "DURATION", description = "Stop the simulation at this time even if work remains, e.g. 10s.")
    String until;

    @Option(names = "--callback-budget", paramLabel = "DURATION", defaultValue = "10s",
            description = "Stop the command if a plugin's callback runs this long in wall time without returning, an endless "
                    + "loop (default: ${DEFAULT-VALUE}; 0 = off).")
    String callbackBudget;

    @Option(names = "--watchdog", paramLabel = "DURATION", defaultValue = "30s",
            description = "End the run if a runnable task waits this long while a CPU idles (default: ${DEFAULT-VALUE}; 0 = off).")
    String watchdog;

    @Option(names = "--max-events", paramLabel = "N",
            description = "Stop with an error once a run has taken N events, for workloads that may never end (default: no limit).")
    Long maxEvents;

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = "Stop with an error once a run holds more than SIZE of memory, e.g. 2g or 500m (default: the JVM's heap).")
    String maxMemory;

    @Option(names = "--ticket-transfer",
            description = "A thread blocked in join or wait lends its lottery tickets to the one it waits for.")
    boolean ticketTransfer;

    @Option(names = "--check",
            description = "Check the kernel's invariants, and the policy's promises, at every instant; a broken rule ends the run saying when and which.")
    boolean check;

    @Option(names = "--format", defaultValue = "table", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--unit", defaultValue = "ms", description = "Time unit of the report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TimeUnitOption unit;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--trace-out", paramLabel = "FILE",
            description = "Write the run (each run of a comparison) as a Perfetto trace, to open at ui.perfetto.dev or in chrome://tracing.")
    Path traceOut;

    @Mixin
    PluginOptions plugins;

    /** Runs {@code b} with the plugins' callbacks watched ({@code --callback-budget}). */
    RunResult run(Simulation.Builder b) {
        return CallbackWatch.run(b, duration("--callback-budget", callbackBudget));
    }

    /** The command line as given (its subcommand first), for a report to say how it was made. */
    String command(picocli.CommandLine.Model.CommandSpec spec) {
        List<String> words = new ArrayList<>(List.of("./osim"));
        for (String a : spec.commandLine().getParseResult().originalArgs()) {
            words.add(a.isEmpty() || a.chars().anyMatch(ch -> " '\"*?$|&;<>()".indexOf(ch) >= 0) ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return String.join(" ", words);
    }

    /** What a trace file says it shows: the workloads, the schedulers, the seed and the machine given on the command line. */
    Map<String, String> about(List<Workload> workloads, List<String> schedulers) {
        Map<String, String> about = new java.util.LinkedHashMap<>();
        about.put("workload", workloads.stream().map(Workload::name).collect(java.util.stream.Collectors.joining(", ")));
        about.put("schedulers", String.join(", ", schedulers));
        about.put("seed", String.valueOf(seed));
        about.put("cpus", cpus != null ? String.valueOf(cpus)
                : workloads.stream().map(w -> String.valueOf(w.machine().cpus())).distinct().collect(java.util.stream.Collectors.joining(", ")));
        about.put("generator", "osim 0.1.0");
        return about;
    }

    /** Whether {@code w} is a workload of parallel jobs (gangs, as an SWF trace gives), whose reports add wait and bounded slowdown. */
    static boolean parallelJobs(Workload w) {
        for (org.osim.api.workload.ProcessSpec p : w.processes()) {
            if (p.gang()) {
                return true;
            }
        }
        return false;
    }

    /** A size such as {@code 2g}, {@code 500m}, {@code 64k} or a number of bytes. */
    static long bytes(String option, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,12})([kKmMgG]?)").matcher(text.strip());
        if (!m.matches()) {
            throw OsimException.badInput(option + ": expected a size such as 2g, 500m or 64k, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        if (n == 0 || n > (Long.MAX_VALUE >> shift)) {
            throw OsimException.badInput(option + ": expected a positive size, got '" + text + "'");
        }
        return n << shift;
    }

    Workload loadWorkload() {
        if (!vary.isEmpty()) {
            throw OsimException.badInput("--vary runs a workload several times: use it with compare");
        }
        return load(workload, pairs(settings, "--set"), seed);
    }

    private Workload load(String name, Map<String, String> set, long seed) {
        long t0 = System.nanoTime();
        Workload w = importers.load(name, seed, set);
        LOG.debug("read workload {}: {} processes in {} ms", w.name(), w.processes().size(), (System.nanoTime() - t0) / 1_000_000);
        return w;
    }

    /**
     * Every workload named: the first and any more ({@code compare} takes several), each with the
     * {@code --set} parameters, and once for each value of a {@code --vary} parameter.
     */
    List<Workload> loadWorkloads() {
        return loadWorkloads(seed);
    }

    /** The same, with the processes they generate drawn from {@code seed} (a replication's). */
    List<Workload> loadWorkloads(long seed) {
        List<String> names = new ArrayList<>();
        names.add(workload);
        names.addAll(moreWorkloads);
        List<Workload> out = new ArrayList<>();
        for (String name : names) {
            for (Map<String, String> set : variations()) {
                out.add(load(name, set, seed));
            }
        }
        return out;
    }

    /** The --set parameters, once for each combination of --vary values (the first --vary varies slowest). */
    private List<Map<String, String>> variations() {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(pairs(settings, "--set"));
        for (String v : vary) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw OsimException.badInput("--vary: expected NAME=V1,V2,..., got '" + v + "'");
            }
            String name = v.substring(0, eq).strip();
            if (out.get(0).containsKey(name)) {
                throw OsimException.badInput("--vary " + name + ": it is also given with --set or another --vary");
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> base : out) {
                for (String value : split(v.substring(eq + 1))) {
                    Map<String, String> one = new LinkedHashMap<>(base);
                    one.put(name, value.strip());
                    next.add(one);
                }
            }
            out = next;
        }
        return out;
    }

    /** A simulation of {@code w} under the named scheduler, set up from these options. */
    Simulation.Builder simulation(Osim osim, Workload w, String scheduler, Map<String, String> params, boolean slices) {
        return simulation(osim, w, scheduler, params, slices, seed);
    }

    /** The same, with every random stream from {@code seed} (a replication's). */
    Simulation.Builder simulation(Osim osim, Workload w, String scheduler, Map<String, String> params, boolean slices, long seed) {
        if (interrupts != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("random\\(([0-9]{1,7})\\)").matcher(interrupts.strip());
            int every;
            if (interrupts.strip().equals("none")) {
                every = 0;
            } else if (m.matches() && Integer.parseInt(m.group(1)) >= 1) {
                every = Integer.parseInt(m.group(1));
            } else {
                throw OsimException.badInput("--interrupts: expected random(N) (N from 1 to 1,000,000) or none, got '" + interrupts + "'");
            }
            w = w.withMachine(w.machine().withInterruptEvery(every));
        }
        Simulation.Builder b = osim.simulation(w).seed(seed).recordSlices(slices).watchdog(duration("--watchdog", watchdog))
                .ticketTransfer(ticketTransfer)
                .check(check || Boolean.getBoolean(org.osim.kernel.Simulation.CHECK_PROPERTY));
        b.scheduler(scheduler, params);
        if (maxEvents != null) {
            b.maxEvents(maxEvents);
        }
        if (maxMemory != null) {
            b.maxMemory(bytes("--max-memory", maxMemory));
        }
        if (cpus != null) {
            b.cpus(cpus);
        }
        if (profile != null) {
            b.profile(profile);
        }
        if (tick != null) {
            b.tick(duration("--tick", tick));
        }
        if (until != null) {
            b.horizon(duration("--until", until));
        }
        return b;
    }

    static long duration(String option, String text) {
        try {
            return SimTime.parse(text);
        } catch (IllegalArgumentException e) {
            throw OsimException.badInput(option + ": " + e.getMessage());
        }
    }

    /** Parses {@code k=v} pairs (from --param, or after the ':' of -s name:k=v,k=v). */
    static Map<String, String> pairs(List<String> items, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : items) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw OsimException.badInput(where + ": expected NAME=VALUE, got '" + item + "'");
            }
            if (out.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip()) != null) {
                throw OsimException.badInput(where + ": parameter '" + item.substring(0, eq).strip() + "' given twice");
            }
        }
        return out;
    }

    static List<String> split(String text) {
        return new ArrayList<>(List.of(text.split(",")));
    }
}
