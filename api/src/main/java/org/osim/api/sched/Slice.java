package org.osim.api.sched;

/** Time-slice constants. */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public final class Slice {
    /** No time limit: the task runs until it blocks, yields, exits or is preempted on wake-up. */
    public static final long INFINITE = Long.MAX_VALUE;

    private Slice() {}
}
