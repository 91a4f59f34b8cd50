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
    static final ParameterSpec<Boolean> PREFER_SAME_PROCESS = ParameterSpec.bool("preferSameProcess", false,
            "run next a waiting thread of the process that just ran on the CPU, if any: a thread switch is cheaper than a process switch");

    @Override
    public String name() {
        return "rr";
    }

    @Override
    public String description() {
        return "Round robin: ready processes wait in one FIFO queue; each runs for at most one quantum, then "
                + "goes to the end of the queue (Tanenbaum §2.4.3, Fig. 2-42). A process preempted at the "
                + "instant others arrive queues behind them. A short quantum gives good response but many "
                + "context switches; a long one degenerates to first-come first-served. With preferSameProcess "
                + "a CPU runs next a waiting thread of the process it just ran, as Tanenbaum §2.4.6 suggests "
                + "when a thread switch is cheaper than a process switch.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(QUANTUM, PREFER_SAME_PROCESS);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        long quantum = params.get(QUANTUM);
        boolean sameProcess = params.get(PREFER_SAME_PROCESS);
        return new Scheduler() {
            @Override
            public org.osim.api.sched.Promises promises() {
                return org.osim.api.sched.Promises.workConservation();
            }

            private final FifoRunQueue queue = new FifoRunQueue();
            /** The process that last ran on each CPU, for preferSameProcess. */
            private int[] lastPid = new int[context.cpuCount()];

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                queue.add(task);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                if (sameProcess && cpu.id() < lastPid.length && lastPid[cpu.id()] != 0) {
                    int pid = lastPid[cpu.id()];
                    Task same = queue.pollFirst(t -> t.pid() == pid && t.allowedOn(cpu.id()));
                    if (same != null) {
                        return same;
                    }
                }
                return queue.poll(cpu);
            }

            @Override
            public void running(Task task, CpuView cpu) {
                if (cpu.id() >= lastPid.length) { // a run-time system's virtual processors can grow
                    lastPid = java.util.Arrays.copyOf(lastPid, cpu.id() + 1);
                }
                lastPid[cpu.id()] = task.pid();
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
