package org.osim.workloads;

import static org.osim.workloads.Nodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.osim.api.OsimException;
import org.osim.api.RandomStreams;
import org.osim.api.SimTime;
import org.osim.api.SourceLocation;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;
import org.osim.api.program.ProgramSyntaxException;
import org.osim.api.program.ProgramText;
import java.util.Optional;
import org.osim.api.workload.CallSite;
import org.osim.api.workload.WorkloadParameter;
import org.osim.api.workload.MachineSpec;
import org.osim.api.workload.ObjectSpec;
import org.osim.api.workload.MessageStream;
import org.osim.api.workload.PeriodicSpec;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.ThreadingSpec;
import org.osim.api.workload.UserSpec;
import org.osim.api.workload.Workload;

/**
 * Reads the workload format (docs/workload-format.md) into a {@link Workload}. Strict: an unknown field, a value of
 * the wrong kind or an impossible reference is an error naming the file, line and column and what was
 * expected. {@code generate:} blocks are drawn here, from the seed's {@code generate[i]} streams.
 */
public final class WorkloadReader {
    private static final Set<String> TOP = ordered("name", "description", "machine", "duration", "users", "objects", "shared", "segments", "parameters", "scheduler",
            "processes", "generate");
    private static final Set<String> PROCESS = ordered("name", "arrival", "bursts", "program", "threads", "programs",
            "repeat", "priority", "nice", "tickets", "user", "runtime", "periodic", "sporadic", "abortOnMiss", "affinity",
            "threadModel", "kernelThreads", "runtimeScheduler", "messages", "popup", "gang");
    private static final Set<String> MESSAGES = ordered("device", "handler", "count", "start", "arrival");
    private static final Set<String> PERIODIC = ordered("period", "wcet", "deadline", "offset", "jobs", "abortOnMiss");
    private static final Set<String> SPORADIC = ordered("interval", "extra", "releases", "wcet", "deadline", "offset", "jobs",
            "abortOnMiss");
    private static final Set<String> THREAD = ordered("name", "bursts", "program", "repeat");

    private final String file;
    private final String text;
    private SourceText source;
    private final long seed;
    /** Every instruction with its place, for checks that need the whole workload. */
    private final List<Located> located = new ArrayList<>();
    /** The workload's duration, known before processes are read: sporadic releases are drawn up to it. */
    private OptionalLong runLength = OptionalLong.empty();

    /** The process whose programs are being read, for call sites. */
    private String currentProcess = "";
    /** The workload's parameters with the values it is read with. */
    private List<WorkloadParameter> parameters = List.of();

    private WorkloadReader(String file, String text, long seed) {
        this.file = file;
        this.text = text;
        this.seed = seed;
    }

    /**
     * Reads a workload.
     *
     * @param file the name errors give (a path, or a standard workload's resource name)
     * @param seed draws the {@code generate:} blocks
     * @throws OsimException ({@code BAD_INPUT}) saying what is wrong and where
     */
    public static Workload read(String file, String text, long seed) {
        return read(file, text, seed, Map.of());
    }

    /**
     * Reads a workload with some of its parameters set: each {@code $name} in its text becomes the value set
     * here, or the parameter's default. A set workload is named for its settings ({@code rw[readers=8]}).
     *
     * @throws OsimException ({@code BAD_INPUT}) if a setting names no parameter of the workload, or as {@link #read(String, String, long)}
     */
    public static Workload read(String file, String text, long seed, Map<String, String> settings) {
        if (settings.isEmpty() && text.indexOf('$') < 0) {
            // No parameter can change the text: read the processes as they come, one tree at a time.
            WorkloadReader r = new WorkloadReader(file, text, seed);
            java.util.Optional<Node> subset = YamlSubset.parse(file, text, "processes", r::add);
            if (subset.isPresent()) {
                return r.workload(subset.get());
            }
            r = new WorkloadReader(file, text, seed); // the full parser reads it all again, the items already read too
            Node root = YamlTree.parse(file, text, "processes", r::add);
            return r.workload(root);
        }
        Node root = YamlTree.parse(file, text);
        List<WorkloadParameter> parameters = WorkloadParameters.parameters(file, root, settings);
        String substituted = text;
        if (!parameters.isEmpty()) { // the text changes with the values: read it again
            substituted = WorkloadParameters.substitute(file, text, parameters);
            root = YamlTree.parse(file, substituted);
        }
        WorkloadReader r = new WorkloadReader(file, substituted, seed);
        r.parameters = parameters;
        Workload w = r.workload(root);
        if (!settings.isEmpty()) {
            // In the order the workload declares them, whatever the order of the settings.
            w = w.withName(w.name() + parameters.stream().filter(p -> settings.containsKey(p.name()))
                    .map(p -> p.name() + "=" + p.value()).collect(java.util.stream.Collectors.joining(",", "[", "]")));
        }
        return w;
    }

    /** The declared processes in file order: each read as it came, or, for a real-time one read before the workload's duration, its tree. */
    private final List<Object> declared = new ArrayList<>();
    /** Where each process name was declared, for duplicates. */
    private final Map<String, SourceLocation> names = new HashMap<>();

    /** One item of {@code processes:}, as the parser reads it (or from the tree, when the text was read whole). */
    private void add(Node item) {
        if (item instanceof Node.Mapping m && (m.fields().containsKey("periodic") || m.fields().containsKey("sporadic"))) {
            declared.add(item); // its jobs may run to the workload's duration, which may come later in the file
        } else {
            declared.add(named(item, process(item)));
        }
    }

    private ProcessSpec named(Node item, ProcessSpec spec) {
        SourceLocation at = ((Node.Mapping) item).fields().get("name").value().at();
        if (names.putIfAbsent(spec.name(), at) != null) {
            throw OsimException.badInput(at, "a process named '" + spec.name() + "' is already declared at " + names.get(spec.name()));
        }
        return spec;
    }

    private Workload workload(Node root) {
        Node.Mapping m = mapping(root, "a workload: a mapping with name, processes, …");
        allow(m, TOP, "workload");
        String name = optional(m, "name").map(n -> name(n, "workload name")).orElse(baseName(file));
        runLength = optional(m, "duration").map(v -> OptionalLong.of(duration(v, true))).orElse(OptionalLong.empty());
        String description = optional(m, "description").map(n -> scalar(n, "a description").text()).orElse("");
        MachineSpec machine = optional(m, "machine").map(MachineSection::read).orElse(MachineSpec.DEFAULT);
        List<UserSpec> users = optional(m, "users").map(WorkloadReader::users).orElse(List.of());
        List<ProcessSpec> processes = new ArrayList<>(declared.size());
        optional(m, "processes").ifPresent(n -> {
            for (Node p : sequence(n, "a list of processes").items()) {
                add(p);
            }
        });
        for (Object p : declared) { // the real-time ones waited for the duration; the order is the file's
            processes.add(p instanceof Node n ? named(n, process(n)) : (ProcessSpec) p);
        }
        declared.clear();
        optional(m, "generate").ifPresent(n -> {
            List<Node> blocks = sequence(n, "a list of generator blocks").items();
            for (int i = 0; i < blocks.size(); i++) {
                for (ProcessSpec spec : ProcessGenerator.generate(blocks.get(i), i, seed, (owner, node) -> {
                    currentProcess = owner;
                    return program(node, new LinkedHashMap<>());
                })) {
                    if (names.putIfAbsent(spec.name(), blocks.get(i).at()) != null) { // clashes with a declared one
                        throw OsimException.badInput(blocks.get(i).at(), "generated process '" + spec.name()
                                + "' clashes with the process declared at " + names.get(spec.name()));
                    }
                    processes.add(spec);
                }
            }
        });
        if (processes.isEmpty()) {
            throw OsimException.badInput(root.at(), "the workload has no processes: give 'processes' or 'generate'");
        }
        References.check(located, names.keySet());
        List<ObjectSpec> objects = optional(m, "objects").map(KernelObjectDeclarations::read).orElse(List.of());
        List<CallSite> calls = new ArrayList<>();
        for (Located l : located) {
            if (l.instruction() instanceof Instruction.Machine fast && fast.op() == org.osim.api.program.MachineOp.FAST) {
                String object = ((org.osim.api.program.Operand.Memory) fast.operands().get(0)).word();
                if (objects.stream().noneMatch(o -> o.name().equals(object))) {
                    throw OsimException.badInput(l.at(), "fast names kernel object '" + object + "', which the workload does not declare");
                }
            }
            if (l.instruction() instanceof Instruction.Call || l.instruction() instanceof Instruction.WaitFor) {
                CallSite site = new CallSite(l.process(), l.instruction(), Optional.of(l.at()));
                String verb = l.instruction() instanceof Instruction.Call ? "call" : "waitfor";
                for (String object : site.objects()) {
                    if (objects.stream().noneMatch(o -> o.name().equals(object))) {
                        throw OsimException.badInput(l.at(), verb + " names kernel object '" + object + "', which the workload does not declare"
                                + known("objects", objects.stream().map(ObjectSpec::name).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))));
                    }
                }
                calls.add(site);
            }
        }
        Map<String, List<Long>> shared = optional(m, "shared").map(n -> MemoryDeclarations.words(n, new HashMap<>(), "shared")).orElse(Map.of());
        Map<String, Map<String, List<Long>>> segments = optional(m, "segments").map(n -> MemoryDeclarations.segments(n, shared)).orElse(Map.of());
        MemoryDeclarations.checkSegments(located, segments);
        MemoryDeclarations.checkMemory(located, shared, segments);
        java.util.Optional<String> scheduler = optional(m, "scheduler").map(n -> {
            String spec = scalar(n, "a scheduler such as fcfs or rr:quantum=5ms").text().strip();
            if (!spec.matches("[a-z][a-z0-9-]*(:.+)?")) {
                throw OsimException.badInput(n.at(), "expected a scheduler such as fcfs or rr:quantum=5ms, got '" + spec + "'");
            }
            return spec;
        });
        return new Workload(name, description, machine, users, processes, runLength, objects, calls, shared, segments, parameters,
                scheduler);
    }

    private static String baseName(String file) {
        String base = file.replaceAll(".*[/\\\\]", "");
        return base.replaceAll("\\.(ya?ml|json)$", "");
    }

    /** {@code users: { alice: 2, bob: 1 }}: each user's share of the CPU. */
    private static List<UserSpec> users(Node n) {
        List<UserSpec> out = new ArrayList<>();
        for (Node.Field f : mapping(n, "a mapping of user names to shares, e.g. { alice: 2, bob: 1 }").fields().values()) {
            if (!NAME.matcher(f.key()).matches()) {
                throw OsimException.badInput(f.keyAt(), "expected a user name (a letter, then letters, digits, _ or -), got '" + f.key() + "'");
            }
            out.add(new UserSpec(f.key(), (int) integer(f.value(), 1, 1_000_000, "a share from 1 to 1,000,000")));
        }
        return out;
    }

    private ProcessSpec process(Node n) {
        Node.Mapping m = mapping(n, "a process: a mapping with name, arrival, bursts, …");
        allow(m, PROCESS, "process");
        Node nameNode = require(m, "name", "process");
        String name = name(nameNode, "process name");
        currentProcess = name;
        long arrival = optional(m, "arrival").map(v -> duration(v, false)).orElse(0L);
        int priority = optional(m, "priority").map(v -> (int) integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE,
                "a whole number (larger = more important)")).orElse(0);
        List<Integer> affinity = optional(m, "affinity").map(ThreadingOptions::affinity).orElse(List.of());
        ThreadingSpec threading = ThreadingOptions.threading(m);
        boolean popup = optional(m, "popup").map(Nodes::flag).orElse(false);
        int nice = optional(m, "nice").map(v -> (int) integer(v, -20, 19, "a nice value from -20 to 19")).orElse(0);
        int tickets = optional(m, "tickets").map(v -> (int) integer(v, 1, Integer.MAX_VALUE, "a ticket count from 1 to 2,147,483,647")).orElse(1);
        String user = optional(m, "user").map(v -> name(v, "user name")).orElse("default");
        OptionalLong runtime = optional(m, "runtime").map(v -> OptionalLong.of(duration(v, true))).orElse(OptionalLong.empty());
        // Named programs may spawn or fork each other: references are checked once the whole file is read.
        Map<String, Program> programs = new LinkedHashMap<>();
        optional(m, "programs").ifPresent(v -> {
            for (Node.Field f : mapping(v, "a mapping of program names to programs").fields().values()) {
                if (!NAME.matcher(f.key()).matches()) {
                    throw OsimException.badInput(f.keyAt(), "expected a program name (a letter, then letters, digits, _ or -), got '" + f.key() + "'");
                }
                programs.put(f.key(), program(f.value(), programs));
            }
        });
        List<MessageStream> messages = optional(m, "messages").map(v -> messages(v, programs)).orElse(List.of());
        if (popup && messages.isEmpty()) {
            throw OsimException.badInput(m.fields().get("popup").keyAt(), "'popup' needs 'messages': the arrivals that create the threads");
        }
        int repeat = optional(m, "repeat").map(v -> (int) integer(v, 1, 100_000_000, "a repeat count from 1 to 100,000,000")).orElse(1);
        List<String> kinds = present(m, "periodic", "sporadic");
        if (kinds.size() > 1) {
            throw OsimException.badInput(nameNode.at(), "process '" + name + "' can be periodic or sporadic, not both");
        }
        if (!kinds.isEmpty()) {
            return realTime(m, nameNode, name, arrival, priority, nice, tickets, user, runtime, programs, repeat, kinds.get(0),
                    affinity);
        }
        if (m.fields().containsKey("abortOnMiss")) {
            throw OsimException.badInput(m.fields().get("abortOnMiss").keyAt(), "'abortOnMiss' is for periodic or sporadic processes");
        }
        List<String> bodies = present(m, "bursts", "program", "threads");
        if (bodies.size() != 1 && !(popup && bodies.isEmpty())) {
            throw OsimException.badInput(nameNode.at(), "process '" + name + "' needs exactly one of bursts, program or threads"
                    + (bodies.isEmpty() ? "" : ", got " + String.join(" and ", bodies)));
        }
        List<ThreadSpec> threads = new ArrayList<>();
        if (bodies.isEmpty()) {
            // A pop-up server: its threads are created by the messages.
        } else if (bodies.get(0).equals("threads")) {
            Node.Field tf = m.fields().get("threads");
            if (m.fields().containsKey("repeat")) {
                throw OsimException.badInput(m.fields().get("repeat").keyAt(), "'repeat' belongs on each thread when a process has threads");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (Node t : sequence(tf.value(), "a list of threads").items()) {
                Node.Mapping tm = mapping(t, "a thread: a mapping with name and bursts or program");
                allow(tm, THREAD, "thread");
                Node tn = require(tm, "name", "thread");
                String tname = name(tn, "thread name");
                if (!seen.add(tname)) {
                    throw OsimException.badInput(tn.at(), "process '" + name + "' has two threads named '" + tname + "'");
                }
                threads.add(new ThreadSpec(name + "." + tname, body(tm, tname, programs)));
            }
            if (threads.isEmpty()) {
                throw OsimException.badInput(tf.value().at(), "process '" + name + "' has an empty thread list");
            }
        } else {
            Program p = program(m.fields().get(bodies.get(0)).value(), programs);
            threads.add(new ThreadSpec(name, repeat > 1 ? p.repeated(repeat) : p));
        }
        Node.Field gangField = m.fields().get("gang");
        boolean gang = gangField != null;
        if (gang) {
            if (threads.size() != 1 || bodies.get(0).equals("threads") || popup || !threading.equals(ThreadingSpec.KERNEL)) {
                throw OsimException.badInput(gangField.keyAt(), "'gang: N' makes N kernel threads of the process's bursts or "
                        + "program: use it with bursts or program, without threads, popup or a threadModel");
            }
            int size = (int) integer(gangField.value(), 1, MachineSection.MAX_CPUS, "a gang size from 1 to " + MachineSection.MAX_CPUS);
            Program body = threads.get(0).program();
            threads.clear();
            if (size == 1) {
                threads.add(new ThreadSpec(name, body));
            }
            for (int i = 1; size > 1 && i <= size; i++) {
                threads.add(new ThreadSpec(name + "." + i, body)); // one program, held once, run by each
            }
        }
        return new ProcessSpec(name, arrival, priority, nice, tickets, user, runtime, threads, programs, java.util.Optional.empty(),
                affinity, threading, messages, popup, gang);
    }

    /**
     * A periodic or sporadic process: each job runs its program ({@code bursts}/{@code program}, or just
     * {@code cpu wcet}); the first job is released at arrival + offset.
     */
    private ProcessSpec realTime(Node.Mapping m, Node nameNode, String name, long arrival, int priority, int nice,
                                 int tickets, String user, OptionalLong runtime, Map<String, Program> programs,
                                 int repeat, String kind, List<Integer> affinity) {
        boolean sporadic = kind.equals("sporadic");
        Node.Field f = m.fields().get(kind);
        Node.Mapping rt = mapping(f.value(), sporadic
                ? "a sporadic block: { interval, extra, wcet, deadline, offset, jobs }"
                : "a periodic block: { period, wcet, deadline, offset, jobs }");
        allow(rt, sporadic ? SPORADIC : PERIODIC, kind + " block");
        long period = duration(require(rt, sporadic ? "interval" : "period", kind + " block"), true);
        long deadline = optional(rt, "deadline").map(v -> duration(v, true)).orElse(period);
        long offset = optional(rt, "offset").map(v -> duration(v, false)).orElse(0L);
        java.util.OptionalInt jobs = optional(rt, "jobs").map(v -> java.util.OptionalInt.of((int) integer(v, 1, 100_000_000,
                "a number of jobs from 1 to 100,000,000"))).orElse(java.util.OptionalInt.empty());
        boolean abort = optional(rt, "abortOnMiss").or(() -> optional(m, "abortOnMiss"))
                .map(v -> flag(v)).orElse(false);
        List<String> bodies = present(m, "bursts", "program");
        Optional<Node> wcet = optional(rt, "wcet");
        if (m.fields().containsKey("threads")) {
            throw OsimException.badInput(m.fields().get("threads").keyAt(), "a " + kind + " process has one thread: give its job as wcet, bursts or program");
        }
        if (bodies.size() + (wcet.isPresent() ? 1 : 0) != 1) {
            throw OsimException.badInput(nameNode.at(), kind + " process '" + name + "' needs exactly one of wcet (in its "
                    + kind + " block), bursts or program: what one job runs");
        }
        Program job = wcet.isPresent() ? Program.of(new Instruction.Compute(duration(wcet.get(), true)))
                : program(m.fields().get(bodies.get(0)).value(), programs);
        if (repeat > 1) {
            job = job.repeated(repeat);
        }
        List<Long> releases = List.of();
        Optional<Node> given = sporadic ? optional(rt, "releases") : Optional.empty();
        if (given.isPresent()) {
            releases = SporadicReleases.listed(rt, given.get(), jobs);
            jobs = java.util.OptionalInt.of(releases.size());
        } else if (sporadic) {
            if (jobs.isEmpty() && runLength.isEmpty()) {
                throw OsimException.badInput(f.keyAt(), "a sporadic process needs 'jobs', or the workload needs a 'duration'");
            }
            Distribution extra = optional(rt, "extra").map(v -> ProcessGenerator.distribution(v, false)).orElse(new Distribution(Distribution.Kind.CONST, 0, 0, false));
            SplittableRandom random = new RandomStreams(seed).stream("sporadic[" + name + "]");
            List<Long> drawn = new ArrayList<>();
            long t = 0;
            long end = runLength.isPresent() ? runLength.getAsLong() - arrival - offset : Long.MAX_VALUE;
            for (int k = 0; jobs.isPresent() ? k < jobs.getAsInt() : t < end; k++) {
                drawn.add(t);
                t += period + ProcessGenerator.round(extra.sample(random), SimTime.NANOS_PER_MICRO, 0);
            }
            releases = drawn;
        } else if (jobs.isEmpty() && runLength.isEmpty()) {
            throw OsimException.badInput(f.keyAt(), "a periodic process needs 'jobs', or the workload needs a 'duration'");
        }
        PeriodicSpec spec = new PeriodicSpec(period, deadline, jobs, abort, releases);
        return new ProcessSpec(name, arrival + offset, priority, nice, tickets, user, runtime,
                List.of(new ThreadSpec(name, job)), programs, Optional.of(spec), affinity, ThreadingSpec.KERNEL, List.of(), false);
    }

    /**
     * {@code messages: [ { device, handler, count, start, arrival } ]}: streams of arriving messages, their
     * arrival times drawn from the seed (stream {@code messages[i]} of the process: the same for a process
     * of the same name in another workload, so servers can be compared on the same requests).
     */
    private List<MessageStream> messages(Node n, Map<String, Program> programs) {
        List<MessageStream> out = new ArrayList<>();
        List<Node> items = sequence(n, "a list of message streams").items();
        for (int i = 0; i < items.size(); i++) {
            Node.Mapping s = mapping(items.get(i), "a message stream: { handler, count, arrival, start, device }");
            allow(s, MESSAGES, "message stream");
            Node handlerNode = require(s, "handler", "message stream");
            String handler = name(handlerNode, "handler program");
            if (!programs.containsKey(handler)) {
                throw OsimException.badInput(handlerNode.at(), "handler '" + handler + "' is not one of this process's programs"
                        + known("programs", programs.keySet()));
            }
            int count = (int) integer(require(s, "count", "message stream"), 1, 10_000_000, "a message count from 1 to 10,000,000");
            long start = optional(s, "start").map(v -> duration(v, false)).orElse(0L);
            Distribution gap = optional(s, "arrival").map(v -> ProcessGenerator.distribution(v, false))
                    .orElse(new Distribution(Distribution.Kind.CONST, 0, 0, false));
            String device = optional(s, "device").map(v -> name(v, "device name")).orElse("network");
            SplittableRandom random = new RandomStreams(seed).stream("messages[" + i + "]");
            List<Long> arrivals = new ArrayList<>(count);
            long t = start;
            for (int k = 0; k < count; k++) {
                if (k > 0) {
                    t += ProcessGenerator.round(gap.sample(random), SimTime.NANOS_PER_MICRO, 0);
                }
                arrivals.add(t);
            }
            out.add(new MessageStream(device, handler, arrivals));
        }
        return out;
    }

    private Program body(Node.Mapping m, String owner, Map<String, Program> programs) {
        List<String> bodies = present(m, "bursts", "program");
        if (bodies.size() != 1) {
            throw OsimException.badInput(m.at(), "thread '" + owner + "' needs exactly one of bursts or program");
        }
        Program p = program(m.fields().get(bodies.get(0)).value(), programs);
        int repeat = optional(m, "repeat").map(v -> (int) integer(v, 1, 100_000_000, "a repeat count from 1 to 100,000,000")).orElse(1);
        return repeat > 1 ? p.repeated(repeat) : p;
    }

    private static List<String> present(Node.Mapping m, String... keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (m.fields().containsKey(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** A program: a list of instruction strings, or one text with an instruction per line (or separated by ;). */
    private Program program(Node n, Map<String, Program> programs) {
        List<Instruction> out = new ArrayList<>();
        if (n instanceof Node.Sequence s) {
            for (Node item : s.items()) {
                Node.Scalar sc = scalar(item, "an instruction such as 'cpu 5ms'");
                java.util.Optional<Instruction> burst = ProgramText.burst(sc.text()); // most of a trace: no parser needed
                if (burst.isPresent()) {
                    out.add(burst.get());
                } else {
                    out.addAll(parseText(sc, programs).instructions());
                }
            }
        } else if (n instanceof Node.Scalar sc && !sc.isNull()) {
            out.addAll(parseText(sc, programs).instructions());
        } else {
            throw OsimException.badInput(n.at(), "expected a program: a list like [cpu 8ms, io 10ms] or a text of instructions, got " + n.kind());
        }
        if (out.isEmpty()) {
            throw OsimException.badInput(n.at(), "the program is empty; expected at least one instruction");
        }
        return new Program(out);
    }

    private Program parseText(Node.Scalar sc, Map<String, Program> programs) {
        Expanded ex = expand(sc);
        ProgramText.Parsed parsed;
        try {
            parsed = ProgramText.parseWithPlaces(ex.text());
        } catch (ProgramSyntaxException e) {
            throw OsimException.badInput(ex.place(e.line(), e.column()), e.problem());
        } catch (IllegalArgumentException e) {
            throw OsimException.badInput(sc.at(), e.getMessage());
        }
        // Record the place of each instruction that a check across the workload looks at (names an object, a
        // word, a segment, a program or a process); bursts, the bulk of a trace, name nothing.
        Program p = parsed.program();
        for (int i = 0; i < p.size(); i++) {
            Instruction in = p.instructions().get(i);
            if (in instanceof Instruction.Compute || in instanceof Instruction.Io || in instanceof Instruction.Sleep
                    || in instanceof Instruction.Yield || in instanceof Instruction.Exit) {
                continue;
            }
            ProgramText.Place at = parsed.places().get(i);
            located.add(new Located(in, ex.place(at.line(), at.column()), programs, currentProcess));
        }
        return p;
    }

    /** A program's text with its {@code .include}s expanded, and where each of its lines comes from. */
    private record Expanded(String text, List<SourceLocation> lineStarts, List<Boolean> inScalar, Node.Scalar sc,
                            WorkloadReader reader) {
        SourceLocation place(int line, int column) {
            int i = Math.max(0, Math.min(line - 1, lineStarts.size() - 1));
            if (inScalar.get(i)) {
                return reader.place(sc, lineStarts.get(i).line(), column);
            }
            return new SourceLocation(lineStarts.get(i).file(), lineStarts.get(i).line(), column);
        }
    }

    private static final java.util.regex.Pattern INCLUDE = java.util.regex.Pattern.compile("\\s*\\.include\\s+(\\S+)\\s*");

    private Expanded expand(Node.Scalar sc) {
        StringBuilder text = new StringBuilder();
        List<SourceLocation> starts = new ArrayList<>();
        List<Boolean> inScalar = new ArrayList<>();
        String[] lines = sc.text().split("\n", -1);
        for (int ln = 0; ln < lines.length; ln++) {
            java.util.regex.Matcher m = lines[ln].contains(".include") ? INCLUDE.matcher(uncommented(lines[ln])) : null;
            if (m != null && m.matches()) {
                String name = m.group(1);
                int column = lines[ln].indexOf(name) + 1;
                String[] lib = library(name, place(sc, ln + 1, column));
                String[] libLines = lib[1].split("\n", -1);
                for (int i = 0; i < libLines.length; i++) {
                    if (INCLUDE.matcher(uncommented(libLines[i])).matches()) {
                        throw OsimException.badInput(new SourceLocation(lib[0], i + 1, 1), "a library cannot include another");
                    }
                    append(text, libLines[i]);
                    starts.add(new SourceLocation(lib[0], i + 1, 1));
                    inScalar.add(false);
                }
            } else {
                append(text, lines[ln]);
                starts.add(new SourceLocation(file, ln + 1, 1));
                inScalar.add(true);
            }
        }
        return new Expanded(text.toString(), starts, inScalar, sc, this);
    }

    private static String uncommented(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static void append(StringBuilder text, String line) {
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append(line);
    }

    /** Library {@code name}, a file beside the workload or a standard library: its name for errors, and its text. */
    private String[] library(String name, SourceLocation at) {
        try {
            java.nio.file.Path beside = java.nio.file.Path.of(file).resolveSibling(name);
            if (java.nio.file.Files.isRegularFile(beside)) {
                return new String[] {beside.toString(), java.nio.file.Files.readString(beside)};
            }
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            throw OsimException.badInput(at, "cannot read library '" + name + "': " + e.getMessage());
        }
        String base = name.endsWith(".s") ? name.substring(0, name.length() - 2) : name;
        try (java.io.InputStream in = WorkloadReader.class.getResourceAsStream("/org/osim/workloads/lib/" + base + ".s")) {
            if (in != null) {
                return new String[] {"lib/" + base + ".s", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)};
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw OsimException.badInput(at, "no library '" + name + "': neither a file beside the workload nor a standard one "
                + "(" + String.join(", ", STANDARD_LIBRARIES) + ")");
    }

    static final List<String> STANDARD_LIBRARIES = List.of("mutex-yield", "ticket-lock", "tsl-lock", "xchg-lock");

    /** The text's line index, made on first use (most workloads never need a place inside a scalar). */
    private SourceText source() {
        if (source == null) {
            source = new SourceText(text);
        }
        return source;
    }

    /** Where line {@code line}, column {@code column} of a scalar's text stands in the file. */
    private SourceLocation place(Node.Scalar sc, int line, int column) {
        SourceLocation at = sc.at();
        if (sc.block()) {
            int fileLine = at.line() + line; // a block scalar's text starts on the line after '|'
            return new SourceLocation(file, fileLine, source().indent(fileLine) + column);
        }
        int c = source().charAt(at.line(), at.column() - 1);
        int quote = c == '"' || c == '\'' ? 1 : 0;
        return line == 1 ? new SourceLocation(file, at.line(), at.column() + quote + column - 1) : at.shifted(line - 1, column);
    }


}
