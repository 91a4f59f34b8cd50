package org.osim.schedulers;

import java.util.List;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.PriorityRunQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.Task;

/**
 * Dynamic priority for I/O-bound work (Tanenbaum §2.4.3): priority 1/f, where f is the fraction of its
 * last quantum a process used. Using 1 ms of a 50 ms quantum gives priority 50, 25 ms gives 2, the whole
 * quantum gives 1.
 */
public final class DynamicPriority implements SchedulerFactory {
    static final ParameterSpec<Long> QUANTUM = ParameterSpec.duration("quantum", "50ms", "the quantum f is a fraction of");
    static final ParameterSpec<Boolean> PREEMPTIVE = ParameterSpec.bool("preemptive", true,
            "whether a process becoming ready with a higher priority preempts the running one");

    /** The CPU a task used of its last quantum (a whole quantum before its first): priority is quantum / used. */
    private static final class State {
        long lastUsed;
        /** CPU used in turns cut short by preemption, added to the turn that ends the quantum's use. */
        long pending;
    }

    @Override
    public String name() {
        return "dynamic-priority";
    }

    @Override
    public String description() {
        return "Dynamic priority for I/O-bound processes (Tanenbaum §2.4.3): a process's priority is 1/f, f being "
                + "the fraction of its last quantum it used, so a process that used 1 ms of a 50 ms quantum gets "
                + "priority 50, one that used 25 ms gets 2 and one that used it all gets 1. I/O-bound processes "
                + "get the CPU at once when they need it. A new process starts at priority 1 and earns more by "
                + "blocking early; equal priorities go first-come first-served. Results show each process's last priority.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(QUANTUM, PREEMPTIVE);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        long quantum = params.get(QUANTUM);
        boolean preemptive = params.get(PREEMPTIVE);
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            // Ordering by CPU used in the last turn is ordering by 1/f, highest first, in exact integers.
            private final PriorityRunQueue queue = new PriorityRunQueue();

            private long used(Task t) {
                return t.attachment(State.class).lastUsed;
            }

            @Override
            public void taskNew(Task task) {
                State s = new State();
                s.lastUsed = quantum; // priority 1 until it shows, by blocking early, that it deserves more
                task.attach(s);
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                queue.add(task, used(task));
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
            public long sliceNanos(Task task, CpuView cpu) {
                return quantum;
            }

            @Override
            public void stopping(Task task, CpuView cpu, StopReason why, long ranNanos) {
                State s = task.attachment(State.class);
                if (why == StopReason.PREEMPTED || why == StopReason.PRIORITY_CHANGED) {
                    s.pending += ranNanos; // cut short by someone else: the quantum's use goes on next turn
                    return;
                }
                long used = s.pending + ranNanos;
                s.pending = 0;
                if (why == StopReason.EXITED || used == 0) {
                    return; // its last piece of work, or it only passed through: no measure of its appetite
                }
                s.lastUsed = Math.min(used, quantum);
                context.report(task, "priority", (double) quantum / s.lastUsed);
            }

            @Override
            public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
                return preemptive && used(woken) < used(current);
            }
        };
    }
}
