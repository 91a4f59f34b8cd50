package org.osim.schedulers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.FifoRunQueue;
import org.osim.api.sched.PriorityRunQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;
import org.osim.api.workload.ProcessSpec;

/**
 * Partitioned EDF: real-time tasks are assigned to CPUs once, by first-fit decreasing utilization, and
 * each CPU runs EDF over its own tasks; other processes run on whichever CPU is free.
 */
public final class PartitionedEdf implements SchedulerFactory {
    @Override
    public String name() {
        return "pedf";
    }

    @Override
    public String description() {
        return "Partitioned earliest deadline first: before the run, the workload's real-time tasks are placed on "
                + "CPUs by first-fit decreasing utilization (wcet/period; each CPU holds at most 1), and each CPU "
                + "then runs EDF over its own tasks, which never migrate. A task that fits nowhere goes to the "
                + "least loaded CPU. Other processes run in the background on any free CPU. Avoids Dhall's "
                + "effect; results show each task's CPU as 'partition'.";
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        int cpus = context.cpuCount();
        Map<String, Integer> partition = firstFitDecreasing(context.workload().processes(), cpus);
        return new Scheduler() {
            private final List<PriorityRunQueue> queues = new ArrayList<>();
            private final FifoRunQueue background = new FifoRunQueue();

            {
                for (int i = 0; i < cpus; i++) {
                    queues.add(new PriorityRunQueue());
                }
            }

            private int cpuOf(Task t) {
                return partition.getOrDefault(t.processName(), 0);
            }

            @Override
            public void taskNew(Task task) {
                if (task.realTime()) {
                    context.report(task, "partition", cpuOf(task));
                }
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                if (!task.realTime()) {
                    background.add(task);
                    return;
                }
                int cpu = cpuOf(task);
                queues.get(cpu).add(task, task.deadlineNanos());
                // Its CPU may be busy with a later deadline while another CPU idles: preempt it there.
                context.cpu(cpu).current().ifPresent(running -> {
                    if (!running.realTime() || running.deadlineNanos() > task.deadlineNanos()) {
                        context.reschedule(cpu);
                    }
                });
            }

            @Override
            public Task pickNext(CpuView cpu) {
                Task t = queues.get(cpu.id()).poll(cpu);
                return t != null ? t : background.poll(cpu);
            }

            @Override
            public void dequeue(Task task) {
                if (!queues.get(cpuOf(task)).remove(task)) {
                    background.remove(task);
                }
            }

            @Override
            public int selectCpu(Task task, int previousCpu) {
                return task.realTime() ? cpuOf(task) : previousCpu;
            }

            @Override
            public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
                return false; // enqueue already asked the task's own CPU to reschedule
            }
        };
    }

    /** First-fit decreasing by utilization: the process name of each real-time task to a CPU. */
    static Map<String, Integer> firstFitDecreasing(List<ProcessSpec> processes, int cpus) {
        List<ProcessSpec> tasks = new ArrayList<>();
        for (ProcessSpec p : processes) {
            if (p.periodic().isPresent()) {
                tasks.add(p);
            }
        }
        tasks.sort(Comparator.comparingDouble((ProcessSpec p) -> -utilization(p)));
        double[] load = new double[cpus];
        Map<String, Integer> out = new HashMap<>();
        for (ProcessSpec p : tasks) {
            double u = utilization(p);
            int chosen = -1;
            for (int c = 0; c < cpus && chosen < 0; c++) {
                if (allowed(p, c) && load[c] + u <= 1.0 + 1e-9) {
                    chosen = c;
                }
            }
            if (chosen < 0) {
                for (int c = 0; c < cpus; c++) {
                    if (allowed(p, c) && (chosen < 0 || load[c] < load[chosen])) {
                        chosen = c;
                    }
                }
            }
            load[chosen] += u;
            out.put(p.name(), chosen);
        }
        return out;
    }

    private static boolean allowed(ProcessSpec p, int cpu) {
        return p.affinity().isEmpty() || p.affinity().contains(cpu);
    }

    private static double utilization(ProcessSpec p) {
        return (double) p.threads().get(0).program().cpuNanos() / p.periodic().orElseThrow().period();
    }
}
