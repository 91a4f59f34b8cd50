package org.osim.schedulers;

import java.util.List;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.Task;

/**
 * An EEVDF-style policy (Stoica and Abdel-Wahab, 1995; Linux since 6.6): earliest eligible virtual
 * deadline first. A task is eligible when it has received no more than its share so far (its lag, the
 * weighted average virtual runtime minus its own, is not negative); among eligible tasks the one whose
 * current request ends earliest in virtual time runs.
 */
public final class Eevdf implements SchedulerFactory {
    static final ParameterSpec<Long> SLICE = ParameterSpec.duration("slice", "3ms",
            "the request: how much CPU a task asks for at a time (its virtual deadline is request / weight ahead)");

    private static final class State {
        long weight;
        /** Virtual runtime: CPU time x 1024 / weight. */
        double vruntime;
        double deadline;
        /** Lag kept while blocked, so sleeping neither earns nor loses entitlement. */
        double lag;
        long cpuAtStart;
        boolean runnable;
    }

    @Override
    public String name() {
        return "eevdf";
    }

    @Override
    public String description() {
        return "Earliest eligible virtual deadline first (Stoica and Abdel-Wahab 1995; Linux since 6.6): virtual "
                + "runtime grows by CPU x 1024 / weight (weight from nice); V is the weighted average virtual "
                + "runtime of runnable tasks. A task is eligible if its virtual runtime is at most V (its lag "
                + "V - v is not negative); among eligible tasks the one with the earliest virtual deadline "
                + "(start of its request + slice x 1024 / weight) runs for one slice. Lag is kept across sleep. "
                + "Like CFS it shares by weight, but latency-sensitive tasks can ask for short slices. Picking "
                + "uses a tree ordered by virtual runtime and augmented with the earliest deadline, as Linux does: "
                + "logarithmic cost.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(SLICE);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        long slice = params.get(SLICE);
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            private final EligibilityTree ready = new EligibilityTree();
            /** Σ w·v and Σ w over runnable tasks (waiting or running), for V. */
            private double weightedVruntime;
            private long totalWeight;

            private State state(Task t) {
                return t.attachment(State.class);
            }

            private double average() {
                return totalWeight == 0 ? 0 : weightedVruntime / totalWeight;
            }

            private void join(State s) {
                if (!s.runnable) {
                    s.runnable = true;
                    weightedVruntime += s.weight * s.vruntime;
                    totalWeight += s.weight;
                }
            }

            private void leave(State s) {
                if (s.runnable) {
                    s.runnable = false;
                    weightedVruntime -= s.weight * s.vruntime;
                    totalWeight -= s.weight;
                }
            }

            private void advance(State s, double by) {
                if (s.runnable) {
                    weightedVruntime += s.weight * by;
                }
                s.vruntime += by;
            }

            private double request(State s) {
                return (double) slice * Weights.NICE_0 / s.weight;
            }

            @Override
            public void taskNew(Task task) {
                State s = new State();
                s.weight = Weights.of(task.nice());
                task.attach(s);
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                State s = state(task);
                if (why == EnqueueReason.NEW || why == EnqueueReason.WAKEUP) {
                    s.vruntime = average() - s.lag; // placed with the lag it left with (0 when new)
                    s.deadline = s.vruntime + request(s);
                    join(s);
                }
                enqueueKeyed(task);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                if (ready.size() == 0) {
                    return null;
                }
                double v = average() + 1e-6;
                Task t = ready.pollEligible(v);
                if (t == null) {
                    t = ready.pollFirst(); // someone is always eligible in exact arithmetic: this guards rounding
                }
                if (t.allowedOn(cpu.id())) {
                    return t;
                }
                // Affinity: put it back and choose among the tasks this CPU may run.
                enqueueKeyed(t);
                Task best = null;
                Task fallback = null;
                for (Task x : ready.tasks()) {
                    if (!x.allowedOn(cpu.id())) {
                        continue;
                    }
                    State s = state(x);
                    if (s.vruntime <= v && (best == null || s.deadline < state(best).deadline)) {
                        best = x;
                    }
                    if (fallback == null) {
                        fallback = x;
                    }
                }
                Task chosen = best != null ? best : fallback;
                if (chosen != null) {
                    ready.remove(chosen);
                }
                return chosen;
            }

            private void enqueueKeyed(Task task) {
                State s = state(task);
                ready.add(task, s.vruntime, s.deadline);
            }

            @Override
            public void dequeue(Task task) {
                ready.remove(task);
                leave(state(task));
            }

            @Override
            public void running(Task task, CpuView cpu) {
                state(task).cpuAtStart = task.cpuNanos();
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                return slice;
            }

            @Override
            public void stopping(Task task, CpuView cpu, StopReason why, long ranNanos) {
                State s = state(task);
                advance(s, (double) ranNanos * Weights.NICE_0 / s.weight);
                if (s.vruntime >= s.deadline) {
                    s.deadline = s.vruntime + request(s); // the request is served: a new one starts
                }
                context.reportTime(task, "vruntime", Math.round(s.vruntime));
                if (why == StopReason.BLOCKED || why == StopReason.EXITED) {
                    s.lag = why == StopReason.BLOCKED ? Math.max(-request(s), Math.min(request(s), average() - s.vruntime)) : 0;
                    leave(s);
                }
            }
        };
    }
}
