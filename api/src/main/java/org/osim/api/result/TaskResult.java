package org.osim.api.result;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The metrics of one process (or, inside {@link #threads()}, of one thread), in nanoseconds (docs/metrics.md).
 *
 * @param waiting time runnable but not running
 * @param blocked time blocked (I/O, sleep, join, wait)
 * @param contextSwitches times it was switched onto a CPU
 * @param preemptions times it was taken off a CPU against its will for another task
 * @param migrations times it was dispatched on a different CPU from the one it last ran on
 * @param termination how it ended; empty for a thread, or a process still alive when the run stopped
 * @param threads per-thread results, for a process that has more than one thread; empty otherwise
 * @param policy figures the policy published about it, in the order first published
 * @param realTime how its jobs fared, for a periodic or sporadic task
 * @param messages how it handled the messages that arrived for it, if any did
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record TaskResult(String name, long arrival, OptionalLong firstRun, OptionalLong completion, long cpu,
                         long waiting, long blocked, long contextSwitches, long preemptions, long migrations,
                         Optional<Termination> termination, List<TaskResult> threads, List<PolicyMetric> policy,
                         Optional<RealTimeResult> realTime, Optional<MessageResult> messages) {
    public TaskResult {
        requireNonNull(name, "name is null");
        requireNonNull(firstRun, "firstRun is null");
        requireNonNull(completion, "completion is null");
        requireNonNull(termination, "termination is null");
        threads = List.copyOf(threads);
        policy = List.copyOf(policy);
        requireNonNull(realTime, "realTime is null");
        requireNonNull(messages, "messages is null");
    }

    /** The figure the policy published under {@code name}, if it did. */
    public Optional<PolicyMetric> figure(String name) {
        for (PolicyMetric m : policy) {
            if (m.name().equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** completion − arrival, if it completed. */
    public OptionalLong turnaround() {
        return completion.isPresent() ? OptionalLong.of(completion.getAsLong() - arrival) : OptionalLong.empty();
    }

    /**
     * max(1, turnaround / max(run time, τ)), τ = {@link JobStatistics#TAU}, if it completed: the run time is what it
     * needs on a machine of its own, its longest thread's CPU and blocked time (a gang's threads run side by side).
     */
    public java.util.OptionalDouble boundedSlowdown() {
        if (completion.isEmpty()) {
            return java.util.OptionalDouble.empty();
        }
        long alone = cpu + blocked;
        if (!threads.isEmpty()) {
            alone = 0;
            for (TaskResult t : threads) {
                alone = Math.max(alone, t.cpu() + t.blocked());
            }
        }
        double bsld = (double) turnaround().getAsLong() / Math.max(alone, JobStatistics.TAU);
        return java.util.OptionalDouble.of(Math.max(1, Math.round(bsld * 1e6) / 1e6));
    }

    /** firstRun − arrival, if it ever ran. */
    public OptionalLong response() {
        return firstRun.isPresent() ? OptionalLong.of(firstRun.getAsLong() - arrival) : OptionalLong.empty();
    }
}
