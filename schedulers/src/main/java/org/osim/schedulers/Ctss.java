package org.osim.schedulers;

import java.util.List;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.MultiLevelQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.Task;

/**
 * CTSS multiple queues (Corbató et al. 1962; Tanenbaum §2.4.3): class k runs 2^k quanta at a time, and a
 * process that uses its whole allotment moves down one class, so a long process is loaded (swapped in)
 * fewer and fewer times: one needing 100 quanta is loaded 7 times (1, 2, 4, 8, 16, 32, 64).
 */
public final class Ctss implements SchedulerFactory {
    static final ParameterSpec<Long> QUANTUM = ParameterSpec.duration("quantum", "10ms", "the quantum of the top class");
    static final ParameterSpec<Long> CLASSES = ParameterSpec.integer("classes", 8, 1, 40, "number of classes (class k runs 2^k quanta)");
    static final ParameterSpec<Boolean> PREEMPTIVE = ParameterSpec.bool("preemptive", false,
            "whether a process becoming ready in a higher class preempts the running one");

    private static final class State {
        int level;
        long loads;
    }

    @Override
    public String name() {
        return "ctss";
    }

    @Override
    public String description() {
        return "CTSS multiple queues (Corbató, Merwin-Daggett and Daley, 1962; Tanenbaum §2.4.3): class 0 runs "
                + "1 quantum, class 1 runs 2, class 2 runs 4, and so on; the highest non-empty class runs first, "
                + "first-come first-served within it. A process that uses up its whole allotment moves down one "
                + "class; one that blocks earlier stays. Each run is a load (a swap-in on the real machine): a "
                + "process needing 100 quanta is loaded 7 times instead of 100. Results show loads and class.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(QUANTUM, CLASSES, PREEMPTIVE);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        long quantum = params.get(QUANTUM);
        int classes = params.get(CLASSES).intValue();
        boolean preemptive = params.get(PREEMPTIVE);
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            private final MultiLevelQueue queues = new MultiLevelQueue(classes);

            private State state(Task t) {
                return t.attachment(State.class);
            }

            @Override
            public void taskNew(Task task) {
                task.attach(new State());
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                queues.add(state(task).level, task);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                return queues.poll(cpu);
            }

            @Override
            public void dequeue(Task task) {
                queues.remove(task);
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                return quantum << state(task).level;
            }

            @Override
            public void running(Task task, CpuView cpu) {
                State s = state(task);
                s.loads++;
                context.report(task, "loads", s.loads);
                context.report(task, "class", s.level);
            }

            @Override
            public void stopping(Task task, CpuView cpu, StopReason why, long ranNanos) {
                if (why == StopReason.SLICE_EXPIRED) {
                    State s = state(task);
                    s.level = Math.min(classes - 1, s.level + 1);
                }
            }

            @Override
            public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
                return preemptive && state(woken).level < state(current).level;
            }
        };
    }
}
