package org.osim.schedulers;

import java.util.List;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.FifoRunQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/** Round robin (Tanenbaum §2.4.3, Fig. 2-42): a FIFO queue, each process runs at most one quantum at a time. */
public final class RoundRobin implements SchedulerFactory {
    static final ParameterSpec<Long> QUANTUM = ParameterSpec.duration("quantum", "20ms",
            "the time slice: how long a process runs before the clock preempts it");

    @Override
    public String name() {
        return "rr";
    }

    @Override
    public String description() {
        return "Round robin: ready processes wait in one FIFO queue; each runs for at most one quantum, then "
                + "goes to the end of the queue (Tanenbaum §2.4.3, Fig. 2-42). A process preempted at the "
                + "instant others arrive queues behind them. A short quantum gives good response but many "
                + "context switches; a long one degenerates to first-come first-served.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(QUANTUM);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        long quantum = params.get(QUANTUM);
        return new Scheduler() {
            private final FifoRunQueue queue = new FifoRunQueue();

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                queue.add(task);
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
        };
    }
}
