package org.osim.workloads;

import static org.osim.workloads.Nodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.osim.api.OsimException;
import org.osim.api.RandomStreams;
import org.osim.api.SimTime;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.ThreadingSpec;

/** A {@code generate:} block: many processes whose arrivals and bursts are drawn from distributions, seeded. */
final class ProcessGenerator {
    private ProcessGenerator() {}

    static final Set<String> GENERATE = ordered("count", "name", "start", "arrival", "cycles", "cpu", "io",
            "device", "priority", "tickets", "user", "resolution", "program");

    /**
     * The processes of generator {@code index}, drawn from the seed's {@code generate[index]} stream;
     * {@code reader} reads a given {@code program:} for the process-name prefix it is given.
     */
    static List<ProcessSpec> generate(Node n, int index, long seed, BiFunction<String, Node, Program> reader) {
        Node.Mapping m = mapping(n, "a generator: a mapping with count, arrival, cpu, …");
        allow(m, GENERATE, "generator");
        int count = (int) integer(require(m, "count", "generator"), 1, 10_000_000, "a process count from 1 to 10,000,000");
        String prefix = optional(m, "name").map(v -> name(v, "name prefix")).orElse("g" + (index + 1) + "-");
        long start = optional(m, "start").map(v -> duration(v, false)).orElse(0L);
        Distribution arrival = optional(m, "arrival").map(v -> distribution(v, false)).orElse(new Distribution(Distribution.Kind.CONST, 0, 0, false));
        Distribution cycles = optional(m, "cycles").map(v -> distribution(v, true)).orElse(new Distribution(Distribution.Kind.CONST, 1, 0, true));
        Program given = null;
        if (m.fields().containsKey("program")) { // every process runs this program: readers arriving at random, say
            for (String k : List.of("cpu", "cycles", "io", "device")) {
                if (m.fields().containsKey(k)) {
                    throw OsimException.badInput(m.fields().get(k).keyAt(), "a generator gives either 'program' or 'cpu' "
                            + "(with cycles, io and device), not both");
                }
            }
            given = reader.apply(prefix, m.fields().get("program").value());
        }
        Node cpuNode = given != null ? null : require(m, "cpu", "generator");
        Distribution cpu = given != null ? null : distribution(cpuNode, false);
        Distribution io = optional(m, "io").map(v -> distribution(v, false)).orElse(null);
        if (io == null && !(cycles.kind() == Distribution.Kind.CONST && cycles.a() <= 1)) {
            throw OsimException.badInput(m.at(), "a generator with more than one cycle needs 'io', the distribution of I/O bursts between CPU bursts");
        }
        String device = optional(m, "device").map(v -> name(v, "device name")).orElse(null);
        Distribution priority = optional(m, "priority").map(v -> distribution(v, true)).orElse(new Distribution(Distribution.Kind.CONST, 0, 0, true));
        Distribution tickets = optional(m, "tickets").map(v -> distribution(v, true)).orElse(new Distribution(Distribution.Kind.CONST, 1, 0, true));
        String user = optional(m, "user").map(v -> name(v, "user name")).orElse("default");
        long resolution = optional(m, "resolution").map(v -> duration(v, true)).orElse(SimTime.NANOS_PER_MICRO);

        SplittableRandom random = new RandomStreams(seed).stream("generate[" + index + "]");
        List<ProcessSpec> out = new ArrayList<>(count);
        long t = start;
        int width = String.valueOf(count).length();
        // One CPU burst of the same length is the same program: shared, not made again for each process.
        Map<Long, Program> oneBurst = new java.util.HashMap<>();
        for (int i = 1; i <= count; i++) {
            if (i > 1) {
                t += round(arrival.sample(random), resolution, 0);
            }
            Program program = given;
            int k = program == null ? (int) Math.max(1, Math.round(cycles.sample(random))) : 0;
            if (k == 1) {
                program = oneBurst.computeIfAbsent(round(cpu.sample(random), resolution, resolution),
                        nanos -> new Program(List.of(new Instruction.Compute(nanos))));
            } else if (program == null) {
                List<Instruction> bursts = new ArrayList<>(2 * k - 1);
                for (int c = 0; c < k; c++) {
                    if (c > 0) {
                        bursts.add(new Instruction.Io(java.util.Optional.ofNullable(device), round(io.sample(random), resolution, resolution)));
                    }
                    bursts.add(new Instruction.Compute(round(cpu.sample(random), resolution, resolution)));
                }
                program = new Program(bursts);
            }
            int prio = (int) Math.round(priority.sample(random));
            int tix = (int) Math.max(1, Math.round(tickets.sample(random)));
            String digits = Integer.toString(i); // zero-padded by hand: String.format per process dominated reading
            String name = prefix + "0".repeat(width - digits.length()) + digits;
            out.add(new ProcessSpec(name, t, prio, 0, tix, user, OptionalLong.empty(),
                    List.of(new ThreadSpec(name, program)), Map.of(), java.util.Optional.empty(), List.of(), ThreadingSpec.KERNEL, List.of(), false));
        }
        return out;
    }

    /** Rounds a sampled duration to the resolution, and to at least {@code min}. */
    static long round(double nanos, long resolution, long min) {
        long r = Math.round(nanos / resolution) * resolution;
        return Math.max(min, r);
    }

    static Distribution distribution(Node n, boolean count) {
        Node.Scalar s = scalar(n, count ? "a number or distribution such as uniform(1,5)" : "a duration or distribution such as exp(10ms)");
        try {
            return count ? Distribution.ofCounts(s.text()) : Distribution.ofDurations(s.text());
        } catch (IllegalArgumentException e) {
            throw OsimException.badInput(s.at(), e.getMessage());
        }
    }
}
