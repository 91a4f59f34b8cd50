package org.osim.api.sched;

/** Why a task became runnable. */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public enum EnqueueReason {
    /** Just created (arrived, spawned or forked). */
    NEW,
    /** Its I/O, sleep or wait ended. */
    WAKEUP,
    /** Another task preempted it (wake-up preemption, or the policy asked to reschedule). */
    PREEMPTED,
    /** It gave up the CPU with {@code yield}. */
    YIELDED,
    /** Its time slice ran out, or the tick asked for a reschedule. */
    SLICE_EXPIRED,
    /**
     * Its priority changed ({@code setpriority}, or inheritance): the kernel took it back with
     * {@link Scheduler#dequeue} if it was waiting, or off its CPU if it was running, and hands it back.
     */
    PRIORITY_CHANGED
}
