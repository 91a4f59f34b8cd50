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
 * Shortest remaining time next (Tanenbaum §2.4.2): the preemptive version of SJF. A newly ready job whose
 * declared remaining time is strictly shorter than the running one's takes the CPU.
 */
public final class ShortestRemainingTimeNext implements SchedulerFactory {
    @Override
    public String name() {
        return "srtn";
    }

    @Override
    public String description() {
        return "Shortest remaining time next, the preemptive version of SJF: run the ready job whose declared "
                + "run time minus CPU time used is smallest; a job that becomes ready with a strictly shorter "
                + "remaining time preempts the running one; ties go first-come first-served (Tanenbaum §2.4.2).";
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            private final PriorityRunQueue queue = new PriorityRunQueue();

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                queue.add(task, task.remainingDeclaredNanos());
            }

            @Override
            public Task pickNext(CpuView cpu) {
                return queue.poll(cpu);
            }

            @Override
            public void dequeue(Task task) {
                queue.remove(task);
            }

            @Override
            public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
                return woken.remainingDeclaredNanos() < current.remainingDeclaredNanos();
            }

            @Override
            public int selectCpu(Task task, int previousCpu) {
                // Consider the CPU whose running job has the most time left: the one worth preempting.
                int best = previousCpu;
                long most = -1;
                for (int i = 0; i < context.cpuCount(); i++) {
                    if (!task.allowedOn(i)) {
                        continue; // a pinned task can only preempt where it may run
                    }
                    long left = context.cpu(i).current().map(Task::remainingDeclaredNanos).orElse(Long.MAX_VALUE);
                    if (left > most) {
                        most = left;
                        best = i;
                    }
                }
                return best;
            }
        };
    }
}
