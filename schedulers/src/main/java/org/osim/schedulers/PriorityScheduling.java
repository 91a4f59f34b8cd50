package org.osim.schedulers;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osim.api.OsimException;
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
 * number is more important. Equal priorities share the CPU round robin. Optionally the running process's
 * priority decays at each clock tick, so that it cannot run indefinitely.
 */
public final class PriorityScheduling implements SchedulerFactory {
    static final ParameterSpec<Boolean> PREEMPTIVE = ParameterSpec.bool("preemptive", true,
            "whether a process that becomes ready with a higher priority preempts the running one");
    static final ParameterSpec<Long> QUANTUM = ParameterSpec.duration("quantum", "20ms",
            "time slice for round robin among processes of equal priority");
    static final ParameterSpec<Long> DECAY = ParameterSpec.integer("decay", 0, 0, 1_000_000,
            "priority the running process loses at each clock tick (needs a machine tick; 0 = none); restored when it blocks");

    /** The priority the policy ranks a task by: its own, less what it lost to decay. */
    private static final class State {
        int current;
    }

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
                + "one preempts it. With decay=d and a clock tick, the running process loses d at each tick and "
                + "is switched out once it falls below the best waiting process; it gets its priority back when "
                + "it blocks. Low priorities can starve.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(PREEMPTIVE, QUANTUM, DECAY);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        boolean preemptive = params.get(PREEMPTIVE);
        long quantum = params.get(QUANTUM);
        int decay = params.get(DECAY).intValue();
        if (decay > 0 && context.tickNanos() == 0) {
            throw OsimException.badInput("scheduler 'priority': decay needs a clock tick (machine 'tick' or --tick)");
        }
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                // Preemptive: the most important ready tasks run (larger priority first); else only no idling.
                return preemptive
                        ? org.osim.api.sched.Promises.priorityOrder((a, b) -> Integer.compare(state(b).current, state(a).current))
                        : org.osim.api.sched.Promises.workConservation();
            }

            /** One FIFO queue per priority, highest first. */
            private final TreeMap<Integer, FifoRunQueue> queues = new TreeMap<>(Comparator.reverseOrder());

            private State state(Task t) {
                return t.attachment(State.class);
            }

            @Override
            public void taskNew(Task task) {
                State s = new State();
                s.current = task.priority();
                task.attach(s);
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                State s = state(task);
                if (why == EnqueueReason.NEW || why == EnqueueReason.WAKEUP || why == EnqueueReason.PRIORITY_CHANGED) {
                    s.current = task.priority();
                }
                queues.computeIfAbsent(s.current, p -> new FifoRunQueue()).add(task);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                for (Map.Entry<Integer, FifoRunQueue> e : queues.entrySet()) {
                    Task t = e.getValue().poll(cpu);
                    if (t != null) {
                        return t;
                    }
                }
                return null;
            }

            @Override
            public void dequeue(Task task) {
                FifoRunQueue q = queues.get(state(task).current);
                if (q != null) {
                    q.remove(task);
                }
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                return quantum;
            }

            @Override
            public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
                return preemptive && state(woken).current > state(current).current;
            }

            @Override
            public boolean tick(Task current, CpuView cpu) {
                if (decay == 0) {
                    return false;
                }
                State s = state(current);
                s.current -= decay;
                context.report(current, "priority", s.current);
                for (Map.Entry<Integer, FifoRunQueue> e : queues.entrySet()) {
                    if (!e.getValue().isEmpty()) {
                        return e.getKey() > s.current;
                    }
                }
                return false;
            }

            @Override
            public int selectCpu(Task task, int previousCpu) {
                // The CPU running the least important task is the one to consider preempting.
                int best = previousCpu;
                int lowest = Integer.MAX_VALUE;
                for (int i = 0; i < context.cpuCount(); i++) {
                    if (!task.allowedOn(i)) {
                        continue; // a pinned task can only preempt where it may run
                    }
                    int p = context.cpu(i).current().map(t -> state(t).current).orElse(Integer.MIN_VALUE);
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
