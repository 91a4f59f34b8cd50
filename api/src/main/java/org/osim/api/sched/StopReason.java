package org.osim.api.sched;

/** Why a task stopped running on a CPU. */
public enum StopReason {
    BLOCKED, YIELDED, PREEMPTED, SLICE_EXPIRED, EXITED, PRIORITY_CHANGED
}
