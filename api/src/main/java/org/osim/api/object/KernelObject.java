package org.osim.api.object;

/**
 * One kernel object — a semaphore, a mutex, a mailbox — as a workload declares it. Calls run on the
 * simulation's thread, one at a time, atomically: an object never sees two operations interleaved.
 * Stable.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public interface KernelObject {
    /** Carries out {@code call}; see {@link Outcome}. */
    Outcome invoke(Invocation call);

    /** A thread that held or waited on this object ended (killed, say): undo what must be undone. */
    default void threadExited(ThreadRef thread) {}

    /** A waiter's time-out expired: the kernel took it from the queue; its call fails. */
    default void timedOut(ThreadRef thread, WaitQueue queue) {}

    /** The priority of {@code thread}, waiting in this object, changed (for chained priority inheritance). */
    default void waiterPriorityChanged(ThreadRef thread) {}

    /**
     * For the invariant checker, which asks at the end of every instant while it is on: the first rule of this
     * object's own state that does not hold ("2 owners: A and B"; "value 3, but initial 1 + 4 ups - 1 downs
     * = 4"), or empty when all hold. A broken rule ends the run naming the object and its type.
     */
    default java.util.Optional<String> brokenInvariant() {
        return java.util.Optional.empty();
    }

    /**
     * What the object holds, as numbers a timeline draws as counters over time ({@code value} of a semaphore,
     * {@code messages} in a mailbox, {@code held} for a mutex), in a stable order; empty for none. The kernel asks
     * after each operation only when a timeline is drawn, and adds {@code waiters} (the threads in the object's wait
     * queues) itself.
     */
    default java.util.Map<String, Long> levels() {
        return java.util.Map.of();
    }
}
