package org.osim.api.sched;

import java.util.OptionalInt;

/**
 * A read-only view of a schedulable thread, with one slot for the policy's own per-task data. Priorities
 * follow the textbook: a larger number is more important. Times are simulated nanoseconds. Stable.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public interface Task {
    /** The thread id, unique in the run. */
    int id();

    /** The process name for a single-threaded process, {@code process.thread} otherwise. */
    String name();

    int pid();

    String processName();

    String user();

    ThreadKind kind();

    /** The priority the workload gave (larger = more important). */
    int basePriority();

    /** The priority in force now, which the kernel may raise (priority inheritance); larger = more important. */
    int priority();

    /** Lottery tickets: its own, plus any lent to it by threads blocked waiting for it (ticket transfer). */
    int tickets();

    /** The Unix nice value, -20 (most favoured) to 19; CFS-style policies weigh tasks by it. */
    int nice();

    /** When it was created (its process's arrival for the first threads). */
    long arrivalNanos();

    /** Whether it is a periodic or sporadic real-time task. */
    boolean realTime();

    /** Its period (minimum inter-arrival time if sporadic); {@code Long.MAX_VALUE} if it is not real-time. */
    long periodNanos();

    /** Its relative deadline; {@code Long.MAX_VALUE} if it is not real-time. */
    long relativeDeadlineNanos();

    /** The absolute deadline of its current job; {@code Long.MAX_VALUE} if it is not real-time or has no job now. */
    long deadlineNanos();

    /** The CPU time its current job (or, for other tasks, its program) still needs, by the workload. */
    long jobRemainingNanos();

    /** The run time declared in the workload, for policies allowed to know it (SJF, SRTN). */
    long declaredRunNanos();

    /** {@link #declaredRunNanos()} less the CPU time used so far, never below zero. */
    default long remainingDeclaredNanos() {
        return Math.max(0, declaredRunNanos() - cpuNanos());
    }

    /** CPU time used so far. */
    long cpuNanos();

    ThreadState state();

    /**
     * Whether its CPU affinity lets it run on {@code cpu} (always, unless the workload pins it). The kernel
     * refuses a {@link Scheduler#pickNext} that breaks affinity; the run-queue helpers' {@code poll(cpu)}
     * respect it.
     */
    default boolean allowedOn(int cpu) {
        return true;
    }

    /**
     * The number of threads of its gang, which start together on CPUs of their own ({@link Scheduler#schedulesGangs()}):
     * its process's thread count if the process is a gang (a parallel job), 1 otherwise.
     */
    default int gangSize() {
        return 1;
    }

    /** The CPU it last ran on, if it ever ran. */
    OptionalInt lastCpu();

    /** Stores the policy's own data for this task, replacing what was there. */
    void attach(Object data);

    /** The policy's data, which must have been {@link #attach attached} and be of {@code type}. */
    <T> T attachment(Class<T> type);

    boolean hasAttachment();
}
