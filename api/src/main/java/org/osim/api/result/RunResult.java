package org.osim.api.result;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run produced.
 *
 * @param params the scheduler's parameters, every one, as text
 * @param slices the schedule as it ran; empty unless recording was asked for
 * @param events discrete events processed
 * @param sliceCount stretches of the schedule (dispatch to stop), recorded or not
 * @param endTime simulated time when the run ended
 * @param objects how each kernel object was used, in declaration order
 * @param memory memory words at the end: the shared ones and the segments' by name, then each process's as {@code P:word}
 * @param regions the critical regions of machine-level programs, in the order they were first named
 * @param invariantsChecked whether the kernel's invariant checker watched the run (and found every rule kept:
 *     a broken one ends the run with an error instead)
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record RunResult(String workload, String scheduler, Map<String, String> params, long seed, int cpus,
                        String profile, List<TaskResult> processes, Summary summary, List<SliceRecord> slices,
                        List<Violation> violations, long events, long sliceCount, long endTime, List<ObjectResult> objects,
                        Map<String, List<Long>> memory, List<RegionResult> regions,
                        boolean invariantsChecked) {
    public RunResult {
        regions = List.copyOf(regions);
        requireNonNull(workload, "workload is null");
        requireNonNull(scheduler, "scheduler is null");
        requireNonNull(profile, "profile is null");
        java.util.Map<String, List<Long>> words = new java.util.LinkedHashMap<>();
        requireNonNull(memory, "memory is null").forEach((k, v) -> words.put(k, List.copyOf(v)));
        memory = java.util.Collections.unmodifiableMap(words);
        requireNonNull(summary, "summary is null");
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        processes = List.copyOf(processes);
        slices = List.copyOf(slices);
        violations = List.copyOf(violations);
        objects = List.copyOf(objects);
    }

    /** The process called {@code name}. */
    public Optional<TaskResult> process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
