package org.osim.workloads;

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
import org.osim.api.workload.ThreadModel;
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
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]*");
    private static final Set<String> TOP = ordered("name", "description", "machine", "duration", "users", "objects", "shared", "segments", "parameters", "scheduler",
            "processes", "generate");
    private static final Set<String> MACHINE = ordered("cpus", "profile", "tick", "userInterrupts", "bus", "interrupts");
    private static final Set<String> PROCESS = ordered("name", "arrival", "bursts", "program", "threads", "programs",
            "repeat", "priority", "nice", "tickets", "user", "runtime", "periodic", "sporadic", "abortOnMiss", "affinity",
            "threadModel", "kernelThreads", "runtimeScheduler", "messages", "popup");
    private static final Set<String> MESSAGES = ordered("device", "handler", "count", "start", "arrival");
    private static final Set<String> PERIODIC = ordered("period", "wcet", "deadline", "offset", "jobs", "abortOnMiss");
    private static final Set<String> SPORADIC = ordered("interval", "extra", "wcet", "deadline", "offset", "jobs", "abortOnMiss");
    private static final Set<String> THREAD = ordered("name", "bursts", "program", "repeat");
    private static final Set<String> GENERATE = ordered("count", "name", "start", "arrival", "cycles", "cpu", "io",
            "device", "priority", "tickets", "user", "resolution", "program");

    private final String file;
    private final String text;
    private final long seed;
    /** Every instruction with its place, for checks that need the whole workload. */
    private final List<Located> located = new ArrayList<>();
    /** The workload's duration, known before processes are read: sporadic releases are drawn up to it. */
    private OptionalLong runLength = OptionalLong.empty();

    private record Located(Instruction instruction, SourceLocation at, Map<String, Program> programs, String process) {}
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
        Node root = YamlTree.parse(file, text);
        List<WorkloadParameter> parameters = parameters(file, root, settings);
        String substituted = text;
        if (!parameters.isEmpty()) { // the text changes with the values: read it again
            substituted = substitute(file, text, parameters);
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

    /** The parameters the workload {@code root} declares, with the values {@code settings} give them. */
    private static List<WorkloadParameter> parameters(String file, Node root, Map<String, String> settings) {
        Map<String, WorkloadParameter> declared = new LinkedHashMap<>();
        if (root instanceof Node.Mapping m && m.fields().containsKey("parameters")) {
            Node.Mapping block = mapping(m.fields().get("parameters").value(),
                    "a mapping of parameter names to defaults, e.g. { items: 20, size: { default: 4, help: the buffer size } }");
            for (Node.Field f : block.fields().values()) {
                if (!f.key().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw OsimException.badInput(f.keyAt(), "expected a parameter name (a letter, then letters, digits or _), got '"
                            + f.key() + "'");
                }
                String value;
                String help = "";
                if (f.value() instanceof Node.Mapping pm) {
                    allow(pm, Set.of("default", "help"), "parameter");
                    value = scalar(require(pm, "default", "parameter"), "a default value").text().strip();
                    help = optional(pm, "help").map(h -> scalar(h, "a line of help").text().strip()).orElse("");
                } else {
                    value = scalar(f.value(), "a default value, or { default, help }").text().strip();
                }
                checkValue(value, f.value().at(), "");
                declared.put(f.key(), new WorkloadParameter(f.key(), value, value, help));
            }
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(settings).entrySet()) { // sorted: the same error first
            WorkloadParameter p = declared.get(e.getKey());
            if (p == null) {
                throw OsimException.badInput(file + ": the workload has no parameter '" + e.getKey() + "'"
                        + known("parameters", declared.keySet()));
            }
            checkValue(e.getValue(), null, "parameter " + e.getKey() + ": ");
            declared.put(p.name(), new WorkloadParameter(p.name(), p.defaultValue(), e.getValue(), p.help()));
        }
        return List.copyOf(declared.values());
    }

    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:+-]+");
    private static final Pattern REFERENCE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** A value is one plain token (a number, a duration, a name), so that it cannot change the YAML around it. */
    private static void checkValue(String value, SourceLocation at, String what) {
        if (!VALUE.matcher(value).matches()) {
            String message = what + "expected a parameter value: a number, a duration or a name (letters, digits, _ . : + -), got '" + value + "'";
            throw at == null ? OsimException.badInput(message) : OsimException.badInput(at, message);
        }
    }

    /** {@code text} with each {@code $name} replaced by the parameter's value; an undeclared one is an error where it is. */
    private static String substitute(String file, String text, List<WorkloadParameter> parameters) {
        Map<String, String> values = new HashMap<>();
        parameters.forEach(p -> values.put(p.name(), p.value()));
        java.util.regex.Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < m.start(); i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                throw OsimException.badInput(new SourceLocation(file, line, m.start() - lineStart + 1),
                        "no parameter '" + m.group(1) + "'" + known("parameters", values.keySet()));
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Set<String> ordered(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }

    private Workload workload(Node root) {
        Node.Mapping m = mapping(root, "a workload: a mapping with name, processes, …");
        allow(m, TOP, "workload");
        String name = optional(m, "name").map(n -> name(n, "workload name")).orElse(baseName(file));
        runLength = optional(m, "duration").map(v -> OptionalLong.of(duration(v, true))).orElse(OptionalLong.empty());
        String description = optional(m, "description").map(n -> scalar(n, "a description").text()).orElse("");
        MachineSpec machine = optional(m, "machine").map(this::machine).orElse(MachineSpec.DEFAULT);
        List<UserSpec> users = optional(m, "users").map(WorkloadReader::users).orElse(List.of());
        List<ProcessSpec> processes = new ArrayList<>();
        Map<String, SourceLocation> names = new HashMap<>();
        optional(m, "processes").ifPresent(n -> {
            for (Node p : sequence(n, "a list of processes").items()) {
                ProcessSpec spec = process(p);
                SourceLocation at = ((Node.Mapping) p).fields().get("name").value().at();
                if (names.putIfAbsent(spec.name(), at) != null) {
                    throw OsimException.badInput(at, "a process named '" + spec.name() + "' is already declared at "
                            + names.get(spec.name()));
                }
                processes.add(spec);
            }
        });
        optional(m, "generate").ifPresent(n -> {
            List<Node> blocks = sequence(n, "a list of generator blocks").items();
            for (int i = 0; i < blocks.size(); i++) {
                for (ProcessSpec spec : generate(blocks.get(i), i)) {
                    if (names.putIfAbsent(spec.name(), blocks.get(i).at()) != null) {
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
        checkReferences(names.keySet());
        List<ObjectSpec> objects = optional(m, "objects").map(WorkloadReader::objects).orElse(List.of());
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
        Map<String, List<Long>> shared = optional(m, "shared").map(n -> words(n, new HashMap<>(), "shared")).orElse(Map.of());
        Map<String, Map<String, List<Long>>> segments = optional(m, "segments").map(n -> segments(n, shared)).orElse(Map.of());
        checkSegments(segments);
        checkMemory(shared, segments);
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

    /** {@code segments: { buffer: { count: 0, slots: [0, 0, 0, 0] } }}: named segments a process attaches. */
    private static Map<String, Map<String, List<Long>>> segments(Node n, Map<String, List<Long>> shared) {
        Map<String, String> owner = new HashMap<>();
        shared.keySet().forEach(w -> owner.put(w, "shared"));
        Map<String, Map<String, List<Long>>> out = new java.util.LinkedHashMap<>();
        for (var e : mapping(n, "a mapping of segment names to their words, e.g. { buffer: { count: 0, slots: [0, 0] } }")
                .fields().entrySet()) {
            if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                throw OsimException.badInput(e.getValue().keyAt(), "expected a segment name (a letter, then letters, digits, _ or -), got '"
                        + e.getKey() + "'");
            }
            out.put(e.getKey(), words(e.getValue().value(), owner, "segment " + e.getKey()));
        }
        return out;
    }

    /** Every {@code attach} and {@code detach} names a declared segment. */
    private void checkSegments(Map<String, Map<String, List<Long>>> segments) {
        for (Located l : located) {
            String segment = l.instruction() instanceof Instruction.Attach a ? a.segment()
                    : l.instruction() instanceof Instruction.Detach d ? d.segment() : null;
            if (segment != null && !segments.containsKey(segment)) {
                throw OsimException.badInput(l.at(), l.instruction().toString().split(" ")[0] + " names segment '" + segment
                        + "', which the workload does not declare" + known("segments", segments.keySet()));
            }
        }
    }

    /**
     * Memory words with their initial values, e.g. {@code { turn: 0, interested: [0, 0] }}, for {@code where}
     * ("shared" or "segment NAME"); {@code owner} says where each word seen so far was declared, as a word may be declared once.
     */
    private static Map<String, List<Long>> words(Node n, Map<String, String> owner, String where) {
        Map<String, List<Long>> words = new java.util.LinkedHashMap<>();
        for (var e : mapping(n, "a mapping of memory words to initial values, e.g. { turn: 0, interested: [0, 0] }")
                .fields().entrySet()) {
            String word = e.getKey();
            if (!word.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw OsimException.badInput(e.getValue().keyAt(), "expected a word name (a letter, then letters, digits or _), got '"
                        + word + "'");
            }
            String before = owner.putIfAbsent(word, where);
            if (before != null) {
                throw OsimException.badInput(e.getValue().keyAt(), "memory word '" + word + "' is already declared in " + before
                        + "; a word name may be used once across shared and the segments");
            }
            Node v = e.getValue().value();
            List<Long> values = new ArrayList<>();
            if (v instanceof Node.Sequence seq) {
                for (Node item : seq.items()) {
                    values.add(integer(item, Long.MIN_VALUE, Long.MAX_VALUE, "a whole number"));
                }
                if (values.isEmpty()) {
                    throw OsimException.badInput(v.at(), "an array needs at least one element");
                }
            } else if (v instanceof Node.Mapping array) { // { size: 64, value: 0 }: an array of one value
                allow(array, Set.of("size", "value"), "array");
                long size = integer(require(array, "size", "array"), 1, 1_000_000, "an array size from 1 to 1,000,000");
                long value = optional(array, "value").map(x -> integer(x, Long.MIN_VALUE, Long.MAX_VALUE, "a whole number")).orElse(0L);
                for (long i = 0; i < size; i++) {
                    values.add(value);
                }
            } else {
                values.add(integer(v, Long.MIN_VALUE, Long.MAX_VALUE, "a whole number, a list of them for an array, "
                        + "or { size: N, value: V }"));
            }
            words.put(word, values);
        }
        return words;
    }

    /** Every memory word a machine instruction names is declared (.word in the process, or shared), where it is used. */
    private void checkMemory(Map<String, List<Long>> shared, Map<String, Map<String, List<Long>>> segments) {
        Map<String, Set<String>> declared = new HashMap<>();
        for (Located l : located) {
            if (l.instruction() instanceof Instruction.Word w) {
                declared.computeIfAbsent(l.process(), k -> new java.util.HashSet<>()).add(w.name());
            }
        }
        for (Located l : located) {
            if (l.instruction() instanceof Instruction.Machine mi && mi.target() < 0
                    && mi.op() != org.osim.api.program.MachineOp.ENTER && mi.op() != org.osim.api.program.MachineOp.LEAVE
                    && mi.op() != org.osim.api.program.MachineOp.WANT && mi.op() != org.osim.api.program.MachineOp.FAST) {
                for (var o : mi.operands()) {
                    if (o instanceof org.osim.api.program.Operand.Memory mem && !shared.containsKey(mem.word())
                            && segments.values().stream().noneMatch(seg -> seg.containsKey(mem.word()))
                            && !declared.getOrDefault(l.process(), Set.of()).contains(mem.word())) {
                        throw OsimException.badInput(l.at(), mi.op().mnemonic() + " names memory word '" + mem.word()
                                + "', which is neither declared in process " + l.process() + " (.word " + mem.word()
                                + " 0) nor shared (shared: { " + mem.word() + ": 0 }) nor in a segment");
                    }
                }
            }
        }
    }

    private static String baseName(String file) {
        String base = file.replaceAll(".*[/\\\\]", "");
        return base.replaceAll("\\.(ya?ml|json)$", "");
    }

    /** {@code objects: [ { name: mutex, type: semaphore, initial: 1 } ]}: the other keys are the type's parameters. */
    private static List<ObjectSpec> objects(Node n) {
        List<ObjectSpec> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Node item : sequence(n, "a list of kernel objects").items()) {
            Node.Mapping m = mapping(item, "a kernel object: { name, type, parameters… }");
            Node nameNode = require(m, "name", "kernel object");
            String name = name(nameNode, "object name");
            if (!names.add(name)) {
                throw OsimException.badInput(nameNode.at(), "two kernel objects are named '" + name + "'");
            }
            Node typeNode = require(m, "type", "kernel object");
            String type = scalar(typeNode, "an object type such as semaphore").text().strip();
            Map<String, String> params = new LinkedHashMap<>();
            Map<String, SourceLocation> at = new LinkedHashMap<>();
            for (Node.Field f : m.fields().values()) {
                if (!f.key().equals("name") && !f.key().equals("type")) {
                    params.put(f.key(), scalar(f.value(), "a value for parameter " + f.key()).text().strip());
                    at.put(f.key(), f.keyAt());
                }
            }
            out.add(new ObjectSpec(name, type, params, Optional.of(typeNode.at()), at));
        }
        return out;
    }

    /** {@code users: { alice: 2, bob: 1 }}: each user's share of the CPU. */
    private static List<UserSpec> users(Node n) {
        List<UserSpec> out = new ArrayList<>();
        for (Node.Field f : mapping(n, "a mapping of user names to shares, e.g. { alice: 2, bob: 1 }").fields().values()) {
            if (!NAME.matcher(f.key()).matches()) {
                throw OsimException.badInput(f.keyAt(), "expected a user name (a letter, then letters, digits, _ or -), got '" + f.key() + "'");
            }
            out.add(new UserSpec(f.key(), (int) integer(f.value(), 1, 1_000_000, "a share of at least 1")));
        }
        return out;
    }

    private MachineSpec machine(Node n) {
        Node.Mapping m = mapping(n, "a machine: a mapping with cpus, profile, tick");
        allow(m, MACHINE, "machine");
        int cpus = optional(m, "cpus").map(v -> (int) integer(v, 1, 1024, "a CPU count from 1 to 1024")).orElse(1);
        String profile = optional(m, "profile").map(v -> {
            String p = scalar(v, "a profile name").text();
            if (!p.equals("textbook") && !p.equals("modern")) {
                throw OsimException.badInput(v.at(), "unknown machine profile '" + p + "' (expected textbook or modern)");
            }
            return p;
        }).orElse("textbook");
        long tick = optional(m, "tick").map(v -> duration(v, false)).orElse(0L);
        boolean userInterrupts = optional(m, "userInterrupts").map(WorkloadReader::flag).orElse(false);
        boolean bus = optional(m, "bus").map(WorkloadReader::flag).orElse(false);
        int every = optional(m, "interrupts").map(v -> {
            String text = scalar(v, "random(N): an interrupt about every N instructions").text().strip();
            java.util.regex.Matcher r = java.util.regex.Pattern.compile("random\\(\\s*([0-9]{1,7})\\s*\\)").matcher(text);
            if (!r.matches() || Long.parseLong(r.group(1)) < 1 || Long.parseLong(r.group(1)) > 1_000_000) {
                throw OsimException.badInput(v.at(), "expected random(N), an interrupt about every N machine instructions "
                        + "(N from 1 to 1,000,000), got '" + text + "'");
            }
            return Integer.parseInt(r.group(1));
        }).orElse(0);
        return new MachineSpec(cpus, profile, tick, userInterrupts, bus, every);
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
        List<Integer> affinity = optional(m, "affinity").map(WorkloadReader::affinity).orElse(List.of());
        ThreadingSpec threading = threading(m);
        boolean popup = optional(m, "popup").map(WorkloadReader::flag).orElse(false);
        int nice = optional(m, "nice").map(v -> (int) integer(v, -20, 19, "a nice value from -20 to 19")).orElse(0);
        int tickets = optional(m, "tickets").map(v -> (int) integer(v, 1, Integer.MAX_VALUE, "a ticket count of at least 1")).orElse(1);
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
        return new ProcessSpec(name, arrival, priority, nice, tickets, user, runtime, threads, programs, java.util.Optional.empty(),
                affinity, threading, messages, popup);
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
                "a number of jobs of at least 1"))).orElse(java.util.OptionalInt.empty());
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
        if (sporadic) {
            if (jobs.isEmpty() && runLength.isEmpty()) {
                throw OsimException.badInput(f.keyAt(), "a sporadic process needs 'jobs', or the workload needs a 'duration'");
            }
            Distribution extra = optional(rt, "extra").map(v -> distribution(v, false)).orElse(new Distribution(Distribution.Kind.CONST, 0, 0, false));
            SplittableRandom random = new RandomStreams(seed).stream("sporadic[" + name + "]");
            List<Long> drawn = new ArrayList<>();
            long t = 0;
            long end = runLength.isPresent() ? runLength.getAsLong() - arrival - offset : Long.MAX_VALUE;
            for (int k = 0; jobs.isPresent() ? k < jobs.getAsInt() : t < end; k++) {
                drawn.add(t);
                t += period + round(extra.sample(random), SimTime.NANOS_PER_MICRO, 0);
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
            int count = (int) integer(require(s, "count", "message stream"), 1, 10_000_000, "a message count of at least 1");
            long start = optional(s, "start").map(v -> duration(v, false)).orElse(0L);
            Distribution gap = optional(s, "arrival").map(v -> distribution(v, false))
                    .orElse(new Distribution(Distribution.Kind.CONST, 0, 0, false));
            String device = optional(s, "device").map(v -> name(v, "device name")).orElse("network");
            SplittableRandom random = new RandomStreams(seed).stream("messages[" + i + "]");
            List<Long> arrivals = new ArrayList<>(count);
            long t = start;
            for (int k = 0; k < count; k++) {
                if (k > 0) {
                    t += round(gap.sample(random), SimTime.NANOS_PER_MICRO, 0);
                }
                arrivals.add(t);
            }
            out.add(new MessageStream(device, handler, arrivals));
        }
        return out;
    }

    /** {@code threadModel}, {@code kernelThreads} and {@code runtimeScheduler} of a process. */
    private static ThreadingSpec threading(Node.Mapping m) {
        ThreadModel model = optional(m, "threadModel").map(v -> {
            String text = scalar(v, "a thread model").text().strip();
            return switch (text) {
                case "kernel" -> ThreadModel.KERNEL;
                case "user" -> ThreadModel.USER;
                case "hybrid" -> ThreadModel.HYBRID;
                case "activations" -> ThreadModel.ACTIVATIONS;
                default -> throw OsimException.badInput(v.at(), "unknown thread model '" + text
                        + "' (expected kernel, user, hybrid or activations)");
            };
        }).orElse(ThreadModel.KERNEL);
        Optional<Node> k = optional(m, "kernelThreads");
        if (k.isPresent() && model != ThreadModel.HYBRID && model != ThreadModel.ACTIVATIONS) {
            throw OsimException.badInput(m.fields().get("kernelThreads").keyAt(),
                    "'kernelThreads' is for threadModel hybrid (kernel threads) or activations (virtual processors)");
        }
        int kernelThreads = k.map(v -> (int) integer(v, 1, 1024, "a number of kernel threads of at least 1")).orElse(1);
        String runtime = "fcfs";
        java.util.Map<String, String> params = java.util.Map.of();
        Optional<Node> rs = optional(m, "runtimeScheduler");
        if (rs.isPresent()) {
            if (model == ThreadModel.KERNEL) {
                throw OsimException.badInput(m.fields().get("runtimeScheduler").keyAt(),
                        "'runtimeScheduler' is for user-level thread models (user, hybrid, activations): the kernel schedules kernel threads");
            }
            String spec = scalar(rs.get(), "a scheduler such as fcfs or rr:quantum=5ms").text().strip();
            int colon = spec.indexOf(':');
            runtime = colon < 0 ? spec : spec.substring(0, colon);
            java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
            if (colon >= 0) {
                for (String kv : spec.substring(colon + 1).split(",")) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw OsimException.badInput(rs.get().at(), "expected NAME:K=V,K=V, got '" + spec + "'");
                    }
                    p.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                }
            }
            params = p;
        }
        return new ThreadingSpec(model, kernelThreads, runtime, params);
    }

    /** {@code affinity: [0, 2]}: the CPUs a process may run on. */
    private static List<Integer> affinity(Node n) {
        List<Integer> out = new ArrayList<>();
        for (Node item : sequence(n, "a list of CPU numbers, e.g. [0, 2]").items()) {
            int cpu = (int) integer(item, 0, 1023, "a CPU number from 0");
            if (out.contains(cpu)) {
                throw OsimException.badInput(item.at(), "cpu " + cpu + " is listed twice");
            }
            out.add(cpu);
        }
        if (out.isEmpty()) {
            throw OsimException.badInput(n.at(), "an empty affinity lets the process run nowhere; leave it out to allow every CPU");
        }
        return out;
    }

    private static boolean flag(Node n) {
        String v = scalar(n, "true or false").text().strip();
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw OsimException.badInput(n.at(), "expected true or false, got '" + v + "'");
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
                out.addAll(parseText(sc, programs).instructions());
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
        // Record each instruction's place for the checks that need the whole workload.
        Program p = parsed.program();
        for (int i = 0; i < p.size(); i++) {
            ProgramText.Place at = parsed.places().get(i);
            located.add(new Located(p.instructions().get(i), ex.place(at.line(), at.column()), programs, currentProcess));
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
            java.util.regex.Matcher m = INCLUDE.matcher(lines[ln].replaceAll("#.*", ""));
            if (m.matches()) {
                String name = m.group(1);
                int column = lines[ln].indexOf(name) + 1;
                String[] lib = library(name, place(sc, ln + 1, column));
                String[] libLines = lib[1].split("\n", -1);
                for (int i = 0; i < libLines.length; i++) {
                    if (INCLUDE.matcher(libLines[i].replaceAll("#.*", "")).matches()) {
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

    /** Where line {@code line}, column {@code column} of a scalar's text stands in the file. */
    private SourceLocation place(Node.Scalar sc, int line, int column) {
        SourceLocation at = sc.at();
        if (sc.block()) {
            int fileLine = at.line() + line; // a block scalar's text starts on the line after '|'
            return new SourceLocation(file, fileLine, YamlTree.indentOf(text, fileLine - 1) + column);
        }
        int quote = 0;
        String[] ls = text.split("\n", -1);
        if (at.line() - 1 < ls.length) {
            String l = ls[at.line() - 1];
            int c = at.column() - 1;
            if (c < l.length() && (l.charAt(c) == '"' || l.charAt(c) == '\'')) {
                quote = 1;
            }
        }
        return line == 1 ? new SourceLocation(file, at.line(), at.column() + quote + column - 1) : at.shifted(line - 1, column);
    }

    private void checkReferences(Set<String> processNames) {
        for (Located l : located) {
            Instruction in = l.instruction();
            if (in instanceof Instruction.Spawn s && !l.programs().containsKey(s.program())) {
                throw OsimException.badInput(l.at(), "spawn names program '" + s.program() + "', which this process does not declare"
                        + known("programs", l.programs().keySet()));
            } else if (in instanceof Instruction.Fork f && !l.programs().containsKey(f.program())) {
                throw OsimException.badInput(l.at(), "fork names program '" + f.program() + "', which this process does not declare"
                        + known("programs", l.programs().keySet()));
            } else if (in instanceof Instruction.Join j && j.program().isPresent() && !l.programs().containsKey(j.program().get())) {
                throw OsimException.badInput(l.at(), "join names program '" + j.program().get() + "', which this process does not declare"
                        + known("programs", l.programs().keySet()));
            } else if (in instanceof Instruction.SendSignal sig && !sig.target().equals("self") && !sig.target().contains("/")
                    && !processNames.contains(sig.target().replaceFirst("^group:", ""))) {
                throw OsimException.badInput(l.at(), "signal names process '" + sig.target().replaceFirst("^group:", "")
                        + "', which the workload does not declare");
            } else if (in instanceof Instruction.Kill k && !k.process().contains("/") && !processNames.contains(k.process())) {
                throw OsimException.badInput(l.at(), "kill names process '" + k.process() + "', which the workload does not declare");
            } else if (in instanceof Instruction.SetPriority s && !s.process().equals("self") && !s.process().contains("/")) {
                throw OsimException.badInput(l.at(), "setpriority names '" + s.process() + "'; a process may set the priority "
                        + "of itself ('self') or of a child it forked (e.g. A/worker)");
            }
        }
    }

    private static String known(String what, Set<String> names) {
        return names.isEmpty() ? " (it declares no " + what + ")" : " (" + what + ": " + String.join(", ", names) + ")";
    }

    // ---------------------------------------------------------------- generate

    private List<ProcessSpec> generate(Node n, int index) {
        Node.Mapping m = mapping(n, "a generator: a mapping with count, arrival, cpu, …");
        allow(m, GENERATE, "generator");
        int count = (int) integer(require(m, "count", "generator"), 1, 10_000_000, "a process count of at least 1");
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
            currentProcess = prefix;
            given = program(m.fields().get("program").value(), new LinkedHashMap<>());
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
        for (int i = 1; i <= count; i++) {
            if (i > 1) {
                t += round(arrival.sample(random), resolution, 0);
            }
            Program program = given;
            if (program == null) {
                int k = (int) Math.max(1, Math.round(cycles.sample(random)));
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
            String name = prefix + String.format("%0" + width + "d", i);
            out.add(new ProcessSpec(name, t, prio, 0, tix, user, OptionalLong.empty(),
                    List.of(new ThreadSpec(name, program)), Map.of(), java.util.Optional.empty(), List.of(), ThreadingSpec.KERNEL, List.of(), false));
        }
        return out;
    }

    /** Rounds a sampled duration to the resolution, and to at least {@code min}. */
    private static long round(double nanos, long resolution, long min) {
        long r = Math.round(nanos / resolution) * resolution;
        return Math.max(min, r);
    }

    private Distribution distribution(Node n, boolean count) {
        Node.Scalar s = scalar(n, count ? "a number or distribution such as uniform(1,5)" : "a duration or distribution such as exp(10ms)");
        try {
            return count ? Distribution.ofCounts(s.text()) : Distribution.ofDurations(s.text());
        } catch (IllegalArgumentException e) {
            throw OsimException.badInput(s.at(), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- small readers

    private static java.util.Optional<Node> optional(Node.Mapping m, String key) {
        Node.Field f = m.fields().get(key);
        return f == null ? java.util.Optional.empty() : java.util.Optional.of(f.value());
    }

    private static Node require(Node.Mapping m, String key, String what) {
        Node.Field f = m.fields().get(key);
        if (f == null) {
            throw OsimException.badInput(m.at(), "a " + what + " needs '" + key + "'");
        }
        return f.value();
    }

    private static void allow(Node.Mapping m, Set<String> keys, String what) {
        for (Node.Field f : m.fields().values()) {
            if (!keys.contains(f.key())) {
                if (f.key().endsWith(")")) {
                    throw OsimException.badInput(f.keyAt(), "'" + f.key() + "' looks like the end of a distribution cut at its "
                            + "comma: inside { … } write it in quotes, e.g. cpu: \"uniform(1ms,5ms)\"");
                }
                throw OsimException.badInput(f.keyAt(), "unknown field '" + f.key() + "' in " + what
                        + "; expected one of: " + String.join(", ", keys));
            }
        }
    }

    private static Node.Mapping mapping(Node n, String expected) {
        if (n instanceof Node.Mapping m) {
            return m;
        }
        throw OsimException.badInput(n.at(), "expected " + expected + ", got " + n.kind());
    }

    private static Node.Sequence sequence(Node n, String expected) {
        if (n instanceof Node.Sequence s) {
            return s;
        }
        throw OsimException.badInput(n.at(), "expected " + expected + ", got " + n.kind());
    }

    private static Node.Scalar scalar(Node n, String expected) {
        if (n instanceof Node.Scalar s && !s.isNull()) {
            return s;
        }
        throw OsimException.badInput(n.at(), "expected " + expected + ", got " + n.kind());
    }

    private static String name(Node n, String what) {
        String v = scalar(n, "a " + what).text();
        if (!NAME.matcher(v).matches()) {
            throw OsimException.badInput(n.at(), "expected a " + what + " (a letter, then letters, digits, _ or -), got '" + v + "'");
        }
        return v;
    }

    private static long duration(Node n, boolean positive) {
        Node.Scalar s = scalar(n, "a duration such as 4ms");
        long v;
        try {
            v = SimTime.parse(s.text());
        } catch (IllegalArgumentException e) {
            throw OsimException.badInput(s.at(), e.getMessage());
        }
        if (positive && v == 0) {
            throw OsimException.badInput(s.at(), "expected a duration greater than zero, got '" + s.text() + "'");
        }
        return v;
    }

    private static long integer(Node n, long min, long max, String expected) {
        Node.Scalar s = scalar(n, expected);
        long v;
        try {
            v = Long.parseLong(s.text().strip());
        } catch (NumberFormatException e) {
            throw OsimException.badInput(s.at(), "expected " + expected + ", got '" + s.text() + "'");
        }
        if (v < min || v > max) {
            throw OsimException.badInput(s.at(), "expected " + expected + ", got " + v);
        }
        return v;
    }
}
