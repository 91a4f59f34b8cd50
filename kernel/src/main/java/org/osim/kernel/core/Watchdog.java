package org.osim.kernel.core;

import org.osim.api.SimTime;
import org.osim.hardware.Engine;
import org.osim.hardware.Event;
import org.osim.hardware.EventRank;

/**
 * The watchdog in simulated time (after sched_ext's): a task runnable for longer than the bound while a CPU
 * it may use sits idle ends the run with an error naming the policy.
 */
final class Watchdog {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Watchdog.class);
    private final Engine engine;
    private final KernelOptions options;
    private final CpuSlot[] cpus;
    private final SchedulerGuard policy;
    private final ProcessTable table;
    private long idleWithWorkSince = -1;
    private Event watchdog;

    // Peers, wired once by Kernel.
    Dispatcher dispatcher;

    Watchdog(Engine engine, KernelOptions options, CpuSlot[] cpus, SchedulerGuard policy, ProcessTable table) {
        this.engine = engine;
        this.options = options;
        this.cpus = cpus;
        this.policy = policy;
        this.table = table;
    }

    /** No CPU idles while work waits: the watchdog's clock starts again from zero. */
    void calm() {
        idleWithWorkSince = -1;
    }

    void armWatchdog(long now) {
        if (options.watchdogNanos() <= 0) {
            return;
        }
        if (idleWithWorkSince < 0) {
            idleWithWorkSince = now;
            LOG.debug("{} ms: a CPU idles while {} thread(s) are ready: the watchdog watches (bound {})",
                    SimTime.formatMillis(now), dispatcher.held, SimTime.format(options.watchdogNanos()));
        }
        if (watchdog == null) {
            watchdog = Event.of(EventRank.WATCHDOG, this::onWatchdog);
        }
        if (!watchdog.isScheduled()) {
            engine.schedule(watchdog, idleWithWorkSince + options.watchdogNanos());
        }
    }

    void onWatchdog() {
        long now = engine.now();
        if (idleWithWorkSince < 0 || dispatcher.held == 0) {
            return;
        }
        ThreadControlBlock oldest = null;
        for (ThreadControlBlock t : table.threads()) {
            if (t.held && (oldest == null || t.readySince < oldest.readySince)) {
                oldest = t;
            }
        }
        if (now - idleWithWorkSince >= options.watchdogNanos() && oldest != null
                && now - oldest.readySince >= options.watchdogNanos()) {
            int idle = -1;
            for (CpuSlot c : cpus) {
                if (c.current == null) {
                    idle = c.id;
                    break;
                }
            }
            throw policy.failure("pickNext", "watchdog: task " + oldest.name + " has been runnable for "
                    + SimTime.formatMillis(now - oldest.readySince) + " ms while cpu " + idle
                    + " sat idle (bound " + SimTime.format(options.watchdogNanos()) + ")", null);
        }
        engine.schedule(watchdog, Math.max(idleWithWorkSince, oldest == null ? now : oldest.readySince)
                + options.watchdogNanos());
    }
}
