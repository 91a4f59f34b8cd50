package org.osim.api.sched;

import java.util.List;
import java.util.SplittableRandom;
import org.osim.api.workload.UserSpec;

/** What the kernel offers a policy instance: time, its own random stream, the CPUs and timers. */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public interface SchedulerContext {

    /** The simulated time, in nanoseconds. */
    long now();

    /** The policy's own random stream, derived from the run's seed; the only randomness a policy may use. */
    SplittableRandom random();

    /**
     * The number of CPUs. For a process's run-time scheduler these are its kernel threads or virtual
     * processors, whose number can change under scheduler activations.
     */
    int cpuCount();

    /** A read-only view of CPU {@code id}, {@code 0 <= id < cpuCount()}. */
    CpuView cpu(int id);

    /** The period of the machine's clock tick, or 0 if it has none. */
    long tickNanos();

    /**
     * What one machine instruction takes on this machine (the profile's instruction time): for policies that count
     * instructions, as OSTEP's x86.py does.
     */
    default long instructionNanos() {
        return 1;
    }

    /** Notes a decision of the policy's in the run's trace (a {@code PolicyNote}): why it switched, what it drew. */
    default void note(String what) {}

    /** Runs {@code action} at simulated time {@code time} (not before now); the handle cancels it. */
    TimerHandle at(long time, Runnable action);

    /** Asks the kernel to preempt whatever runs on {@code cpu} and pick again, at the end of this instant. */
    void reschedule(int cpu);

    /**
     * The workload as declared (generated processes already drawn): for policies that plan ahead, such as
     * partitioning real-time tasks over CPUs before they arrive.
     */
    org.osim.api.workload.Workload workload();

    /** The workload's users and their CPU shares, declared ones first (for fair-share policies). */
    List<UserSpec> users();

    /**
     * Publishes a figure of the policy's about {@code task} (a priority, a queue level, a count); the
     * results show the last value under the task's {@code policy} metrics.
     */
    void report(Task task, String metric, double value);

    /** Like {@link #report}, for a duration in nanoseconds, which reports print in their time unit. */
    void reportTime(Task task, String metric, long nanos);
}
