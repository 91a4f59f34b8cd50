package org.osim.api.workload;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalInt;

/**
 * A real-time task's releases: each job runs the process's program once, is released at its release
 * time and must end by release + {@code deadline}.
 *
 * @param period time between releases; for a sporadic task, the minimum inter-arrival time
 * @param deadline relative deadline of each job (default: the period)
 * @param jobs how many jobs; empty for as many as fit in the run's duration
 * @param abortOnMiss whether a job still unfinished at its deadline is abandoned
 * @param releases for a sporadic task, the release times drawn from the seed, relative to the first
 *     release (which is 0); empty for a strictly periodic task
 */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public record PeriodicSpec(long period, long deadline, OptionalInt jobs, boolean abortOnMiss, List<Long> releases) {
    public PeriodicSpec {
        requireNonNull(jobs, "jobs is null");
        releases = List.copyOf(releases);
        if (period <= 0 || deadline <= 0) {
            throw new IllegalArgumentException("period and deadline must be positive");
        }
    }

    public boolean sporadic() {
        return !releases.isEmpty();
    }

    /** The release of job {@code k} (from 0), relative to the first. */
    public long release(int k) {
        return sporadic() ? releases.get(k) : k * period;
    }

    /** Whether job {@code k} exists. */
    public boolean hasJob(int k) {
        if (jobs.isPresent() && k >= jobs.getAsInt()) {
            return false;
        }
        return !sporadic() || k < releases.size();
    }
}
