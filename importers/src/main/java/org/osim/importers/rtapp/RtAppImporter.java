package org.osim.importers.rtapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.osim.api.OsimException;
import org.osim.api.param.Parameters;
import org.osim.api.program.Program;
import org.osim.api.workload.MachineSpec;
import org.osim.api.workload.ObjectSpec;
import org.osim.api.workload.PeriodicSpec;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.ThreadingSpec;
import org.osim.api.workload.Workload;
import org.osim.api.workload.WorkloadImporter;
import org.osim.api.workload.WorkloadSource;
import org.osim.importers.rtapp.LenientJson.Member;
import org.osim.importers.rtapp.LenientJson.Obj;
import org.osim.importers.rtapp.LenientJson.Value;

/**
 * rt-app's JSON workload description (scheduler-tools/rt-app), the Linux scheduler community's: each task object
 * becomes {@code instance} processes {@code <task>-<i>}, its phases' events a program over kernel objects named as
 * in the file (mutexes with their condition variables, barriers, semaphores), its policy a nice value
 * (SCHED_OTHER), a fixed priority (SCHED_FIFO/RR) or a periodic deadline task (SCHED_DEADLINE), and a timer ending
 * its only phase its period (docs/importers.md). An event osim cannot model is an error naming it and the task.
 */
public final class RtAppImporter implements WorkloadImporter {
    /** Keys of a task (or of its single phase) that are properties, not events. */
    private static final List<String> TASK_KEYS = List.of("instance", "delay", "loop", "phases", "policy", "priority", "dl-runtime",
            "dl-period", "dl-deadline", "period", "deadline", "cpus", "nodes_membind", "util_min", "util_max", "taskgroup");
    private static final List<String> PHASE_KEYS = List.of("loop", "cpus", "nodes_membind", "policy", "priority", "dl-runtime",
            "dl-period", "dl-deadline", "util_min", "util_max", "taskgroup");
    /** Event kinds by key prefix, in the order rt-app tests them ({@code runtime} inside {@code run}). */
    private static final List<String> EVENTS = List.of("lock", "unlock", "wait", "signal", "broad", "sync", "sleep", "runtime", "run",
            "timer", "suspend", "resume", "memrun", "mem", "iorun", "yield", "barrier", "fork", "sem_post", "sem_wait");

    @Override
    public String name() {
        return "rtapp";
    }

    @Override
    public String description() {
        return "rt-app's JSON workload descriptions (the Linux scheduler community's): tasks with instances, loops, "
                + "policies, affinity and phases of run, sleep, timer, mutex, condition, barrier, semaphore and fork events.";
    }

    @Override
    public List<String> extensions() {
        return List.of("rtapp.json");
    }

    @Override
    public boolean recognizes(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        return text.contains("\"tasks\"") && (text.contains("\"run") || text.contains("\"phases\"") || text.contains("\"global\""));
    }

    @Override
    public Workload read(WorkloadSource source, Parameters options) throws IOException {
        String text;
        try (InputStream in = source.open()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Value root = LenientJson.parse(source.name(), text);
        Obj top = object(root, "the top level: an object with tasks (and global)");
        Obj global = top.get("global").map(v -> object(v, "global: an object")).orElse(new Obj(List.of()));
        long duration = global.get("duration").map(v -> integer(v, "global.duration: whole seconds")).orElse(-1L);
        String defaultPolicy = global.get("default_policy").map(v -> string(v, "default_policy: a policy name")).orElse("SCHED_OTHER");
        boolean pi = global.get("pi_enabled").map(v -> bool(v, "pi_enabled: true or false")).orElse(false);
        Value tasksValue = top.get("tasks").orElseThrow(() -> OsimException.badInput(root.at(), "rt-app needs a 'tasks' object"));
        Obj tasks = object(tasksValue, "tasks: an object of task objects");
        if (tasks.members().isEmpty()) {
            throw OsimException.badInput(tasksValue.at(), "tasks is empty");
        }
        List<RtAppTask> defs = new ArrayList<>();
        for (Member m : tasks.members()) {
            defs.add(RtAppTask.read(m, defaultPolicy));
        }
        RtAppObjects objects = new RtAppObjects(pi);
        for (RtAppTask t : defs) {
            objects.collect(t);
        }
        Map<String, RtAppTask> byName = new LinkedHashMap<>();
        defs.forEach(t -> byName.put(t.name, t));
        List<ProcessSpec> processes = new ArrayList<>();
        int index = 0;
        boolean anyDeadline = false;
        boolean anyRealTime = false;
        boolean anyRoundRobin = false;
        for (RtAppTask t : defs) {
            if (t.loop < 0 && duration <= 0 && t.instance > 0) {
                throw OsimException.badInput(t.at, "task " + t.name + " loops forever (loop -1) and global.duration is not set: "
                        + "give a duration in seconds");
            }
            Map<String, Program> programs = new LinkedHashMap<>();
            for (String forked : t.forks()) {
                RtAppTask f = byName.get(forked);
                if (f == null || f.timer != null) {
                    throw OsimException.badInput(t.at, "task " + t.name + " forks '" + forked + "', which is "
                            + (f == null ? "no task of the file" : "periodic (a timer): forked threads are imported without one"));
                }
                programs.put(forked, f.program(objects, Math.max(f.loop, 1)));
            }
            anyDeadline |= t.policy.equals("SCHED_DEADLINE");
            anyRealTime |= t.policy.equals("SCHED_FIFO") || t.policy.equals("SCHED_RR");
            anyRoundRobin |= t.policy.equals("SCHED_RR");
            for (int i = 0; i < t.instance; i++, index++) {
                processes.add(t.process(t.name + "-" + index, objects, programs, duration));
            }
        }
        if (processes.isEmpty()) {
            throw OsimException.badInput(tasksValue.at(), "no task has an instance (instance 0 defines tasks for fork only)");
        }
        String policy = anyDeadline ? "edf" : anyRoundRobin ? "priority:preemptive=true,quantum=100ms"
                : anyRealTime ? "priority:preemptive=true" : "cfs";
        String base = source.workloadName("rtapp", List.of("rtapp.json", "json"));
        return new Workload(base, "rt-app: " + defs.size() + " tasks, " + processes.size() + " threads", MachineSpec.DEFAULT
                .withCpus(Math.max(1, objects.highestCpu + 1)), List.of(), processes,
                duration > 0 ? OptionalLong.of(duration * 1_000_000_000L) : OptionalLong.empty(), objects.specs(), List.of(),
                Map.of(), Map.of(), List.of(), java.util.Optional.of(policy));
    }

    static Obj object(Value v, String expected) {
        return v.object().orElseThrow(() -> OsimException.badInput(v.at(), "expected " + expected + ", got " + v.kind()));
    }

    static long integer(Value v, String expected) {
        if (v.v() instanceof Long l) {
            return l;
        }
        throw OsimException.badInput(v.at(), "expected " + expected + ", got " + v.kind());
    }

    static String string(Value v, String expected) {
        if (v.v() instanceof String s) {
            return s;
        }
        throw OsimException.badInput(v.at(), "expected " + expected + ", got " + v.kind());
    }

    static boolean bool(Value v, String expected) {
        if (v.v() instanceof Boolean b) {
            return b;
        }
        throw OsimException.badInput(v.at(), "expected " + expected + ", got " + v.kind());
    }

    static List<String> taskKeys() {
        return TASK_KEYS;
    }

    static List<String> phaseKeys() {
        return PHASE_KEYS;
    }

    /** The event kind of key {@code key}, by rt-app's prefix rule, or null. */
    static String kind(String key) {
        for (String e : EVENTS) {
            if (key.startsWith(e)) {
                return e;
            }
        }
        return null;
    }

    /** A periodic process of one job program; its releases start at {@code arrival}. */
    static ProcessSpec periodic(String name, long arrival, int priority, int nice, Program job, long period, long deadline,
                                OptionalInt jobs, List<Integer> affinity, Map<String, Program> programs) {
        return new ProcessSpec(name, arrival, priority, nice, 1, "default", OptionalLong.empty(), List.of(new ThreadSpec(name, job)),
                programs, java.util.Optional.of(new PeriodicSpec(period, deadline, jobs, false, List.of())), affinity,
                ThreadingSpec.KERNEL, List.of(), false);
    }

    static ObjectSpec objectSpec(String name, String type, Map<String, String> params) {
        return ObjectSpec.of(name, type, params);
    }
}
