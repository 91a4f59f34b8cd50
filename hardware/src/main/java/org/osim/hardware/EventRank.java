package org.osim.hardware;

/**
 * The order of events that fall on the same instant (docs/semantics.md): completions and wake-ups before
 * arrivals, arrivals before the timer that ends a slice, so a task preempted at time t queues behind
 * tasks that arrived at t. Within a rank, events run in the order they were scheduled.
 */
public final class EventRank {
    /** A CPU burst ends, or a CPU finishes switching overhead. */
    public static final int COMPLETION = 0;
    /** An I/O request, a sleep or a device finishes, and a blocked thread wakes. */
    public static final int WAKEUP = 1;
    /** A process arrives. */
    public static final int ARRIVAL = 2;
    /** The one-shot timer that ends a time slice. */
    public static final int SLICE_END = 3;
    /** The periodic clock tick. */
    public static final int TICK = 4;
    /** A policy's own timer. */
    public static final int POLICY_TIMER = 5;
    /** The kernel's watchdog, last so that everything else at that instant has happened. */
    public static final int WATCHDOG = 6;

    private EventRank() {}
}
