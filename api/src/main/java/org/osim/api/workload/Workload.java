package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole workload: what runs and on what machine. Generated processes are already drawn (with the
 * run's seed), so a workload is a plain, complete description that any scheduler can be run on.
 */
public record Workload(String name, String description, MachineSpec machine, List<ProcessSpec> processes) {
    public Workload {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(machine, "machine is null");
        processes = List.copyOf(processes);
        Set<String> names = new HashSet<>();
        for (ProcessSpec p : processes) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("two processes are named '" + p.name() + "'");
            }
        }
    }

    public static Workload of(String name, List<ProcessSpec> processes) {
        return new Workload(name, "", MachineSpec.DEFAULT, processes);
    }

    public Workload withMachine(MachineSpec machine) {
        return new Workload(name, description, machine, processes);
    }
}
