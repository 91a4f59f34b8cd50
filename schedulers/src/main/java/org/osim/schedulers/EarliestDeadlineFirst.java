package org.osim.schedulers;

import org.osim.api.param.Parameters;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/**
 * Earliest deadline first (Liu and Layland 1973; Tanenbaum §2.4.4): the ready job with the earliest
 * absolute deadline runs, preemptively. Optimal on one CPU: any set with utilization at most 1 (and
 * deadlines equal to periods) meets every deadline. On several CPUs it is global EDF.
 */
public final class EarliestDeadlineFirst implements SchedulerFactory {
    @Override
    public String name() {
        return "edf";
    }

    @Override
    public String description() {
        return "Earliest deadline first (Liu and Layland 1973; Tanenbaum §2.4.4): the ready real-time job with "
                + "the earliest absolute deadline runs; a job released with an earlier deadline preempts. Other "
                + "processes run in the background, first-come first-served. On one CPU every periodic set with "
                + "utilization at most 1 meets its deadlines. On several CPUs this is global EDF (see gedf), "
                + "which can miss deadlines at low utilization (Dhall's effect).";
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        return new KeyedRealTime(context, Task::deadlineNanos);
    }
}
