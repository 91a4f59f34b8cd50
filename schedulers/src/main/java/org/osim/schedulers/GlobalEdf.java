package org.osim.schedulers;

import org.osim.api.param.Parameters;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/**
 * Global EDF on several CPUs: one queue of jobs by absolute deadline, the m earliest run. It can miss
 * deadlines at a total utilization barely above 1 (Dhall and Liu 1978): one heavy task beside m light
 * ones with earlier deadlines. The same scheduler as edf, named for what it does on several CPUs.
 */
public final class GlobalEdf implements SchedulerFactory {
    @Override
    public String name() {
        return "gedf";
    }

    @Override
    public String description() {
        return "Global earliest deadline first on several CPUs: one queue of real-time jobs by absolute deadline; "
                + "the jobs with the earliest deadlines run, a job released with an earlier deadline preempting the "
                + "CPU with the latest one; other processes run in the background. Jobs migrate freely. It can miss "
                + "deadlines at a low total utilization: a heavy task beside m light ones with earlier deadlines "
                + "(Dhall and Liu 1978; workload rt-dhall-2cpu). The same as edf, named for the multiprocessor case.";
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        return new KeyedRealTime(context, Task::deadlineNanos);
    }
}
