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
 * A CFS-style policy (Linux 2.6.23–6.5): each task accrues virtual runtime, its CPU time scaled by
 * 1024 / weight (weights from nice values); the task with the least virtual runtime runs, for a slice
 * that shares the target latency among runnable tasks by weight, never shorter than the minimum
 * granularity. It is the book's guaranteed scheduling made exact and cheap.
 */
public final class CompletelyFair implements SchedulerFactory {
    static final ParameterSpec<Long> LATENCY = ParameterSpec.duration("latency", "6ms",
            "target latency: the period in which every runnable task should run once");
    static final ParameterSpec<Long> MIN_GRANULARITY = ParameterSpec.duration("minGranularity", "750us",
            "the shortest slice, however many tasks are runnable");
    static final ParameterSpec<Long> WAKEUP_GRANULARITY = ParameterSpec.duration("wakeupGranularity", "1ms",
            "a waking task preempts only if its virtual runtime is this much behind the running task's");

    private static final class State {
        long vruntime;
        long weight;
        long cpuAtStart;
        boolean runnable;
    }

    @Override
    public String name() {
        return "cfs";
    }

    @Override
    public String description() {
        return "Completely fair scheduling in the style of Linux CFS: a task's virtual runtime grows by its CPU "
                + "time x 1024 / weight, the weight coming from its nice value (nice 0 = 1024, each step about "
                + "10%); the runnable task with the least virtual runtime runs, for latency x weight / total "
                + "weight (at least minGranularity). New tasks start at the least virtual runtime; waking tasks "
                + "get at most half a latency of credit and preempt if they are wakeupGranularity behind. It is "
                + "guaranteed scheduling (each gets its weighted share of the time it was runnable) done exactly.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(LATENCY, MIN_GRANULARITY, WAKEUP_GRANULARITY);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        long latency = params.get(LATENCY);
        long minGranularity = params.get(MIN_GRANULARITY);
        long wakeupGranularity = params.get(WAKEUP_GRANULARITY);
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            private final PriorityRunQueue tree = new PriorityRunQueue(); // the red-black tree of CFS
            private long minVruntime;
            private long totalWeight;

            private State state(Task t) {
                return t.attachment(State.class);
            }

            /** The virtual runtime of a task, including what it has run so far in its current turn. */
            private long vruntime(Task t) {
                State s = state(t);
                long running = t.cpuNanos() - s.cpuAtStart;
                return s.vruntime + running * Weights.NICE_0 / s.weight;
            }

            private void becomeRunnable(State s) {
                if (!s.runnable) {
                    s.runnable = true;
                    totalWeight += s.weight;
                }
            }

            private void leave(State s) {
                if (s.runnable) {
                    s.runnable = false;
                    totalWeight -= s.weight;
                }
            }

            @Override
            public void taskNew(Task task) {
                State s = new State();
                s.weight = Weights.of(task.nice());
                s.vruntime = minVruntime;
                task.attach(s);
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                State s = state(task);
                if (why == EnqueueReason.WAKEUP) {
                    s.vruntime = Math.max(s.vruntime, minVruntime - latency / 2);
                }
                becomeRunnable(s);
                tree.add(task, s.vruntime);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                Task t = tree.poll(cpu);
                if (t != null) {
                    minVruntime = Math.max(minVruntime, state(t).vruntime);
                }
                return t;
            }

            @Override
            public void dequeue(Task task) {
                tree.remove(task);
                leave(state(task));
            }

            @Override
            public void running(Task task, CpuView cpu) {
                state(task).cpuAtStart = task.cpuNanos();
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                long share = totalWeight == 0 ? latency : latency * state(task).weight / totalWeight;
                return Math.max(minGranularity, share);
            }

            @Override
            public void stopping(Task task, CpuView cpu, StopReason why, long ranNanos) {
                State s = state(task);
                s.vruntime += ranNanos * Weights.NICE_0 / s.weight;
                s.cpuAtStart = task.cpuNanos();
                context.reportTime(task, "vruntime", s.vruntime);
                if (why == StopReason.BLOCKED || why == StopReason.EXITED) {
                    leave(s);
                }
            }

            @Override
            public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
                return state(woken).vruntime + wakeupGranularity < vruntime(current);
            }
        };
    }
}
