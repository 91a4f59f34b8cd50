package org.osim.workloads;

import static org.osim.workloads.Nodes.*;

import java.util.Set;
import org.osim.api.OsimException;
import org.osim.api.workload.MachineSpec;

/** A workload's {@code machine:}: CPUs, cost profile, tick, interrupts, the bus and the process table's size. */
final class MachineSection {
    /** The most CPUs a machine may have. */
    static final int MAX_CPUS = 1024;
    private static final Set<String> MACHINE = ordered("cpus", "profile", "tick", "userInterrupts", "bus", "interrupts",
            "maxProcesses", "maxUserProcesses");

    private MachineSection() {}

    /** The {@code machine:} mapping. */
    static MachineSpec read(Node n) {
        Node.Mapping m = mapping(n, "a machine: a mapping with cpus, profile, tick");
        allow(m, MACHINE, "machine");
        int cpus = optional(m, "cpus").map(v -> (int) integer(v, 1, MAX_CPUS, "a CPU count from 1 to " + MAX_CPUS)).orElse(1);
        String profile = optional(m, "profile").map(v -> {
            String p = scalar(v, "a profile name").text();
            if (!p.equals("textbook") && !p.equals("modern")) {
                throw OsimException.badInput(v.at(), "unknown machine profile '" + p + "' (expected textbook or modern)");
            }
            return p;
        }).orElse("textbook");
        long tick = optional(m, "tick").map(v -> duration(v, false)).orElse(0L);
        boolean userInterrupts = optional(m, "userInterrupts").map(Nodes::flag).orElse(false);
        boolean bus = optional(m, "bus").map(Nodes::flag).orElse(false);
        int every = optional(m, "interrupts").map(v -> {
            String text = scalar(v, "random(N): an interrupt about every N instructions").text().strip();
            java.util.regex.Matcher r = java.util.regex.Pattern.compile("random\\(\\s*([0-9]{1,7})\\s*\\)").matcher(text);
            if (!r.matches() || Long.parseLong(r.group(1)) < 1 || Long.parseLong(r.group(1)) > 1_000_000) {
                throw OsimException.badInput(v.at(), "expected random(N), an interrupt about every N machine instructions "
                        + "(N from 1 to 1,000,000), got '" + text + "'");
            }
            return Integer.parseInt(r.group(1));
        }).orElse(0);
        int maxProcesses = optional(m, "maxProcesses").map(v -> (int) integer(v, 1, 10_000_000,
                "a process-table size from 1 to 10,000,000")).orElse(MachineSpec.MAX_PROCESSES);
        int maxUser = optional(m, "maxUserProcesses").map(v -> (int) integer(v, 1, 10_000_000,
                "a per-user thread limit from 1 to 10,000,000")).orElse(maxProcesses);
        return new MachineSpec(cpus, profile, tick, userInterrupts, bus, every, maxProcesses, maxUser);
    }
}
