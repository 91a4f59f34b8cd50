package org.osim.schedulers;

import java.util.List;
import java.util.TreeMap;
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
 * Priority scheduling (Tanenbaum §2.4.3): the runnable process with the highest priority runs; a larger
 * number is more important. Equal priorities share the CPU round robin.
 */
public final class PriorityScheduling implements SchedulerFactory {
    static final ParameterSpec<Boolean> PREEMPTIVE = ParameterSpec.bool("preemptive", true,
            "whether a process that becomes ready with a higher priority preempts the running one");
    static final ParameterSpec<Long> QUANTUM = ParameterSpec.duration("quantum", "20ms",
            "time slice for round robin among processes of equal priority");

    @Override
    public String name() {
        return "priority";
    }

    @Override
    public String description() {
        return "Priority scheduling: run the ready process with the highest priority (larger number = more "
                + "important); processes of equal priority take turns round robin, one quantum each, and a "
                + "process preempted at the end of its quantum goes behind its equals (Tanenbaum §2.4.3). With "
                + "preemptive=true a process that becomes ready with a strictly higher priority than a running "
                + "one preempts it. Low priorities can starve.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(PREEMPTIVE, QUANTUM);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        boolean preemptive = params.get(PREEMPTIVE);
        long quantum = params.get(QUANTUM);
        return new Scheduler() {
            /** One FIFO queue per priority, highest first. */
            private final TreeMap<Integer, FifoRunQueue> queues = new TreeMap<>(java.util.Comparator.reverseOrder());

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                queues.computeIfAbsent(task.priority(), p -> new FifoRunQueue()).add(task);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                for (FifoRunQueue q : queues.values()) {
                    Task t = q.poll();
                    if (t != null) {
                        return t;
                    }
                }
                return null;
            }

            @Override
            public void dequeue(Task task) {
                for (FifoRunQueue q : queues.values()) {
                    if (q.remove(task)) {
                        return;
                    }
                }
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                return quantum;
            }

            @Override
            public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
                return preemptive && woken.priority() > current.priority();
            }

            @Override
            public int selectCpu(Task task, int previousCpu) {
                // The CPU running the least important task is the one to consider preempting.
                int best = previousCpu;
                int lowest = Integer.MAX_VALUE;
                for (int i = 0; i < context.cpuCount(); i++) {
                    int p = context.cpu(i).current().map(Task::priority).orElse(Integer.MIN_VALUE);
                    if (p < lowest) {
                        lowest = p;
                        best = i;
                    }
                }
                return best;
            }
        };
    }
}
