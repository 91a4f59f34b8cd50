package org.osim.workloads;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osim.api.OsimException;
import org.osim.api.SourceLocation;
import org.osim.api.workload.Workload;
import org.osim.api.workload.WorkloadParameter;

/**
 * A sweep file ({@code osim sweep SPEC.yaml}): a grid of workloads × values of their parameters × schedulers ×
 * replications. Every item remembers where it was written, so that a workload that does not exist, a parameter it
 * lacks or a scheduler nobody installed is refused at its file:line:column before any run starts.
 *
 * <pre>
 * name: load-levels
 * workloads: [mm1, mh2-1]
 * set: { jobs: 2000 }                      # every run
 * vary: { arrival: [20ms, 12.5ms, 10ms] }  # one cell per combination of values
 * schedulers: [fcfs, "rr:quantum=1ms", srtn]
 * replications: 10
 * seed: 1
 * baseline: fcfs
 * </pre>
 */
public record SweepSpec(String name, List<Item> workloads, Map<String, Item> set, Map<String, List<Item>> vary,
                        List<Item> schedulers, int replications, long seed, double confidence, Optional<Item> baseline) {
    private static final Set<String> KEYS = Nodes.ordered("name", "workloads", "set", "vary", "schedulers", "replications",
            "seed", "confidence", "baseline");

    /** A value as written, and where. */
    public record Item(String value, SourceLocation at) {
        public Item {
            requireNonNull(value, "value is null");
            requireNonNull(at, "at is null");
        }
    }

    public SweepSpec {
        workloads = List.copyOf(workloads);
        set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        Map<String, List<Item>> v = new LinkedHashMap<>();
        vary.forEach((k, items) -> v.put(k, List.copyOf(items)));
        vary = java.util.Collections.unmodifiableMap(v);
        schedulers = List.copyOf(schedulers);
        requireNonNull(baseline, "baseline is null");
    }

    /** Reads the sweep in {@code text}, from {@code file}. */
    public static SweepSpec parse(String file, String text) {
        Node.Mapping m = Nodes.mapping(YamlTree.parse(file, text), "a sweep: a mapping with workloads, schedulers, …");
        Nodes.allow(m, KEYS, "a sweep");
        String name = Nodes.optional(m, "name").map(n -> Nodes.name(n, "sweep name")).orElse(file);
        List<Item> workloads = items(Nodes.require(m, "workloads", "sweep"), "workloads");
        List<Item> schedulers = items(Nodes.require(m, "schedulers", "sweep"), "schedulers");
        Map<String, Item> set = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        Nodes.optional(m, "set").ifPresent(n -> Nodes.mapping(n, "a mapping of parameter: value").fields().values().forEach(f -> {
            set.put(f.key(), item(f.value(), "a value"));
            keys.put(f.key(), f.keyAt());
        }));
        Map<String, List<Item>> vary = new LinkedHashMap<>();
        Nodes.optional(m, "vary").ifPresent(n -> Nodes.mapping(n, "a mapping of parameter: [values]").fields().values().forEach(f -> {
            if (set.containsKey(f.key())) {
                throw OsimException.badInput(f.keyAt(), "parameter '" + f.key() + "' is both set and varied");
            }
            vary.put(f.key(), items(f.value(), "values of " + f.key()));
            keys.put(f.key(), f.keyAt());
        }));
        int replications = Nodes.optional(m, "replications")
                .map(n -> Nodes.integer(n, 1, 100_000, "a number of replications from 1 to 100,000")).orElse(1L).intValue();
        long seed = Nodes.optional(m, "seed").map(n -> Nodes.integer(n, Long.MIN_VALUE, Long.MAX_VALUE, "a seed")).orElse(1L);
        double confidence = Nodes.optional(m, "confidence").map(SweepSpec::confidence).orElse(0.95);
        Optional<Item> baseline = Nodes.optional(m, "baseline").map(n -> item(n, "a scheduler"));
        if (baseline.isPresent() && schedulers.stream().noneMatch(s -> s.value().equals(baseline.get().value()))) {
            throw OsimException.badInput(baseline.get().at(), "baseline '" + baseline.get().value() + "' is none of the schedulers ("
                    + String.join(", ", schedulers.stream().map(Item::value).toList()) + ")");
        }
        SweepSpec spec = new SweepSpec(name, workloads, set, vary, schedulers, replications, seed, confidence, baseline);
        spec.checkParameters(keys);
        return spec;
    }

    /** Every workload exists and declares every parameter set or varied; the error is at what was written. */
    private void checkParameters(Map<String, SourceLocation> keys) {
        for (Item w : workloads) {
            Workload loaded;
            try {
                loaded = Workloads.load(w.value(), seed);
            } catch (OsimException e) {
                throw OsimException.badInput(w.at(), e.getMessage());
            }
            List<String> declared = loaded.parameters().stream().map(WorkloadParameter::name).toList();
            keys.forEach((k, at) -> {
                if (!declared.contains(k)) {
                    throw OsimException.badInput(at, "workload " + w.value() + " has no parameter '" + k + "'"
                            + (declared.isEmpty() ? " (it has none)" : " (parameters: " + String.join(", ", declared) + ")"));
                }
            });
        }
    }

    /** Every cell's parameter settings: {@code set} with one combination of the {@code vary} values (the first varies slowest). */
    public List<Map<String, String>> cells() {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> base = new LinkedHashMap<>();
        set.forEach((k, v) -> base.put(k, v.value()));
        out.add(base);
        for (Map.Entry<String, List<Item>> v : vary.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> cell : out) {
                for (Item value : v.getValue()) {
                    Map<String, String> one = new LinkedHashMap<>(cell);
                    one.put(v.getKey(), value.value());
                    next.add(one);
                }
            }
            out = next;
        }
        return out;
    }

    /** How many runs the grid has. */
    public long runs() {
        return (long) workloads.size() * cells().size() * schedulers.size() * replications;
    }

    private static List<Item> items(Node n, String what) {
        List<Item> out = new ArrayList<>();
        if (n instanceof Node.Sequence s) {
            for (Node x : s.items()) {
                out.add(item(x, "one of the " + what));
            }
        } else {
            out.add(item(n, what));
        }
        if (out.isEmpty()) {
            throw OsimException.badInput(n.at(), "the grid is empty: " + what + " needs at least one value");
        }
        return out;
    }

    private static Item item(Node n, String what) {
        Node.Scalar s = Nodes.scalar(n, what);
        return new Item(s.text(), s.at());
    }

    private static double confidence(Node n) {
        Node.Scalar s = Nodes.scalar(n, "a confidence level such as 0.95");
        try {
            double c = Double.parseDouble(s.text());
            if (c > 0 && c < 1) {
                return c;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw OsimException.badInput(s.at(), "expected a confidence level between 0 and 1 such as 0.95, got '" + s.text() + "'");
    }
}
