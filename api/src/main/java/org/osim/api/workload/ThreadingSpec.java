package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * How a process's threads are implemented and, for user-level models, scheduled.
 *
 * @param kernelThreads for {@code HYBRID}, the kernel threads user threads are multiplexed over; for
 *     {@code ACTIVATIONS}, the virtual processors the process is given; 1 otherwise
 * @param runtimeScheduler the scheduler plugin the run-time system uses for user threads (one instance
 *     per process), with its parameters
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record ThreadingSpec(ThreadModel model, int kernelThreads, String runtimeScheduler, Map<String, String> runtimeParams) {
    public static final ThreadingSpec KERNEL = new ThreadingSpec(ThreadModel.KERNEL, 1, "fcfs", Map.of());

    public ThreadingSpec {
        requireNonNull(model, "model is null");
        requireNonNull(runtimeScheduler, "runtimeScheduler is null");
        runtimeParams = Map.copyOf(runtimeParams);
        if (kernelThreads < 1) {
            throw new IllegalArgumentException("kernelThreads must be at least 1");
        }
    }

    /** Whether a run-time system inside the process schedules its threads. */
    public boolean userLevel() {
        return model != ThreadModel.KERNEL;
    }
}
