package org.osim.schedulers;

import org.osim.api.param.Parameters;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/**
 * Rate monotonic scheduling (Liu and Layland 1973; Tanenbaum §2.4.4): static priorities, the shorter the
 * period the higher; preemptive. Optimal among fixed-priority policies for deadlines equal to periods.
 */
public final class RateMonotonic implements SchedulerFactory {
    @Override
    public String name() {
        return "rm";
    }

    @Override
    public String description() {
        return "Rate monotonic (Liu and Layland 1973; Tanenbaum §2.4.4): each periodic task gets a fixed priority "
                + "by its rate, the shorter the period the higher; the highest-priority ready job runs and a "
                + "release of a higher-priority job preempts. Equal periods go first-come first-served; other "
                + "processes run in the background. Any set with utilization at most n(2^(1/n) - 1) is "
                + "schedulable; osim analyze gives the exact response-time test.";
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        return new KeyedRealTime(context, Task::periodNanos);
    }
}
