package org.osim.schedulers;

import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.PriorityRunQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/**
 * Shortest job first (Tanenbaum §2.4.2), non-preemptive, by the declared run time; equal run times go
 * first-come first-served.
 */
public final class ShortestJobFirst implements SchedulerFactory {
    @Override
    public String name() {
        return "sjf";
    }

    @Override
    public String description() {
        return "Shortest job first, non-preemptive: when the CPU is free, run the ready job with the shortest "
                + "declared run time (the workload's 'runtime', by default the sum of its CPU bursts); ties "
                + "go first-come first-served (Tanenbaum §2.4.2, Fig. 2-41). Optimal for mean turnaround "
                + "only when all jobs are available at once."
                + " With gang processes (parallel jobs), space sharing: the shortest waiting job starts when enough "
                + "CPUs are free for all its threads, and the others wait behind it.";
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        if (SpaceSharing.hasGangs(context.workload())) {
            return new SpaceSharing(context, SpaceSharing.Backfilling.NONE, true, false);
        }
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            private final PriorityRunQueue queue = new PriorityRunQueue();

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                queue.add(task, task.declaredRunNanos());
            }

            @Override
            public Task pickNext(CpuView cpu) {
                return queue.poll(cpu);
            }

            @Override
            public void dequeue(Task task) {
                queue.remove(task);
            }
        };
    }
}
