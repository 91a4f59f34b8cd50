package org.osim.importers.moss;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.osim.api.OsimException;
import org.osim.api.SimTime;
import org.osim.api.SourceLocation;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.ParameterType;
import org.osim.api.param.Parameters;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;
import org.osim.api.workload.MachineSpec;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.Workload;
import org.osim.api.workload.WorkloadImporter;
import org.osim.api.workload.WorkloadSource;

/**
 * The MOSS scheduling simulator's {@code scheduling.conf} (Ontko and Reeder, 2001, companion to Tanenbaum's MOS 2nd
 * ed.): {@code numprocess}, {@code meandev}, {@code standdev}, a {@code process} line per process giving the CPU
 * time it runs between two I/O blocks, and {@code runtime}, read as MOSS reads them. Each process computes its CPU
 * time in bursts of its blocking interval with a zero-time block (a {@code yield}) between two, under {@code
 * moss}, MOSS's lowest-number rule, for at most {@code runtime} ms.
 */
public final class MossImporter implements WorkloadImporter {
    static final ParameterSpec<String> CPU_TIMES = new ParameterSpec<>("cpuTimes", ParameterType.text(), "",
            "the processes' CPU times in ms, comma-separated (a Summary-Results file's CPU Time column), instead of drawing them");
    /** What the description says, for {@code --format moss}: {@code MOSS: meandev 1000, standdev 100, ioblocking 500,500,30}. */
    public static final String MARK = "MOSS: ";
    private static final long MS = SimTime.NANOS_PER_MILLI;

    @Override
    public String name() {
        return "moss";
    }

    @Override
    public String description() {
        return "The MOSS scheduling simulator's scheduling.conf (Modern Operating Systems Simulators): processes with a CPU "
                + "time drawn around meandev and an I/O-blocking interval, run by MOSS's first-come first-served rule.";
    }

    @Override
    public List<String> extensions() {
        return List.of("scheduling.conf");
    }

    @Override
    public boolean recognizes(byte[] head) {
        String text = "\n" + new String(head, StandardCharsets.ISO_8859_1);
        return text.contains("\nnumprocess") || text.contains("\nmeandev") || text.contains("\nstanddev");
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(CPU_TIMES);
    }

    @Override
    public Workload read(WorkloadSource source, Parameters options) throws IOException {
        long numprocess = 5;
        long meandev = 1000;
        long standdev = 100;
        long runtime = 1000;
        List<long[]> processes = new ArrayList<>(); // {cputime, ioblocking}
        List<Long> given = cpuTimes(options.get(CPU_TIMES));
        Random random = new Random(source.seed());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source.open(), StandardCharsets.ISO_8859_1))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                // A directive starts at column 0 with its key word (MOSS matches by prefix); any other line is ignored.
                String key = line.startsWith("numprocess") ? "numprocess" : line.startsWith("meandev") ? "meandev"
                        : line.startsWith("standdev") ? "standdev" : line.startsWith("process") ? "process"
                        : line.startsWith("runtime") ? "runtime" : null;
                if (key == null) {
                    continue;
                }
                SourceLocation at = new SourceLocation(source.name(), n, 1);
                long value = value(line, at, key);
                switch (key) {
                    case "numprocess" -> numprocess = check(value, 1, 100_000, at, key, "a process count from 1 to 100,000");
                    case "meandev" -> meandev = check(value, 1, 100_000_000, at, key, "a mean CPU time from 1 to 100,000,000 ms");
                    case "standdev" -> standdev = check(value, 0, 100_000_000, at, key, "a standard deviation from 0 to 100,000,000 ms");
                    case "runtime" -> runtime = check(value, 1, 1_000_000_000, at, key, "a run time from 1 to 1,000,000,000 ms");
                    default -> {
                        long io = check(value, 0, 100_000_000, at, key, "a blocking interval from 0 to 100,000,000 ms");
                        processes.add(new long[] {cpuTime(meandev, standdev, random, at), io});
                    }
                }
            }
        }
        // Missing processes are added with blocking intervals 0, 100, 200, … (the first blocks every millisecond).
        for (int k = 0; processes.size() < numprocess; k++) {
            processes.add(new long[] {cpuTime(meandev, standdev, random, new SourceLocation(source.name(), 1, 1)), 100L * k});
        }
        if (!given.isEmpty()) {
            if (given.size() != processes.size()) {
                throw OsimException.badInput("moss option cpuTimes: " + processes.size() + " processes, but " + given.size()
                        + " CPU times given");
            }
            for (int i = 0; i < given.size(); i++) {
                processes.get(i)[0] = given.get(i);
            }
        }
        List<ProcessSpec> specs = new ArrayList<>();
        StringBuilder io = new StringBuilder();
        for (int i = 0; i < processes.size(); i++) {
            long cpu = processes.get(i)[0];
            long block = processes.get(i)[1];
            String name = "p" + i;
            specs.add(ProcessSpec.of(name, 0, program(cpu, block)));
            io.append(i == 0 ? "" : ",").append(block);
        }
        String description = MARK + "meandev " + meandev + ", standdev " + standdev + ", ioblocking " + io + " (scheduling.conf, "
                + processes.size() + " processes, runtime " + runtime + " ms)";
        return new Workload("moss", description, MachineSpec.DEFAULT, List.of(), specs, OptionalLong.of(runtime * MS), List.of(),
                List.of(), Map.of(), Map.of(), List.of(), java.util.Optional.of("moss"));
    }

    /**
     * MOSS's draw: {@code (int)(X · standdev) + meandev} with X from {@code Common.R1()} (the ratio-of-uniforms
     * squeeze, retried on its -1 sentinel), here from one {@link Random} seeded with the run's seed: MOSS seeds a new
     * generator from the wall clock at each draw, so its own runs are not reproducible.
     */
    static long cpuTime(long meandev, long standdev, Random random, SourceLocation at) {
        double x;
        do {
            x = r1(random);
        } while (x == -1.0);
        long cpu = (long) (int) (x * standdev) + meandev;
        if (cpu <= 0) {
            throw OsimException.badInput(at, "a process drew a CPU time of " + cpu + " ms (meandev " + meandev + ", standdev "
                    + standdev + "): MOSS would never run it; make standdev smaller than meandev / 2.3");
        }
        return cpu;
    }

    /** {@code Common.R1()}: the inner squeeze of Knuth's Algorithm R, or -1. */
    static double r1(Random random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        double x = Math.sqrt(8 / Math.E) * (v - 0.5) / u;
        if (!(x * x <= 5 - 4 * Math.exp(0.25) * u)) {
            return -1;
        }
        if (x * x >= 4 * Math.exp(-1.35) / u + 1.4) {
            return -1;
        }
        if (!(x * x < -4 * Math.log(u))) {
            return -1;
        }
        return x;
    }

    /** Bursts of {@code block} ms with a zero-time block between two; a process that completes does not block. */
    static Program program(long cpu, long block) {
        long burst = block == 0 ? 1 : block; // interval 0: MOSS blocks it after every millisecond it runs
        List<Instruction> is = new ArrayList<>();
        for (long done = 0; done < cpu; done += burst) {
            if (done > 0) {
                is.add(new Instruction.Yield());
            }
            is.add(new Instruction.Compute(Math.min(burst, cpu - done) * MS));
        }
        return new Program(is);
    }

    private static long value(String line, SourceLocation at, String key) {
        String[] tokens = line.strip().split("\\s+");
        if (tokens.length < 2) {
            throw OsimException.badInput(at.shifted(0, line.length() + 1), "'" + key + "' needs a value");
        }
        try {
            return Long.parseLong(tokens[1].strip());
        } catch (NumberFormatException e) {
            throw OsimException.badInput(at.shifted(0, line.indexOf(tokens[1], key.length()) + 1), "'" + key
                    + "': expected a whole number, got '" + tokens[1] + "'");
        }
    }

    private static long check(long v, long min, long max, SourceLocation at, String key, String expected) {
        if (v < min || v > max) {
            throw OsimException.badInput(at, "'" + key + "': expected " + expected + ", got " + v);
        }
        return v;
    }

    private static List<Long> cpuTimes(String text) {
        List<Long> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        for (String t : text.split(",")) {
            try {
                long v = Long.parseLong(t.strip());
                if (v >= 1) {
                    out.add(v);
                    continue;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw OsimException.badInput("moss option cpuTimes: expected CPU times in whole ms of at least 1, got '" + t.strip() + "'");
        }
        return out;
    }
}
