package org.osim.importers.simso;

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
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;
import org.osim.api.workload.MachineSpec;
import org.osim.api.workload.PeriodicSpec;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.ThreadSpec;
import org.osim.api.workload.ThreadingSpec;
import org.osim.api.workload.Workload;
import org.osim.api.workload.WorkloadImporter;
import org.osim.api.workload.WorkloadSource;

/**
 * SimSo's XML configuration (Chéramy, Hladik and Déplanche; simso 0.8): periodic and sporadic tasks on identical
 * processors for a duration in cycles, and the scheduler class named in the file mapped to osim's policy.
 * Times in the file are milliseconds, truncated to cycles as SimSo truncates them ({@code int(ms × cycles_per_ms)}).
 */
public final class SimsoImporter implements WorkloadImporter {
    /** SimSo's scheduler classes (the last part of {@code class}) and the osim policy each runs as. */
    static final Map<String, String> SCHEDULERS = schedulers();

    private static Map<String, String> schedulers() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("EDF", "gedf");
        m.put("EDF2", "gedf");
        m.put("EDF_mono", "edf");
        m.put("RM", "rm");
        m.put("RM_mono", "rm");
        m.put("DM", "dm");
        m.put("DM_mono", "dm");
        m.put("FP", "priority:preemptive=true");
        m.put("LLF", "llf");
        m.put("EDZL", "edzl");
        m.put("P_EDF", "pedf");
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public String name() {
        return "simso";
    }

    @Override
    public String description() {
        return "SimSo's XML configuration files: periodic and sporadic real-time tasks, processors, duration and the "
                + "scheduler class, mapped to osim's real-time policies.";
    }

    @Override
    public List<String> extensions() {
        return List.of("xml");
    }

    @Override
    public boolean recognizes(byte[] head) {
        return new String(head, StandardCharsets.UTF_8).contains("<simulation");
    }

    @Override
    public Workload read(WorkloadSource source, Parameters options) throws IOException {
        SimsoXml xml;
        try (InputStream in = source.open()) {
            xml = SimsoXml.parse(source.name(), in);
        }
        SimsoXml.Element sim = xml.only("simulation");
        long cyclesPerMs = sim.integer("cycles_per_ms", 1_000_000);
        if (cyclesPerMs < 1) {
            throw OsimException.badInput(sim.at(), "cycles_per_ms must be at least 1, got " + cyclesPerMs);
        }
        String etm = sim.text("etm", sim.text("use_wcet", "true").matches("true|yes") ? "wcet" : "cache");
        if (!etm.equals("wcet")) {
            throw OsimException.badInput(sim.at(), "execution-time model '" + etm + "': osim runs every job for its WCET "
                    + "(etm=\"wcet\"); acet, cache and fixedpenalty are not imported");
        }
        long duration = sim.integer("duration", 50_000);
        long horizon = nanos(duration, cyclesPerMs);

        SimsoXml.Element sched = xml.only("sched");
        String cls = sched.text("class", "");
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        String policy = SCHEDULERS.get(simple);
        if (policy == null) {
            throw OsimException.badInput(sched.at(), "scheduler class '" + (cls.isEmpty() ? sched.text("className", "") : cls)
                    + "' has no osim counterpart; supported: " + String.join(", ", SCHEDULERS.keySet()));
        }
        for (String overhead : List.of("overhead", "overhead_activate", "overhead_terminate")) {
            zero(sched, overhead, "scheduler overheads");
        }

        List<SimsoXml.Element> processors = xml.all("processor");
        if (processors.isEmpty()) {
            throw OsimException.badInput(xml.only("processors").at(), "no <processor>: a simulation needs at least one");
        }
        for (SimsoXml.Element p : processors) {
            zero(p, "cs_overhead", "context-switch overheads");
            zero(p, "cl_overhead", "context-switch overheads");
            if (p.decimal("speed", 1.0) != 1.0) {
                throw OsimException.badInput(p.at(), "processor speed " + p.text("speed", "") + ": osim's CPUs all run at speed 1.0");
            }
        }

        List<ProcessSpec> processes = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (SimsoXml.Element t : xml.all("task")) {
            processes.add(task(t, cyclesPerMs, horizon, policy, names));
        }
        String base = source.workloadName("simso", extensions());
        return new Workload(base, "SimSo configuration: " + processes.size() + " tasks on " + processors.size()
                + " processors, scheduler " + simple + " (run as " + policy + "), " + duration + " cycles at " + cyclesPerMs
                + " per ms", MachineSpec.DEFAULT.withCpus(processors.size()), List.of(), processes, OptionalLong.of(horizon),
                List.of(), List.of(), Map.of(), Map.of(), List.of(), java.util.Optional.of(policy));
    }

    private static ProcessSpec task(SimsoXml.Element t, long cyclesPerMs, long horizon, String policy, java.util.Set<String> names) {
        String name = t.require("name").strip().replace(' ', '_');
        if (!name.matches("[A-Za-z][A-Za-z0-9_-]*") || !names.add(name)) {
            throw OsimException.badInput(t.at(), "task name '" + t.require("name") + "': expected a letter, then letters, digits, "
                    + "spaces, _ or -, not used by another task");
        }
        if (t.has("followed_by")) {
            throw OsimException.badInput(t.at(), "task " + name + ": followed_by (a job released when another task's job ends) "
                    + "is not imported");
        }
        String type = t.text("task_type", t.text("periodic", "yes").equals("no") ? "APeriodic" : "Periodic");
        long period = ms(t, "period", cyclesPerMs);
        long deadline = ms(t, "deadline", cyclesPerMs);
        long wcet = ms(t, "WCET", cyclesPerMs);
        if (period <= 0 || deadline <= 0 || wcet <= 0) {
            throw OsimException.badInput(t.at(), "task " + name + ": period, deadline and WCET must be above 0 ms");
        }
        boolean abort = t.text("abort_on_miss", "yes").equals("yes");
        int priority = t.has("priority") ? (int) t.integer("priority", 0) : 0;
        if (policy.startsWith("priority") && !t.has("priority")) {
            throw OsimException.badInput(t.at(), "task " + name + ": scheduler FP needs each task's priority field");
        }
        long arrival;
        List<Long> releases;
        OptionalInt jobs = OptionalInt.empty();
        switch (type) {
            case "Periodic" -> {
                arrival = truncated(t.decimal("activationDate", 0), cyclesPerMs);
                releases = List.of();
            }
            case "Sporadic" -> {
                List<Long> dates = new ArrayList<>();
                for (String d : t.text("list_activation_dates", "").split(",")) {
                    if (!d.isBlank()) {
                        dates.add(truncated(SimsoXml.number(t, "list_activation_dates", d.strip()), cyclesPerMs));
                    }
                }
                if (dates.isEmpty()) {
                    throw OsimException.badInput(t.at(), "sporadic task " + name + " has no list_activation_dates");
                }
                java.util.Collections.sort(dates);
                arrival = dates.get(0);
                releases = new ArrayList<>();
                for (long d : dates) {
                    releases.add(d - arrival);
                }
                jobs = OptionalInt.of(dates.size());
            }
            default -> throw OsimException.badInput(t.at(), "task " + name + " is " + type + ": only Periodic and Sporadic tasks "
                    + "release jobs by themselves (APeriodic ones need followed_by, which is not imported)");
        }
        PeriodicSpec spec = new PeriodicSpec(period, deadline, jobs, abort, releases);
        return new ProcessSpec(name, arrival, priority, 0, 1, "default", OptionalLong.empty(),
                List.of(new ThreadSpec(name, Program.of(new Instruction.Compute(wcet)))), Map.of(), java.util.Optional.of(spec),
                List.of(), ThreadingSpec.KERNEL, List.of(), false);
    }

    /** A time attribute in ms, truncated to whole cycles as SimSo does, in nanoseconds. */
    private static long ms(SimsoXml.Element e, String attribute, long cyclesPerMs) {
        e.require(attribute);
        return truncated(e.decimal(attribute, 0), cyclesPerMs);
    }

    private static long truncated(double ms, long cyclesPerMs) {
        return nanos((long) (ms * cyclesPerMs), cyclesPerMs);
    }

    private static long nanos(long cycles, long cyclesPerMs) {
        return Math.multiplyHigh(cycles, 1_000_000L) == 0 ? cycles * 1_000_000L / cyclesPerMs
                : (long) ((double) cycles * 1_000_000 / cyclesPerMs);
    }

    private static void zero(SimsoXml.Element e, String attribute, String what) {
        if (e.has(attribute) && e.decimal(attribute, 0) != 0) {
            throw OsimException.badInput(e.at(), attribute + "=\"" + e.text(attribute, "") + "\": " + what
                    + " are not imported (osim's cost profiles model overheads: --profile modern); give 0");
        }
    }
}
