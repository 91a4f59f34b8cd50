package org.osim.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.osim.api.result.RunResult;
import org.osim.api.result.Violation;
import org.osim.api.sched.StopReason;
import org.osim.api.trace.TraceEvent;
import org.osim.api.trace.TraceListener;

/**
 * A run as a Chrome trace-event file, the JSON that ui.perfetto.dev and chrome://tracing open, written as the run
 * goes (docs/traces.md). Each CPU is a process with three tracks: its slices (named after the thread that ran,
 * exactly the run's recorded slices), idle time and switching overhead, and the kernel threads that carried
 * user-level threads. Each simulated process is a process with a track per thread, whose slices are its states
 * (running, ready, blocked on what). A "kernel" process holds the ready-task counter, the policy's notes and, per
 * kernel object, its notes and counters of what it holds (its waiters, a semaphore's value, a mailbox's messages). Instants mark interrupts, preemptions, signals, upcalls, deadline misses,
 * exits and violations; flows (arrows) go from the thread whose operation woke another to the thread it woke.
 * Times are simulated microseconds, with nanoseconds as three decimals.
 *
 * <p>The events are written as a sequence of JSON objects separated by commas, a fragment of the file's
 * {@code traceEvents} array: {@link #header} and {@link #FOOTER} go around the fragments of one or more runs.
 */
final class PerfettoTrace implements TraceListener {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int CPU_SLICES = 1;
    private static final int CPU_IDLE = 2;
    private static final int CPU_CARRIERS = 3;
    private static final int CPU_READY = 4;
    private static final int KERNEL_READY = 1;
    private static final int KERNEL_POLICY = 2;

    private final JsonGenerator g;
    private final String label;
    private final int pidBase;
    private final Map<String, Integer> processes = new HashMap<>();
    private final Map<String, Track> tracks = new HashMap<>();
    private final Map<String, Integer> objectTracks = new HashMap<>();
    private final Map<Integer, Cpu> cpus = new HashMap<>();
    private int nextTid = 1;
    private int nextFlow = 1;
    private int ready;

    private static final SerializedString PH = new SerializedString("ph");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString CAT = new SerializedString("cat");
    private static final SerializedString PID = new SerializedString("pid");
    private static final SerializedString TID = new SerializedString("tid");
    private static final SerializedString TS = new SerializedString("ts");
    private static final SerializedString DUR = new SerializedString("dur");
    private static final SerializedString ARGS = new SerializedString("args");

    /** A thread's track. */
    private record Track(int pid, int tid) {}

    /** What a CPU is doing: since when its kernel thread runs and whether a user-level thread ran under it; idle since. */
    private static final class Cpu {
        long kernelSince;
        boolean carried;
        long idleSince = -1;
    }

    /** Each thread's states, drawn as slices on its track. */
    private final ThreadStates states = new ThreadStates((task, state, args, start, end) -> {
        Track tr = track(task);
        complete(tr.pid, tr.tid, state, "state", start, end, args);
    });

    /**
     * A writer of one run's events to {@code out}, its processes named after {@code label} (empty for a single
     * run; a policy's name in a comparison) and numbered from {@code pidBase} up, so that runs in one file do
     * not share a process.
     */
    PerfettoTrace(OutputStream out, String label, int pidBase) {
        requireNonNull(out, "out is null");
        this.label = requireNonNull(label, "label is null");
        this.pidBase = pidBase;
        try {
            this.g = FACTORY.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8);
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.setRootValueSeparator(new SerializedString(",\n"));
            metadata(pidBase, 0, "process_name", prefixed("kernel"));
            metadata(pidBase, 0, "process_sort_index", 0);
            metadata(pidBase, KERNEL_READY, "thread_name", "ready tasks");
            metadata(pidBase, KERNEL_POLICY, "thread_name", "policy");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean timeline() {
        return true;
    }

    @Override
    public void on(TraceEvent event) {
        try {
            handle(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(TraceEvent event) throws IOException {
        long t = event.time();
        if (event instanceof TraceEvent.ProcessCreated e) {
            states.on(e);
            int pid = pidBase + 1000 + processes.size();
            processes.put(e.process(), pid);
            metadata(pid, 0, "process_name", prefixed(e.process()));
            metadata(pid, 0, "process_sort_index", 1000 + processes.size());
            if (!e.parent().isEmpty()) {
                instant(pid, 0, "fork by " + e.parent(), t, "p");
            }
        } else if (event instanceof TraceEvent.Enqueued e) {
            states.on(e);
            counter(t, ++ready);
        } else if (event instanceof TraceEvent.Dispatched e) {
            dispatched(e, t);
        } else if (event instanceof TraceEvent.Stopped e) {
            stopped(e, t);
        } else if (event instanceof TraceEvent.Slice e) {
            Cpu c = cpu(e.cpu());
            complete(cpuPid(e.cpu()), CPU_SLICES, e.task(), "slice", e.start(), t,
                    "thread", e.task(), "cpu", String.valueOf(e.cpu()));
            String kernel = states.kernelThreadOn(e.cpu());
            if (kernel != null && !e.task().equals(kernel)) {
                c.carried = true;
            }
        } else if (event instanceof TraceEvent.Blocked e) {
            states.on(e);
        } else if (event instanceof TraceEvent.Idle e) {
            cpu(e.cpu()).idleSince = t;
        } else if (event instanceof TraceEvent.Woken e) {
            if (!e.by().isEmpty()) {
                Track from = track(e.by());
                Track to = track(e.task());
                String name = e.object() + "." + e.operation();
                int id = nextFlow++;
                flow("s", from, name, t, id);
                flow("f", to, name, t, id);
            } else {
                Track to = track(e.task());
                instant(to.pid, to.tid, "woken by " + e.object(), t, "t");
            }
        } else if (event instanceof TraceEvent.Upcall e) {
            instant(processPid(e.process()), 0, "upcall: " + e.what() + (e.thread().isEmpty() ? "" : " " + e.thread()), t,
                    "p");
        } else if (event instanceof TraceEvent.ObjectNote e) {
            instant(pidBase, objectTrack(e.object()), e.what(), t, "t", "object", e.object());
        } else if (event instanceof TraceEvent.PolicyNote e) {
            instant(pidBase, KERNEL_POLICY, e.what(), t, "t");
        } else if (event instanceof TraceEvent.ThreadCreated e) {
            Track tr = track(e.thread());
            instant(tr.pid, tr.tid, "spawned by " + e.by(), t, "t");
        } else if (event instanceof TraceEvent.ThreadExited e) {
            states.on(e);
            Track tr = track(e.thread());
            instant(tr.pid, tr.tid, "thread exit", t, "t");
        } else if (event instanceof TraceEvent.ProcessExited e) {
            states.on(e);
            int pid = processPid(e.process());
            instant(pid, 0, "exit (" + e.termination() + ")", t, "p");
        } else if (event instanceof TraceEvent.Signalled e) {
            instant(processPid(e.process()), 0, e.signal() + ": " + e.outcome(), t, "p", "from", e.from());
            // A caught signal is an arrow from the sender, when it is a thread of the run, to the thread that handles it.
            if (e.outcome().startsWith("caught by ") && tracks.containsKey(e.from())) {
                int id = nextFlow++;
                flow("s", track(e.from()), e.signal(), t, id);
                flow("f", track(e.outcome().substring("caught by ".length())), e.signal(), t, id);
            }
        } else if (event instanceof TraceEvent.DeadlineMissed e) {
            Track tr = track(e.task());
            instant(tr.pid, tr.tid, "deadline miss (job " + e.job() + (e.aborted() ? ", aborted)" : ")"), t, "t");
        } else if (event instanceof TraceEvent.ReadyTasks e) {
            for (int cpu = 0; cpu < e.perCpu().size(); cpu++) {
                cpu(cpu);
                begin("C", "ready here", cpuPid(cpu), CPU_READY, t);
                g.writeFieldName(ARGS);
                g.writeStartObject();
                g.writeNumberField("ready", e.perCpu().get(cpu));
                g.writeEndObject();
                g.writeEndObject();
            }
        } else if (event instanceof TraceEvent.ObjectLevels e) {
            begin("C", e.object(), pidBase, objectTrack(e.object()), t);
            g.writeFieldName(ARGS);
            g.writeStartObject();
            for (Map.Entry<String, Long> l : e.levels().entrySet()) {
                g.writeNumberField(l.getKey(), l.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        // InstructionExecuted is not asked for: a timeline draws slices, not instructions.
    }

    private void dispatched(TraceEvent.Dispatched e, long t) throws IOException {
        Cpu c = cpu(e.cpu());
        int pid = cpuPid(e.cpu());
        if (c.idleSince >= 0) {
            complete(pid, CPU_IDLE, "idle", "idle", c.idleSince, t);
            c.idleSince = -1;
        }
        if (e.overheadNanos() > 0) {
            complete(pid, CPU_IDLE, "switch", "overhead", t, t + e.overheadNanos());
        }
        if (states.kernelThreadOn(e.cpu()) == null) { // not a user-level switch under a running kernel thread
            c.kernelSince = t;
            c.carried = false;
            ready = Math.max(0, ready - 1);
            counter(t, ready);
        }
        states.on(e);
    }

    private void stopped(TraceEvent.Stopped e, long t) throws IOException {
        Cpu c = cpu(e.cpu());
        int pid = cpuPid(e.cpu());
        String kernel = states.kernelThreadOn(e.cpu());
        if (c.carried && kernel != null) {
            complete(pid, CPU_CARRIERS, kernel, "kernel thread", c.kernelSince, t, "thread", kernel);
        }
        c.carried = false;
        if (e.reason() == StopReason.SLICE_EXPIRED) {
            instant(pid, CPU_SLICES, "clock interrupt: " + e.task() + "'s slice expired", t, "t");
        } else if (e.reason() == StopReason.PREEMPTED || e.reason() == StopReason.PRIORITY_CHANGED) {
            instant(pid, CPU_SLICES, "preempt " + e.task() + " (" + ThreadStates.words(e.reason().name()) + ")", t, "t");
        }
        states.on(e);
    }

    /**
     * The end of the run: open states, idle time and kernel threads are closed at its end, and each violation
     * (mutual exclusion, a deadlock and its cycle, a lost wake-up) is marked on every track, with its interleaving.
     */
    void finish(RunResult r) {
        long end = r.endTime();
        try {
            for (Map.Entry<Integer, Cpu> e : cpus.entrySet()) {
                Cpu c = e.getValue();
                if (c.idleSince >= 0 && end > c.idleSince) {
                    complete(cpuPid(e.getKey()), CPU_IDLE, "idle", "idle", c.idleSince, end);
                }
                String kernel = states.kernelThreadOn(e.getKey());
                if (c.carried && kernel != null) {
                    complete(cpuPid(e.getKey()), CPU_CARRIERS, kernel, "kernel thread", c.kernelSince, end, "thread", kernel);
                }
            }
            states.finish(end);
            for (Violation v : r.violations()) {
                String threads = String.join(", ", v.threads());
                String[] args = v.schedule().isEmpty() ? new String[] {"threads", threads, "detail", v.detail()}
                        : new String[] {"threads", threads, "detail", v.detail(), "schedule", v.schedule()};
                instant(pidBase, 0, v.kind() + " (" + String.join(", ", v.threads()) + ")", v.time(), "g", args);
            }
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's beginning, up to the first event: what it shows ({@code about}) and how to read its times. */
    static void header(OutputStream out, Map<String, String> about) throws IOException {
        try (JsonGenerator h = FACTORY.createGenerator(out)) {
            h.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            h.configure(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT, false);
            h.writeStartObject();
            h.writeStringField("displayTimeUnit", "ms");
            h.writeObjectFieldStart("otherData");
            h.writeStringField("clock", "simulated time; ts and dur in microseconds");
            for (Map.Entry<String, String> e : about.entrySet()) {
                h.writeStringField(e.getKey(), e.getValue());
            }
            h.writeEndObject();
            h.writeRaw(",\n\"traceEvents\":[\n"); // the events follow; the root object is closed by FOOTER
            h.flush();
        }
    }

    /** What goes between two runs' events. */
    static final byte[] BETWEEN_RUNS = ",\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The file's end, after the last event. */
    static final byte[] FOOTER = "\n]}\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Track track(String task) {
        Track tr = tracks.get(task);
        if (tr == null) {
            tr = new Track(processPid(states.processOf(task)), nextTid++);
            tracks.put(task, tr);
            try {
                metadata(tr.pid, tr.tid, "thread_name", task);
                metadata(tr.pid, tr.tid, "thread_sort_index", tr.tid);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tr;
    }

    private int processPid(String process) {
        Integer pid = processes.get(process);
        if (pid == null) { // a task whose process was never announced (cannot happen in a kernel run)
            pid = pidBase + 1000 + processes.size();
            processes.put(process, pid);
            try {
                metadata(pid, 0, "process_name", prefixed(process));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pid;
    }

    private Cpu cpu(int id) {
        return cpus.computeIfAbsent(id, k -> {
            int pid = cpuPid(k);
            try {
                metadata(pid, 0, "process_name", prefixed("cpu" + k));
                metadata(pid, 0, "process_sort_index", 1 + k);
                metadata(pid, CPU_SLICES, "thread_name", "slices");
                metadata(pid, CPU_IDLE, "thread_name", "idle and overhead");
                metadata(pid, CPU_CARRIERS, "thread_name", "kernel thread");
                metadata(pid, CPU_READY, "thread_name", "ready here");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Cpu();
        });
    }

    private int cpuPid(int cpu) {
        return pidBase + 1 + cpu;
    }

    private int objectTrack(String object) {
        Integer tid = objectTracks.get(object);
        if (tid == null) {
            tid = 100 + objectTracks.size();
            objectTracks.put(object, tid);
            try {
                metadata(pidBase, tid, "thread_name", "object " + object);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tid;
    }

    private String prefixed(String name) {
        return label.isEmpty() ? name : label + ": " + name;
    }

    private void complete(int pid, int tid, String name, String category, long start, long end, String... args)
            throws IOException {
        begin("X", name, pid, tid, start);
        g.writeFieldName(DUR);
        time(end - start);
        g.writeFieldName(CAT);
        g.writeString(category);
        args(args);
        g.writeEndObject();
    }

    private void instant(int pid, int tid, String name, long t, String scope, String... args) throws IOException {
        begin("i", name, pid, tid, t);
        g.writeStringField("s", scope);
        args(args);
        g.writeEndObject();
    }

    private void flow(String phase, Track tr, String name, long t, int id) throws IOException {
        begin(phase, name, tr.pid, tr.tid, t);
        g.writeFieldName(CAT);
        g.writeString("wakeup");
        g.writeNumberField("id", id);
        g.writeEndObject();
    }

    private void counter(long t, int value) throws IOException {
        begin("C", "ready tasks", pidBase, KERNEL_READY, t);
        g.writeFieldName(ARGS);
        g.writeStartObject();
        g.writeNumberField("ready", value);
        g.writeEndObject();
        g.writeEndObject();
    }

    private void metadata(int pid, int tid, String name, Object value) throws IOException {
        begin("M", name, pid, tid, -1);
        g.writeFieldName(ARGS);
        g.writeStartObject();
        if (value instanceof Integer i) {
            g.writeNumberField("sort_index", i);
        } else {
            g.writeFieldName(NAME);
            g.writeString(value.toString());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Opens an event with the fields every phase has; {@code t} is its time, or negative for none (metadata). */
    private void begin(String phase, String name, int pid, int tid, long t) throws IOException {
        g.writeStartObject();
        g.writeFieldName(PH);
        g.writeString(phase);
        g.writeFieldName(NAME);
        g.writeString(name);
        g.writeFieldName(PID);
        g.writeNumber(pid);
        g.writeFieldName(TID);
        g.writeNumber(tid);
        if (t >= 0) {
            g.writeFieldName(TS);
            time(t);
        }
    }

    private void time(long nanos) throws IOException {
        if (nanos % 1000 == 0) {
            g.writeNumber(nanos / 1000);
        } else {
            g.writeNumber(micros(nanos));
        }
    }

    private void args(String... args) throws IOException {
        if (args.length > 0) {
            g.writeFieldName(ARGS);
            g.writeStartObject();
            for (int i = 0; i < args.length; i += 2) {
                g.writeStringField(args[i], args[i + 1]);
            }
            g.writeEndObject();
        }
    }

    /** Simulated nanoseconds as microseconds, exactly: whole, or with three decimals. */
    static String micros(long nanos) {
        long whole = nanos / 1000;
        int rest = (int) Math.abs(nanos % 1000);
        if (rest == 0) {
            return Long.toString(whole);
        }
        String frac = Integer.toString(rest + 1000).substring(1);
        return (nanos < 0 && whole == 0 ? "-" : "") + whole + "." + frac;
    }
}
