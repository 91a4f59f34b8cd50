package org.osim.kernel.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.osim.api.trace.TraceListener;
import org.osim.hardware.CostProfile;

/**
 * How one run is set up, besides its workload and policy.
 *
 * @param watchdogNanos how long a runnable task may wait while a CPU idles before the policy is declared
 *     broken; 0 turns the watchdog off
 * @param maxEvents the most events the run may take before it stops with a bad-input error (--max-events);
 *     {@code Long.MAX_VALUE} for no limit
 * @param maxMemory the most heap, in bytes, the run may hold before it stops with a bad-input error
 *     (--max-memory); {@code Long.MAX_VALUE} for no limit but the JVM's
 * @param horizon simulated time at which the run stops even if work remains; {@code Long.MAX_VALUE} for none
 * @param ticketTransfer whether a thread blocked waiting for another lends it its lottery tickets
 * @param runtimeSchedulers finds the scheduler plugins that processes' run-time systems use for user threads
 * @param objectTypes finds the kernel-object plugins the workload's objects are made by
 * @param check whether the invariant checker watches the run (see {@link InvariantChecker})
 * @param ended counts the processes that end, as they end, for a progress display on another thread; empty for none
 * @param heartbeat receives the number of events run every 1,024 events, for a watcher of stuck callbacks; empty for none
 */
public record KernelOptions(int cpus, CostProfile costs, long tickNanos, long seed, long watchdogNanos,
                            boolean recordSlices, List<TraceListener> listeners, long horizon, boolean ticketTransfer,
                            java.util.function.Function<String, org.osim.api.sched.SchedulerFactory> runtimeSchedulers,
                            java.util.function.Function<String, org.osim.api.object.KernelObjectFactory> objectTypes,
                            boolean check, long maxEvents, long maxMemory,
                            java.util.Optional<java.util.concurrent.atomic.AtomicLong> ended,
                            java.util.Optional<java.util.concurrent.atomic.AtomicLong> heartbeat) {
    /** Like sched_ext's default, but in simulated time. */
    public static final long DEFAULT_WATCHDOG = 30_000_000_000L;

    public KernelOptions {
        requireNonNull(costs, "costs is null");
        listeners = List.copyOf(listeners);
        requireNonNull(runtimeSchedulers, "runtimeSchedulers is null");
        requireNonNull(objectTypes, "objectTypes is null");
        requireNonNull(ended, "ended is null");
        requireNonNull(heartbeat, "heartbeat is null");
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be at least 1");
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1");
        }
        if (watchdogNanos < 0 || tickNanos < 0 || horizon < 0) {
            throw new IllegalArgumentException("watchdog, tick and horizon cannot be negative");
        }
    }
}
