package org.osim.api.sched;

/**
 * A scheduling policy, shaped after Linux's {@code sched_class}: the kernel calls it when a task becomes
 * runnable, when a CPU needs a task, and at the moments listed below; the policy only decides.
 *
 * <p>The kernel protects itself: {@link #pickNext} must return a task the policy holds (one passed to
 * {@link #enqueue} and not yet picked or {@link #dequeue dequeued}); anything else, or an exception from
 * any callback, ends the run with a report naming the policy, the callback and the simulated time. A
 * runnable task left waiting while a CPU idles past the watchdog bound ends the run the same way.
 *
 * <p>All callbacks run on the simulation's single thread, at simulated time {@link SchedulerContext#now()}.
 * Stable.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public interface Scheduler {

    /** {@code task} became runnable and is now held by the policy until picked or dequeued. */
    void enqueue(Task task, EnqueueReason why);

    /**
     * Takes the next task for {@code cpu} out of the policy's hands.
     *
     * @return a task the policy holds, or {@code null} to leave the CPU idle. This is the one place the SPI
     *     uses {@code null}: it is the hottest call of the simulation, and it mirrors {@code pick_next_task}.
     */
    Task pickNext(CpuView cpu);

    /** {@code task} leaves the runnable set without running: it was killed or the kernel took it back. */
    default void dequeue(Task task) {}

    /** How long {@code task} may run on {@code cpu} before the timer preempts it; {@link Slice#INFINITE} for no limit. */
    default long sliceNanos(Task task, CpuView cpu) {
        return Slice.INFINITE;
    }

    /** Whether {@code woken}, just made runnable, should preempt {@code current} running on {@code cpu}. */
    default boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
        return false;
    }

    /** The periodic clock tick (only if the machine has one); return {@code true} to preempt {@code current}. */
    default boolean tick(Task current, CpuView cpu) {
        return false;
    }

    /** A hint: which CPU {@code task}, becoming runnable, should be considered for (for wake-up preemption). */
    default int selectCpu(Task task, int previousCpu) {
        return previousCpu;
    }

    /** {@code task} starts running on {@code cpu}. */
    default void running(Task task, CpuView cpu) {}

    /** {@code task} stops running on {@code cpu} after {@code ranNanos} of CPU time in this turn. */
    default void stopping(Task task, CpuView cpu, StopReason why, long ranNanos) {}

    /** A task was created; called once, before its first {@link #enqueue}. */
    default void taskNew(Task task) {}

    /** A task ended; called once, after it stopped running and was dequeued. */
    default void taskExit(Task task) {}

    /**
     * Whether this policy keeps gangs together: every thread of a gang process ({@link Task#gangSize()} above 1)
     * that is ready when one of them is picked is picked in the same instant, each for a CPU of its own (space
     * sharing, Tanenbaum §8.1.5). The kernel runs a workload with gangs only under a policy that says so, and
     * ends the run, naming the policy, at the first instant that breaks the rule. Asked once, after create.
     */
    default boolean schedulesGangs() {
        return false;
    }

    /**
     * What this policy promises about its decisions (work conservation, a global priority order), for the
     * invariant checker to hold it to. Asked once, after {@link SchedulerFactory#create}.
     */
    default Promises promises() {
        return Promises.NONE;
    }
}
