package org.osim.schedulers;

import org.osim.api.param.Parameters;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/**
 * Deadline monotonic scheduling (Leung and Whitehead 1982): static priorities by relative deadline, the
 * shorter the higher; optimal among fixed priorities when deadlines are at most the periods.
 */
public final class DeadlineMonotonic implements SchedulerFactory {
    @Override
    public String name() {
        return "dm";
    }

    @Override
    public String description() {
        return "Deadline monotonic (Leung and Whitehead 1982): each real-time task gets a fixed priority by its "
                + "relative deadline, the shorter the higher; preemptive. With deadlines equal to periods it is "
                + "rate monotonic; with shorter deadlines it is the optimal fixed-priority order. Ties go "
                + "first-come first-served; other processes run in the background.";
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        return new KeyedRealTime(context, Task::relativeDeadlineNanos);
    }
}
