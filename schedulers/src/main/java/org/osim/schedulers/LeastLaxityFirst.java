package org.osim.schedulers;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.FifoRunQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/**
 * Least laxity first (Mok 1983): the job with the least slack — deadline − now − remaining work — runs.
 * Laxities of waiting jobs shrink while the running one's stays, so the choice is made again every
 * quantum.
 */
public final class LeastLaxityFirst implements SchedulerFactory {
    static final ParameterSpec<Long> QUANTUM = ParameterSpec.duration("quantum", "1ms", "how often laxities are compared again");

    @Override
    public String name() {
        return "llf";
    }

    @Override
    public String description() {
        return "Least laxity first (Mok 1983): the ready real-time job with the least laxity (absolute deadline "
                + "minus now minus the work it still needs) runs; the choice is made again every quantum and when "
                + "a job is released with less laxity. Optimal on one CPU like EDF, but it switches more, and "
                + "jobs of equal laxity thrash. Ties go first-come first-served; other processes run in the "
                + "background. Picking scans the ready jobs: linear cost.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(QUANTUM);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        long quantum = params.get(QUANTUM);
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            private final List<Task> realTime = new ArrayList<>();
            private final FifoRunQueue background = new FifoRunQueue();

            private long laxity(Task t) {
                return t.deadlineNanos() == Long.MAX_VALUE ? Long.MAX_VALUE
                        : t.deadlineNanos() - context.now() - t.jobRemainingNanos();
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                if (task.realTime()) {
                    realTime.add(task);
                } else {
                    background.add(task);
                }
            }

            @Override
            public Task pickNext(CpuView cpu) {
                int best = -1;
                long least = Long.MAX_VALUE;
                for (int i = 0; i < realTime.size(); i++) {
                    if (!realTime.get(i).allowedOn(cpu.id())) {
                        continue;
                    }
                    long l = laxity(realTime.get(i));
                    if (best < 0 || l < least) {
                        least = l;
                        best = i;
                    }
                }
                return best >= 0 ? realTime.remove(best) : background.poll(cpu);
            }

            @Override
            public void dequeue(Task task) {
                if (!realTime.remove(task)) {
                    background.remove(task);
                }
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                return quantum;
            }

            @Override
            public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
                return woken.realTime() && laxity(woken) < laxity(current);
            }
        };
    }
}
