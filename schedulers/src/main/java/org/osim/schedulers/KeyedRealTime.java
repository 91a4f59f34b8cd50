package org.osim.schedulers;

import java.util.function.ToLongFunction;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.FifoRunQueue;
import org.osim.api.sched.PriorityRunQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.Task;

/**
 * The shape shared by EDF, RM and DM on one CPU or globally on several: real-time tasks in a queue
 * ordered by a key (absolute deadline, period or relative deadline; smaller runs first, ties first-come
 * first-served), preempting on wake-up the CPU whose running task has the largest key; other tasks run
 * in the background, first-come first-served, only when no real-time job is ready.
 */
final class KeyedRealTime implements Scheduler {
    private final SchedulerContext context;
    private final ToLongFunction<Task> key;
    private final PriorityRunQueue realTime = new PriorityRunQueue();
    private final FifoRunQueue background = new FifoRunQueue();

    KeyedRealTime(SchedulerContext context, ToLongFunction<Task> key) {
        this.context = context;
        this.key = key;
    }

    private long keyOf(Task t) {
        return t.realTime() ? key.applyAsLong(t) : Long.MAX_VALUE;
    }

    @Override
    public void enqueue(Task task, EnqueueReason why) {
        if (task.realTime()) {
            realTime.add(task, keyOf(task));
        } else {
            background.add(task);
        }
    }

    @Override
    public Task pickNext(CpuView cpu) {
        Task t = realTime.poll(cpu);
        return t != null ? t : background.poll(cpu);
    }

    @Override
    public void dequeue(Task task) {
        if (!realTime.remove(task)) {
            background.remove(task);
        }
    }

    @Override
    public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
        return woken.realTime() && (!current.realTime() || keyOf(woken) < keyOf(current));
    }

    @Override
    public org.osim.api.sched.Promises promises() {
        // Global: the m jobs with the smallest keys run; background tasks (key MAX_VALUE) only after them.
        return org.osim.api.sched.Promises.priorityOrder(java.util.Comparator.comparingLong(this::keyOf));
    }

    @Override
    public int selectCpu(Task task, int previousCpu) {
        // Global scheduling: the CPU whose running job is least urgent is the one to preempt.
        int best = previousCpu;
        long worst = Long.MIN_VALUE;
        for (int i = 0; i < context.cpuCount(); i++) {
            if (!task.allowedOn(i)) {
                continue; // a pinned job can only preempt where it may run
            }
            long k = context.cpu(i).current().map(this::keyOf).orElse(Long.MAX_VALUE);
            if (k > worst) {
                worst = k;
                best = i;
            }
        }
        return best;
    }
}
