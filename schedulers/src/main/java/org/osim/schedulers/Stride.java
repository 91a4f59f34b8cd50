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
 * Stride scheduling (Waldspurger and Weihl, 1995): the deterministic twin of lottery scheduling. Each
 * process has a stride inversely proportional to its tickets and a pass; the smallest pass runs, and its
 * pass advances by its stride for each quantum it used. Shares match the tickets to within one quantum.
 */
public final class Stride implements SchedulerFactory {
    static final ParameterSpec<Long> QUANTUM = ParameterSpec.duration("quantum", "20ms", "how long a process runs at a time");
    /** The numerator of strides: large, so integer strides stay accurate. */
    static final long STRIDE1 = 1L << 30;

    private static final class State {
        long pass;
    }

    @Override
    public String name() {
        return "stride";
    }

    @Override
    public String description() {
        return "Stride scheduling (Waldspurger and Weihl, MIT TM-528, 1995), the deterministic twin of lottery: "
                + "each process has stride = L / tickets and a pass; the smallest pass runs one quantum and its "
                + "pass grows by its stride in proportion to the CPU it used. A process that becomes ready starts "
                + "from the current global pass, so sleeping earns no credit. Ties go first-come first-served. "
                + "Shares equal the ticket shares to within one quantum.";
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

            private final PriorityRunQueue queue = new PriorityRunQueue();
            /** The pass of the virtual process that always runs: the least pass among runnable ones. */
            private long globalPass;

            private State state(Task t) {
                return t.attachment(State.class);
            }

            private long stride(Task t) {
                return STRIDE1 / Math.max(1, t.tickets());
            }

            @Override
            public void taskNew(Task task) {
                State s = new State();
                s.pass = globalPass;
                task.attach(s);
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                State s = state(task);
                if (why == EnqueueReason.WAKEUP || why == EnqueueReason.NEW) {
                    s.pass = Math.max(s.pass, globalPass);
                }
                queue.add(task, s.pass);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                Task t = queue.poll(cpu);
                if (t != null) {
                    globalPass = Math.max(globalPass, state(t).pass);
                }
                return t;
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
                State s = state(task);
                // A turn never exceeds the quantum, so the advance is at most one stride.
                long stride = stride(task);
                s.pass += ranNanos >= quantum ? stride : (long) ((double) stride * ranNanos / quantum);
            }
        };
    }
}
