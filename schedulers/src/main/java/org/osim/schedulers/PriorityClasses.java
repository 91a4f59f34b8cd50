package org.osim.schedulers;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.ParameterType;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.MultiLevelQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/**
 * Priority classes (Tanenbaum Fig. 2-43): priority scheduling among classes, round robin within a
 * class, and optional aging so that low classes do not starve.
 */
public final class PriorityClasses implements SchedulerFactory {
    static final ParameterSpec<Long> CLASSES = ParameterSpec.integer("classes", 4, 1, 1000,
            "number of priority classes; a process's class is its priority clamped to 1..classes (larger runs first)");
    static final ParameterSpec<Long> QUANTUM = ParameterSpec.duration("quantum", "20ms", "time slice within a class");
    static final ParameterSpec<Long> AGING = new ParameterSpec<>("aging", ParameterType.duration(0), 0L,
            "a waiting process rises one class per this much waiting, until it runs (0 = no aging)");
    static final ParameterSpec<Boolean> PREEMPTIVE = ParameterSpec.bool("preemptive", true,
            "whether a process becoming ready in a higher class preempts a running one");

    @Override
    public String name() {
        return "priority-classes";
    }

    @Override
    public String description() {
        return "Priority classes (Tanenbaum §2.4.3, Fig. 2-43): processes are grouped into classes by priority "
                + "(larger = more important); the highest class with a ready process runs, round robin within "
                + "it. Without aging, a steady stream of high-class work starves the low classes; with aging, "
                + "a waiting process rises one class per 'aging' of waiting and falls back when it runs.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(CLASSES, QUANTUM, AGING, PREEMPTIVE);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        int classes = params.get(CLASSES).intValue();
        long quantum = params.get(QUANTUM);
        long aging = params.get(AGING);
        boolean preemptive = params.get(PREEMPTIVE);
        if (aging == 0) {
            return withoutAging(classes, quantum, preemptive, context);
        }
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            /** Waiting processes in the order they became ready; the scan picks the highest effective class. */
            private final List<Task> ready = new ArrayList<>();
            private final List<Long> since = new ArrayList<>();

            private int baseClass(Task t) {
                return Math.max(1, Math.min(classes, t.priority()));
            }

            private int effectiveClass(Task t, long readySince) {
                int c = baseClass(t);
                if (aging > 0) {
                    c = (int) Math.min(classes, c + (context.now() - readySince) / aging);
                }
                return c;
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                ready.add(task);
                since.add(context.now());
            }

            @Override
            public Task pickNext(CpuView cpu) {
                int best = -1;
                int bestClass = 0;
                for (int i = 0; i < ready.size(); i++) {
                    if (!ready.get(i).allowedOn(cpu.id())) {
                        continue;
                    }
                    int c = effectiveClass(ready.get(i), since.get(i));
                    if (c > bestClass) {
                        bestClass = c;
                        best = i;
                    }
                }
                if (best < 0) {
                    return null;
                }
                since.remove(best);
                Task t = ready.remove(best);
                context.report(t, "class", bestClass);
                return t;
            }

            @Override
            public void dequeue(Task task) {
                int i = ready.indexOf(task);
                if (i >= 0) {
                    ready.remove(i);
                    since.remove(i);
                }
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                return quantum;
            }

            @Override
            public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
                return preemptive && baseClass(woken) > baseClass(current);
            }
        };
    }

    /** Without aging a class never changes while waiting: one FIFO queue per class, constant time. */
    private static Scheduler withoutAging(int classes, long quantum, boolean preemptive, SchedulerContext context) {
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            private final MultiLevelQueue queues = new MultiLevelQueue(classes);

            private int baseClass(Task t) {
                return Math.max(1, Math.min(classes, t.priority()));
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                queues.add(classes - baseClass(task), task);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                Task t = queues.poll(cpu);
                if (t != null) {
                    context.report(t, "class", baseClass(t));
                }
                return t;
            }

            @Override
            public void dequeue(Task task) {
                queues.remove(task);
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                return quantum;
            }

            @Override
            public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
                return preemptive && baseClass(woken) > baseClass(current);
            }
        };
    }
}
