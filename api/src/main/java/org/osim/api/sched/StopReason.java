package org.osim.api.sched;

/** Why a task stopped running on a CPU. */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public enum StopReason {
    BLOCKED, YIELDED, PREEMPTED, SLICE_EXPIRED, EXITED, PRIORITY_CHANGED
}
