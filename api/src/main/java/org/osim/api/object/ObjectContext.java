package org.osim.api.object;

import java.util.Optional;
import java.util.SplittableRandom;
import org.osim.api.sched.TimerHandle;

/**
 * The kernel services an object builds on: wait queues and wake-ups, ownership (for the wait-for graph
 * and hold times), priority changes (for inheritance), timers, its own random stream, and counters and
 * trace notes of its own.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public interface ObjectContext {
    long now();

    /** The object's own random stream, derived from the run's seed. */
    SplittableRandom random();

    /**
     * A new wait queue, named for reports ("m.waiters"). Its waiters wait for the object's holders: the
     * kernel follows these edges to find deadlock cycles (and, for an inheriting object, to lend priority).
     */
    WaitQueue waitQueue(String name, QueueOrder order);

    /**
     * A wait queue for a condition (first come, first woken) whose waiters wait for a signal, not for the
     * object's holders: it is not an edge of the wait-for graph.
     */
    WaitQueue conditionQueue(String name);

    /** Moves {@code thread}, still blocked, from {@code from} to {@code to} (a signalled waiter that must now wait for a lock). */
    void requeue(WaitQueue from, ThreadRef thread, WaitQueue to);

    /**
     * Makes the object priority-inheriting: a thread holding it runs at least at the priority of the most
     * important thread waiting for it, through chains of such objects, and gets its own back when it no
     * longer holds one that lends it more (the turnstile protocol of Solaris).
     */
    void inheritPriority();

    /**
     * Wakes the first waiter of {@code queue}: its call completes with {@code value}. Returns it, or empty if
     * nobody waits.
     */
    Optional<ThreadRef> wakeOne(WaitQueue queue, long value);

    /** Wakes every waiter of {@code queue}; returns how many. */
    int wakeAll(WaitQueue queue, long value);

    /** Wakes {@code thread}, which must be waiting in {@code queue}. */
    void wake(WaitQueue queue, ThreadRef thread, long value);

    /**
     * {@code thread} now holds the object (a mutex's owner, a semaphore unit's taker): threads blocked on
     * the object wait for it, in the wait-for graph the kernel checks for deadlock cycles.
     */
    void acquired(ThreadRef thread);

    /** {@code thread} no longer holds the object. */
    void released(ThreadRef thread);

    /**
     * {@code thread} now holds the part of the object that {@code queue}'s waiters wait for (one semaphore
     * of an array, say): finer edges in the wait-for graph than {@link #acquired(ThreadRef)}.
     */
    void acquired(ThreadRef thread, WaitQueue queue);

    /** {@code thread} no longer holds the part {@code queue}'s waiters wait for. */
    void released(ThreadRef thread, WaitQueue queue);

    /**
     * Sets the priority in force of {@code thread} (priority inheritance raises it; returning it to
     * {@code thread.basePriority()} restores it). If it waits in another object, that object is told.
     */
    void setPriority(ThreadRef thread, int priority);

    /**
     * A dispatcher object ({@link Waitable}) may have become signalled: the kernel satisfies the
     * {@code waitfor}s that wait for it, in the order they began, while they can be.
     */
    void signalled();

    /**
     * Runs {@code action} when the process named {@code process} ends (a Windows process object is
     * signalled then). Throws {@link IllegalArgumentException} if the workload has no such process.
     */
    void onProcessExit(String process, Runnable action);

    /** Runs {@code action} when the thread named {@code thread} ({@code P.t}, as in results) ends. */
    void onThreadExit(String thread, Runnable action);

    /**
     * The value of memory word {@code word} ({@code lock}, {@code flags[1]}) as {@code thread} sees it — its
     * process's word of that name, else the shared one — read atomically, as a futex's kernel side reads
     * the user word. Throws {@link IllegalArgumentException} if there is no such word.
     */
    long load(ThreadRef thread, String word);

    /** Whether {@code thread} is on a CPU now (the test of a Solaris adaptive mutex: spin if its owner runs). */
    boolean isRunning(ThreadRef thread);

    /** Runs {@code action} at simulated time {@code time}. */
    TimerHandle at(long time, Runnable action);

    /**
     * Adds {@code delta} to the object's counter {@code counter} ("versions reclaimed"), reported with its
     * statistics in the order counters were first used.
     */
    void count(String counter, long delta);

    /** Raises the object's counter {@code counter} to {@code value} if it is lower (a high-water mark). */
    void countMax(String counter, long value);

    /**
     * Adds {@code nanos} to the object's time counter {@code counter} ("writer wait"), reported as a duration
     * in the run's time unit, after the plain counters.
     */
    void countTime(String counter, long nanos);

    /** Raises the object's time counter {@code counter} to {@code nanos} if it is lower (a worst case). */
    void countMaxTime(String counter, long nanos);

    /** Records what the object did ("version 1 reclaimed") as a trace event stamped with the time. */
    void note(String what);
}
