package org.osim.importers.rtapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.osim.api.OsimException;
import org.osim.api.SourceLocation;
import org.osim.api.program.Program;
import org.osim.api.workload.ProcessSpec;
import org.osim.importers.rtapp.LenientJson.Member;
import org.osim.importers.rtapp.LenientJson.Obj;
import org.osim.importers.rtapp.LenientJson.Value;

/** One rt-app task object: its properties, its phases of events, and the osim program and process they make. */
final class RtAppTask {
    /** One event of a phase, in document order. */
    record Event(String kind, String key, Value value) {}

    /** A phase: its events, run {@code loop} times in a row. */
    record Phase(String name, long loop, List<Event> events) {}

    final String name;
    final SourceLocation at;
    final int instance;
    final long delay;
    final long loop;
    final String policy;
    final int priority;
    final long dlPeriod;
    final long dlDeadline;
    final List<Integer> cpus;
    final List<Phase> phases;
    /** The timer that ends its only phase, its period; null if it has none. */
    final Event timer;

    private RtAppTask(String name, SourceLocation at, Obj o, String defaultPolicy) {
        this.name = name;
        this.at = at;
        instance = (int) bounded(o, "instance", 1, 0, 100_000, "an instance count from 0 to 100,000");
        delay = bounded(o, "delay", 0, 0, Long.MAX_VALUE / 1000, "a delay in µs of 0 or more") * 1000;
        loop = bounded(o, "loop", -1, -1, 100_000_000, "a loop count from 1 to 100,000,000, or -1 for ever");
        if (loop == 0) {
            throw OsimException.badInput(o.get("loop").orElseThrow().at(), "task " + name + ": loop 0 runs nothing: give 1 or more, or -1");
        }
        policy = o.get("policy").map(v -> RtAppImporter.string(v, "a policy name")).orElse(defaultPolicy);
        boolean rt = policy.equals("SCHED_FIFO") || policy.equals("SCHED_RR");
        switch (policy) {
            case "SCHED_OTHER", "SCHED_BATCH", "SCHED_IDLE", "SCHED_FIFO", "SCHED_RR", "SCHED_DEADLINE" -> { }
            default -> throw OsimException.badInput(o.get("policy").map(Value::at).orElse(at), "task " + name + ": unknown policy '"
                    + policy + "' (SCHED_OTHER, SCHED_BATCH, SCHED_IDLE, SCHED_FIFO, SCHED_RR or SCHED_DEADLINE)");
        }
        priority = (int) (rt ? bounded(o, "priority", 10, 1, 99, "a real-time priority from 1 to 99")
                : policy.equals("SCHED_DEADLINE") ? 0 : bounded(o, "priority", 0, -20, 19, "a nice value from -20 to 19"));
        long period = micros(o, "dl-period", micros(o, "period", 0));
        dlPeriod = period;
        dlDeadline = micros(o, "dl-deadline", micros(o, "deadline", period));
        List<Integer> affinity = new ArrayList<>();
        o.get("cpus").ifPresent(v -> {
            if (!(v.v() instanceof List<?> items)) {
                throw OsimException.badInput(v.at(), "task " + name + ": cpus is a list of CPU numbers, e.g. [0, 2]");
            }
            for (Object item : items) {
                Value c = (Value) item;
                long n = RtAppImporter.integer(c, "a CPU number");
                if (n < 0 || n > 63) {
                    throw OsimException.badInput(c.at(), "task " + name + ": CPU " + n + " is not one from 0 to 63");
                }
                affinity.add((int) n);
            }
        });
        cpus = List.copyOf(affinity);
        List<Phase> ps = new ArrayList<>();
        if (o.get("phases").isPresent()) {
            Obj phasesObj = RtAppImporter.object(o.get("phases").get(), "phases: an object of phase objects");
            for (Member p : phasesObj.members()) {
                Obj po = RtAppImporter.object(p.value(), "a phase: an object of events");
                for (String key : List.of("policy", "priority", "dl-runtime", "dl-period", "dl-deadline", "cpus")) {
                    po.get(key).ifPresent(v -> {
                        throw OsimException.badInput(v.at(), "phase " + p.key() + " of task " + name + " sets " + key
                                + ": per-phase scheduling parameters are not imported (set them on the task)");
                    });
                }
                long phaseLoop = bounded(po, "loop", 1, 1, 1_000_000, "a phase loop count from 1 to 1,000,000");
                ps.add(new Phase(p.key(), phaseLoop, events(po, RtAppImporter.phaseKeys(), p.value().at())));
            }
        } else {
            ps.add(new Phase("", 1, events(o, RtAppImporter.taskKeys(), at)));
        }
        phases = List.copyOf(ps);
        Event found = null;
        for (int i = 0; i < phases.size(); i++) {
            List<Event> es = phases.get(i).events();
            for (int k = 0; k < es.size(); k++) {
                Event e = es.get(k);
                if (!e.kind().equals("timer")) {
                    continue;
                }
                if (phases.size() > 1 || k != es.size() - 1 || phases.get(i).loop() != 1) {
                    throw OsimException.badInput(e.value().at(), "task " + name + ": event '" + e.key() + "': a timer is imported as "
                            + "the task's period, so it must be the last event of its only phase, run once per loop");
                }
                found = e;
            }
        }
        timer = found;
        if (policy.equals("SCHED_DEADLINE") && timer == null) {
            throw OsimException.badInput(at, "SCHED_DEADLINE task " + name + " has no timer: osim runs a deadline task as a "
                    + "periodic one, released by the timer that ends its phase (a budget throttled by CBS is not modelled)");
        }
    }

    static RtAppTask read(Member m, String defaultPolicy) {
        Obj o = RtAppImporter.object(m.value(), "task " + m.key() + ": an object");
        return new RtAppTask(RtAppObjects.osim(m.key()), m.keyAt(), o, defaultPolicy);
    }

    private List<Event> events(Obj o, List<String> properties, SourceLocation where) {
        List<Event> out = new ArrayList<>();
        for (Member m : o.members()) {
            if (properties.contains(m.key())) {
                continue;
            }
            String kind = RtAppImporter.kind(m.key());
            if (kind == null) {
                throw OsimException.badInput(m.keyAt(), "task " + name + ": unknown event '" + m.key() + "' (rt-app's events: run, "
                        + "sleep, timer, lock, unlock, wait, signal, broad, sync, barrier, sem_post, sem_wait, suspend, resume, "
                        + "yield, fork, runtime, mem, memrun, iorun)");
            }
            switch (kind) {
                case "runtime", "mem", "memrun", "iorun" -> throw OsimException.badInput(m.keyAt(), "task " + name + ": event '"
                        + m.key() + "' cannot be modelled: " + switch (kind) {
                            case "runtime" -> "it spins for wall-clock time, whatever CPU share it gets (use run, a fixed amount of work)";
                            case "iorun" -> "it writes bytes to a device, and osim's I/O takes a time, not a size";
                            default -> "osim has no memory-bandwidth or cache model for it";
                        });
                default -> out.add(new Event(kind, m.key(), m.value()));
            }
        }
        if (out.isEmpty()) {
            throw OsimException.badInput(where, "task " + name + ": a phase needs at least one event");
        }
        return out;
    }

    /** Every task this one forks. */
    List<String> forks() {
        List<String> out = new ArrayList<>();
        for (Phase p : phases) {
            for (Event e : p.events()) {
                if (e.kind().equals("fork")) {
                    out.add(RtAppObjects.osim(RtAppImporter.string(e.value(), "fork: the name of a task")));
                }
            }
        }
        return out;
    }

    /** Its events (without the timer) as one program, run {@code times} times. */
    Program program(RtAppObjects objects, long times) {
        StringBuilder text = new StringBuilder();
        for (Phase p : phases) {
            for (long k = 0; k < p.loop(); k++) {
                for (Event e : p.events()) {
                    String step = objects.instruction(this, e);
                    if (!step.isEmpty()) {
                        text.append(text.length() == 0 ? "" : "; ").append(step);
                    }
                }
            }
        }
        if (text.length() == 0) {
            throw OsimException.badInput(at, "task " + name + " has no event besides its timer: a job must do something");
        }
        Program program = Program.parse(text.toString());
        return times > 1 ? program.repeated((int) Math.min(times, 100_000_000)) : program;
    }

    ProcessSpec process(String processName, RtAppObjects objects, Map<String, Program> programs, long duration) {
        boolean rt = policy.equals("SCHED_FIFO") || policy.equals("SCHED_RR");
        int prio = rt ? priority : 0;
        int nice = rt || policy.equals("SCHED_DEADLINE") ? 0 : priority;
        if (timer != null) {
            Obj t = RtAppImporter.object(timer.value(), "timer: { ref, period }");
            String ref = t.get("ref").map(v -> RtAppImporter.string(v, "a timer name")).orElse("unique");
            objects.timerUsed(ref, instance, timer.value().at());
            long period = t.get("period").map(v -> RtAppImporter.integer(v, "a period in µs")).orElseThrow(
                    () -> OsimException.badInput(timer.value().at(), "task " + name + ": a timer needs a period"));
            if (period <= 0) {
                throw OsimException.badInput(timer.value().at(), "task " + name + ": a timer's period must be above 0 µs");
            }
            long deadline = policy.equals("SCHED_DEADLINE") && dlDeadline > 0 ? dlDeadline : period * 1000;
            OptionalInt jobs = loop > 0 ? OptionalInt.of((int) loop) : OptionalInt.empty();
            return RtAppImporter.periodic(processName, delay, prio, nice, program(objects, 1), period * 1000, deadline, jobs, cpus,
                    programs);
        }
        Program body = program(objects, loop > 0 ? loop : 100_000_000);
        return new ProcessSpec(processName, delay, prio, nice, 1, "default", java.util.OptionalLong.empty(),
                List.of(new org.osim.api.workload.ThreadSpec(processName, body)), programs, java.util.Optional.empty(), cpus,
                org.osim.api.workload.ThreadingSpec.KERNEL, List.of(), false);
    }

    private long bounded(Obj o, String key, long otherwise, long min, long max, String expected) {
        Value v = o.get(key).orElse(null);
        if (v == null) {
            return otherwise;
        }
        long n = RtAppImporter.integer(v, expected);
        if (n < min || n > max) {
            throw OsimException.badInput(v.at(), "task " + name + ": " + key + ": expected " + expected + ", got " + n);
        }
        return n;
    }

    private long micros(Obj o, String key, long otherwise) {
        Value v = o.get(key).orElse(null);
        return v == null ? otherwise : bounded(o, key, 0, 0, Long.MAX_VALUE / 1000, "µs, 0 or more") * 1000;
    }
}
