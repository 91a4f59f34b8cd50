package org.osim.api.sched;

import java.util.SplittableRandom;

/** What the kernel offers a policy instance: time, its own random stream, the CPUs and timers. */
public interface SchedulerContext {

    /** The simulated time, in nanoseconds. */
    long now();

    /** The policy's own random stream, derived from the run's seed; the only randomness a policy may use. */
    SplittableRandom random();

    int cpuCount();

    /** A read-only view of CPU {@code id}, {@code 0 <= id < cpuCount()}. */
    CpuView cpu(int id);

    /** The period of the machine's clock tick, or 0 if it has none. */
    long tickNanos();

    /** Runs {@code action} at simulated time {@code time} (not before now); the handle cancels it. */
    TimerHandle at(long time, Runnable action);

    /** Asks the kernel to preempt whatever runs on {@code cpu} and pick again, at the end of this instant. */
    void reschedule(int cpu);
}
