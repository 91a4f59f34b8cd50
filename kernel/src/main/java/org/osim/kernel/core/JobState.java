package org.osim.kernel.core;

import java.util.ArrayDeque;
import org.osim.api.result.RealTimeResult;
import org.osim.api.workload.PeriodicSpec;

/**
 * The jobs of a periodic or sporadic thread: which job runs now, which are released and waiting (an
 * overrun), and how they fared.
 */
final class JobState {
    final PeriodicSpec spec;
    /** Time of the first release; job k is released at first + spec.release(k). */
    final long first;
    int released;
    long currentRelease = -1;
    long currentDeadline = Long.MAX_VALUE;
    int currentJob = -1;
    boolean currentMissed;
    boolean waitingForRelease;
    /** Released jobs not yet started: job numbers. */
    final ArrayDeque<Integer> backlog = new ArrayDeque<>(0);

    long completed;
    long missed;
    long aborted;
    long worstResponse;
    long sumResponse;
    long maxLateness = Long.MIN_VALUE;

    JobState(PeriodicSpec spec, long first) {
        this.spec = spec;
        this.first = first;
    }

    long releaseOf(int job) {
        return first + spec.release(job);
    }

    long deadlineOf(int job) {
        return releaseOf(job) + spec.deadline();
    }

    RealTimeResult result() {
        return new RealTimeResult(released, completed, missed, aborted, worstResponse,
                completed == 0 ? 0 : (double) sumResponse / completed, completed == 0 ? 0 : maxLateness);
    }
}
