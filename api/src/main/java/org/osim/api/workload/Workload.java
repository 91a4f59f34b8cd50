package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole workload: what runs and on what machine. Generated processes are already drawn (with the
 * run's seed), so a workload is a plain, complete description that any scheduler can be run on.
 *
 * @param users the users declared with their shares, in declaration order; users of processes that are
 *     not declared have share 1 (see {@link #userShares()})
 * @param duration how long to run, for workloads that do not end by themselves (periodic tasks, shares
 *     measured over a window); empty to run until every process has ended
 * @param objects the kernel objects it declares
 * @param callSites every {@code call} in its programs, with its place, to be checked against the objects
 * @param shared memory words every process can use ({@code shared:}), with their initial values (one for a
 *     word, several for an array), in declaration order
 * @param segments named shared-memory segments ({@code segments:}): each segment's words with their initial
 *     values; a process uses them after {@code attach SEGMENT}
 * @param parameters the parameters it declares ({@code parameters:}), with the values this workload was read with
 * @param scheduler the policy it is meant to run under when none is given ({@code scheduler: fcfs}), as
 *     {@code NAME} or {@code NAME:k=v,…}
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record Workload(String name, String description, MachineSpec machine, List<UserSpec> users,
                       List<ProcessSpec> processes, java.util.OptionalLong duration, List<ObjectSpec> objects,
                       List<CallSite> callSites, java.util.Map<String, List<Long>> shared,
                       java.util.Map<String, java.util.Map<String, List<Long>>> segments, List<WorkloadParameter> parameters,
                       java.util.Optional<String> scheduler) {
    /** A workload without shared memory. */
    public Workload(String name, String description, MachineSpec machine, List<UserSpec> users, List<ProcessSpec> processes,
                    java.util.OptionalLong duration, List<ObjectSpec> objects, List<CallSite> callSites) {
        this(name, description, machine, users, processes, duration, objects, callSites, java.util.Map.of(), java.util.Map.of(),
                List.of(), java.util.Optional.empty());
    }

    public Workload {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(machine, "machine is null");
        users = List.copyOf(users);
        requireNonNull(duration, "duration is null");
        objects = List.copyOf(objects);
        callSites = List.copyOf(callSites);
        processes = List.copyOf(processes);
        java.util.Map<String, List<Long>> words = new java.util.LinkedHashMap<>();
        requireNonNull(shared, "shared is null").forEach((k, v) -> words.put(k, List.copyOf(v)));
        shared = java.util.Collections.unmodifiableMap(words);
        java.util.Map<String, java.util.Map<String, List<Long>>> segs = new java.util.LinkedHashMap<>();
        Set<String> wordNames = new HashSet<>(shared.keySet());
        requireNonNull(segments, "segments is null").forEach((seg, ws) -> {
            java.util.Map<String, List<Long>> copy = new java.util.LinkedHashMap<>();
            ws.forEach((k, v) -> {
                if (!wordNames.add(k)) {
                    throw new IllegalArgumentException("memory word '" + k + "' of segment '" + seg + "' is declared twice");
                }
                copy.put(k, List.copyOf(v));
            });
            segs.put(seg, java.util.Collections.unmodifiableMap(copy));
        });
        segments = java.util.Collections.unmodifiableMap(segs);
        parameters = List.copyOf(parameters);
        requireNonNull(scheduler, "scheduler is null");
        Set<String> names = new HashSet<>();
        for (ProcessSpec p : processes) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("two processes are named '" + p.name() + "'");
            }
        }
    }

    public static Workload of(String name, List<ProcessSpec> processes) {
        return new Workload(name, "", MachineSpec.DEFAULT, List.of(), processes, java.util.OptionalLong.empty(), List.of(),
                List.of());
    }

    public Workload withMachine(MachineSpec machine) {
        return new Workload(name, description, machine, users, processes, duration, objects, callSites, shared, segments, parameters, scheduler);
    }

    /** The same workload under another name (a workload read with parameters set is named for them). */
    public Workload withName(String name) {
        return new Workload(name, description, machine, users, processes, duration, objects, callSites, shared, segments, parameters, scheduler);
    }

    /** The same workload with these kernel objects (and no call sites to check: calls in code have no place). */
    public Workload withObjects(List<ObjectSpec> objects) {
        return new Workload(name, description, machine, users, processes, duration, objects, callSites, shared, segments, parameters, scheduler);
    }

    /**
     * Every user with its share: the declared ones first, in declaration order, then the users of
     * processes that were not declared, with share 1, in order of first appearance.
     */
    public List<UserSpec> userShares() {
        java.util.LinkedHashMap<String, UserSpec> all = new java.util.LinkedHashMap<>();
        for (UserSpec u : users) {
            all.put(u.name(), u);
        }
        for (ProcessSpec p : processes) {
            all.putIfAbsent(p.user(), new UserSpec(p.user(), 1));
        }
        return List.copyOf(all.values());
    }
}
