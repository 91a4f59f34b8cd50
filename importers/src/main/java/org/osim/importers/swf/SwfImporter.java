package org.osim.importers.swf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.osim.api.OsimException;
import org.osim.api.RandomStreams;
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
import org.osim.api.workload.ThreadingSpec;
import org.osim.api.workload.Workload;
import org.osim.api.workload.WorkloadImporter;
import org.osim.api.workload.WorkloadSource;

/**
 * The Standard Workload Format of the Parallel Workloads Archive (Feitelson; SWF 2.2): one job per line, 18
 * numeric fields, {@code ;} header comments. Each job becomes a process arriving at its submit time; a job of
 * <i>k</i> allocated processors is a gang of <i>k</i> threads that each compute for the job's run time, and its
 * declared run time is the job's estimate (docs/importers.md).
 */
public final class SwfImporter implements WorkloadImporter {
    static final ParameterSpec<String> JOBS = new ParameterSpec<>("jobs", ParameterType.text(), "",
            "only the jobs numbered A to B (field 1), written A-B; empty for all");
    static final ParameterSpec<Double> SCALE_LOAD = ParameterSpec.decimal("scaleLoad", 1.0, 0.01, 100,
            "divide every submit time by this factor: 1.2 compresses inter-arrival times for 20% more load");
    static final ParameterSpec<Boolean> SERIAL = ParameterSpec.bool("serial", false,
            "treat every job as one thread, whatever its processor count");
    static final ParameterSpec<String> ESTIMATE = ParameterSpec.choice("estimate", "requested",
            List.of("requested", "actual", "fmodel"),
            "the declared run time: requested (field 9, or the missing-estimate substitute where absent), actual "
                    + "(perfect estimates), or fmodel (run time x U[1, f+1], Feitelson & Weil's model)");
    static final ParameterSpec<String> MISSING_ESTIMATE = ParameterSpec.choice("missingEstimate", "actual",
            List.of("actual", "fmodel"), "substitute where a job has no requested time (field 9 is -1, as in the NASA log)");
    static final ParameterSpec<Double> ESTIMATE_FACTOR = ParameterSpec.decimal("estimateFactor", 1.0, 0, 10_000,
            "f of the f-model: estimates are the run time times a factor drawn uniformly from [1, f+1], seeded");

    static final ParameterSpec<String> SHARE_BY = ParameterSpec.choice("shareBy", "user", List.of("user", "group"),
            "whom fair-share policies weigh: each job's user (field 12) as uN, or its group (field 13) as gN");

    private static final long NANOS = SimTime.NANOS_PER_MILLI * 1000;

    @Override
    public String name() {
        return "swf";
    }

    @Override
    public String description() {
        return "Standard Workload Format (SWF 2.2) of the Parallel Workloads Archive: real traces of parallel machines, "
                + "plain or gzip-compressed; each job a gang of its allocated processors.";
    }

    @Override
    public List<String> extensions() {
        return List.of("swf.gz", "swf");
    }

    @Override
    public boolean recognizes(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.startsWith("; Version:") || text.startsWith(";Version:") || text.contains("\n; MaxProcs:")
                || text.contains("\n; UnixStartTime:");
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(JOBS, SCALE_LOAD, SERIAL, ESTIMATE, MISSING_ESTIMATE, ESTIMATE_FACTOR, SHARE_BY);
    }

    @Override
    public Workload read(WorkloadSource source, Parameters options) throws IOException {
        long[] range = range(options.get(JOBS));
        double scale = options.get(SCALE_LOAD);
        boolean serial = options.get(SERIAL);
        String estimate = options.get(ESTIMATE);
        String missing = options.get(MISSING_ESTIMATE);
        double f = options.get(ESTIMATE_FACTOR);
        boolean byGroup = options.get(SHARE_BY).equals("group");
        SplittableRandom draws = new RandomStreams(source.seed()).stream("swf-estimates");

        Map<String, List<String>> header = new LinkedHashMap<>();
        List<Job> jobs = new ArrayList<>();
        Map<Long, Job> byNumber = new HashMap<>();
        SwfSkips skipped = new SwfSkips();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source.open(), StandardCharsets.ISO_8859_1), 1 << 16)) {
            String line;
            int lineNo = 0;
            double[] fields = new double[SwfLine.FIELDS];
            while ((line = in.readLine()) != null) {
                lineNo++;
                int first = SwfLine.firstNonBlank(line);
                if (first < 0) {
                    continue;
                }
                if (line.charAt(first) == ';') {
                    SwfLine.header(line, first, header);
                    continue;
                }
                SwfLine.parse(line, new SourceLocation(source.name(), lineNo, 1), fields);
                long number = (long) fields[0];
                if (number < range[0] || number > range[1]) {
                    continue;
                }
                if (fields[1] < 0) {
                    throw OsimException.badInput(new SourceLocation(source.name(), lineNo, SwfLine.column(line, 1)),
                            "field 2 (submit time): expected the seconds since the log's start, 0 or more, got " + fields[1]);
                }
                Job job = new Job(number, fields, lineNo);
                boolean part = job.status >= 2 && job.status <= 4; // a partial execution (SWF §4)
                if (part && header.getOrDefault("Preemption", List.of("")).get(0).equalsIgnoreCase("Double")) {
                    continue; // the summary record stands for the job: use one family of records, never both
                }
                Job earlier = byNumber.get(number);
                if (earlier == null) {
                    byNumber.put(number, job);
                    jobs.add(job);
                } else if (part) {
                    earlier.absorb(job); // the parts of a preempted job make one job of their total run time
                } else {
                    throw OsimException.badInput(new SourceLocation(source.name(), lineNo, SwfLine.column(line, 0)), "job "
                            + number + " appears again (first at line " + earlier.line + "); only the partial records of a "
                            + "preempted job (status 2, 3, 4) may share a number");
                }
            }
        }
        int machine = machineSize(header, jobs);
        jobs.sort(java.util.Comparator.comparingDouble((Job j) -> j.submit).thenComparingLong(j -> j.number));
        List<ProcessSpec> processes = new ArrayList<>(jobs.size());
        Map<Long, Program> programs = new HashMap<>(); // one program per run time, shared by every job that has it
        for (Job j : jobs) {
            int size = j.processors();
            if (j.status == 5 && j.run <= 0) {
                skipped.cancelled++;
                continue;
            }
            if (j.run <= 0) {
                skipped.zeroRunTime++;
                continue;
            }
            if (size <= 0) {
                skipped.noProcessors++;
                continue;
            }
            if (size > machine) {
                skipped.tooLarge++;
                continue;
            }
            long run = Math.round(j.run * NANOS);
            long declared = switch (estimate) {
                case "actual" -> run;
                case "fmodel" -> fModel(run, f, draws);
                default -> j.requested > 0 ? Math.round(j.requested * NANOS)
                        : missing.equals("fmodel") ? fModel(run, f, draws) : run;
            };
            declared = Math.max(declared, run); // a job is never killed at its estimate: the estimate is raised
            Program program = programs.computeIfAbsent(run, r -> Program.of(new Instruction.Compute(r)));
            String name = "j" + j.number;
            int threads = serial ? 1 : size;
            List<ThreadSpec> ts = new ArrayList<>(threads);
            if (threads == 1) {
                ts.add(new ThreadSpec(name, program));
            }
            for (int i = 1; threads > 1 && i <= threads; i++) {
                ts.add(new ThreadSpec(name + "." + i, program));
            }
            long arrival = Math.round(j.submit / scale * NANOS);
            String owner = byGroup ? (j.group > 0 ? "g" + j.group : "default") : j.user > 0 ? "u" + j.user : "default";
            processes.add(new ProcessSpec(name, arrival, 0, 0, 1, owner, OptionalLong.of(declared),
                    ts, Map.of(), java.util.Optional.empty(), List.of(), ThreadingSpec.KERNEL, List.of(), false, true)); // a rigid job, even of one thread
        }
        String base = source.workloadName("swf", extensions());
        String description = describe(header, jobs.size(), processes.size(), skipped);
        return new Workload(base, description, MachineSpec.DEFAULT.withCpus(machine), List.of(), processes, OptionalLong.empty(),
                List.of(), List.of(), Map.of(), Map.of(), List.of(), java.util.Optional.of("fcfs"));
    }

    private static long fModel(long run, double f, SplittableRandom draws) {
        return Math.round(run * (1 + f * draws.nextDouble()));
    }

    /** The machine: the header's MaxProcs, else MaxNodes, else the largest job. */
    private static int machineSize(Map<String, List<String>> header, List<Job> jobs) {
        for (String label : List.of("MaxProcs", "MaxNodes")) {
            List<String> v = header.get(label);
            if (v != null) {
                try {
                    long n = Long.parseLong(v.get(0).strip());
                    if (n >= 1 && n <= 1024) {
                        return (int) n;
                    }
                } catch (NumberFormatException e) {
                    // not a number: fall through to the next label
                }
            }
        }
        int largest = 1;
        for (Job j : jobs) {
            largest = Math.max(largest, Math.min(1024, j.processors()));
        }
        return largest;
    }

    private static String describe(Map<String, List<String>> header, int read, int kept, SwfSkips skipped) {
        StringBuilder s = new StringBuilder();
        List<String> computer = header.get("Computer");
        List<String> site = header.get("Installation");
        if (computer != null || site != null) {
            s.append(computer != null ? computer.get(0) : "").append(computer != null && site != null ? " at " : "")
                    .append(site != null ? site.get(0) : "").append(" (SWF). ");
        }
        s.append(read).append(" jobs read, ").append(kept).append(" kept");
        skipped.describe(s);
        return s.toString();
    }

    /** {@code A-B}, or empty for every job. */
    private static long[] range(String text) {
        if (text.isBlank()) {
            return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,12})-([0-9]{1,12})").matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) > Long.parseLong(m.group(2))) {
            throw OsimException.badInput("swf option jobs: expected a range of job numbers A-B with A <= B, e.g. 1-1000, got '"
                    + text + "'");
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    /** The fields of one data line an import uses. */
    private static final class Job {
        final long number;
        final int line;
        final double submit;
        double run;
        long allocated;
        final long requestedProcessors;
        final double requested;
        long status;
        final long user;
        final long group;

        Job(long number, double[] f, int line) {
            this.number = number;
            this.line = line;
            this.submit = f[1];
            this.run = f[3];
            this.allocated = (long) f[4];
            this.requestedProcessors = (long) f[7];
            this.requested = f[8];
            this.status = (long) f[10];
            this.user = (long) f[11];
            this.group = (long) f[12];
        }

        /** Another partial execution of this job: its run time adds up; the last part's status (3 completed, 4 failed) is the job's. */
        void absorb(Job part) {
            run = Math.max(0, run) + Math.max(0, part.run);
            allocated = Math.max(allocated, part.allocated);
            status = part.status == 3 ? 1 : part.status == 4 ? 0 : part.status;
        }

        /** Allocated processors (field 5), or the requested ones (field 8) where the log has none. */
        int processors() {
            long p = allocated > 0 ? allocated : requestedProcessors;
            return (int) Math.max(-1, Math.min(Integer.MAX_VALUE, p));
        }
    }
}
