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
 * Shortest process next (Tanenbaum §2.4.3): SJF for interactive processes, whose next CPU burst is not
 * known but estimated by aging: after a burst of length T1, the estimate T0 becomes a·T0 + (1 − a)·T1.
 * With a = 1/2 the estimates run T0, T0/2 + T1/2, T0/4 + T1/4 + T2/2, T0/8 + T1/8 + T2/4 + T3/2.
 */
public final class ShortestProcessNext implements SchedulerFactory {
    static final ParameterSpec<Double> ALPHA = ParameterSpec.decimal("alpha", 0.5, 0, 1,
            "weight a of the old estimate in a*T0 + (1-a)*T1");
    static final ParameterSpec<Long> INITIAL = ParameterSpec.duration("initial", "10ms",
            "the estimate T0 of a process that has not run yet");

    private static final class State {
        double estimate;
        long burst;
    }

    @Override
    public String name() {
        return "spn";
    }

    @Override
    public String description() {
        return "Shortest process next (Tanenbaum §2.4.3): non-preemptive; run the ready process whose next CPU "
                + "burst is estimated shortest. Estimates age: after a burst of length T1 the estimate T0 becomes "
                + "a*T0 + (1-a)*T1 (a = alpha, 1/2 by default), starting from 'initial'. A burst is the CPU used "
                + "from becoming ready until blocking, yielding or exiting. Results show each final estimate.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(ALPHA, INITIAL);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        double alpha = params.get(ALPHA);
        long initial = params.get(INITIAL);
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            private final PriorityRunQueue queue = new PriorityRunQueue();

            private State state(Task t) {
                return t.attachment(State.class);
            }

            @Override
            public void taskNew(Task task) {
                State s = new State();
                s.estimate = initial;
                task.attach(s);
                context.reportTime(task, "estimate", initial);
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                queue.add(task, Math.round(state(task).estimate));
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
            public void stopping(Task task, CpuView cpu, StopReason why, long ranNanos) {
                State s = state(task);
                s.burst += ranNanos;
                if (why == StopReason.BLOCKED || why == StopReason.YIELDED || why == StopReason.EXITED) {
                    s.estimate = alpha * s.estimate + (1 - alpha) * s.burst;
                    s.burst = 0;
                    context.reportTime(task, "estimate", Math.round(s.estimate));
                }
            }
        };
    }
}
