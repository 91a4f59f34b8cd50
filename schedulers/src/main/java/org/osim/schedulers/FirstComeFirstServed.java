package org.osim.schedulers;

import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.FifoRunQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/**
 * First-come first-served (Tanenbaum §2.4.2): one queue of ready processes, each runs until it blocks or
 * ends; a process that becomes ready again goes to the end of the queue.
 */
public final class FirstComeFirstServed implements SchedulerFactory {
    @Override
    public String name() {
        return "fcfs";
    }

    @Override
    public String description() {
        return "First-come first-served, non-preemptive: a single queue of ready processes in the order they "
                + "became ready; the running one keeps the CPU until it blocks or exits, and a process that "
                + "blocks goes to the end of the queue when it is ready again (Tanenbaum §2.4.2). Simple and "
                + "fair in order, but short jobs wait behind long ones (the convoy effect)."
                + " With gang processes (parallel jobs), space sharing: the first job waits until enough CPUs are "
                + "free for all its threads, and every job behind it waits too.";
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        if (SpaceSharing.hasGangs(context.workload())) {
            return new SpaceSharing(context, SpaceSharing.Backfilling.NONE, false, false);
        }
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            private final FifoRunQueue queue = new FifoRunQueue();

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                queue.add(task);
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
