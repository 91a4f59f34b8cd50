package org.osim.schedulers;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/**
 * Guaranteed scheduling (Tanenbaum §2.4.3): with n processes each is entitled to 1/n of the CPU since it
 * was created; run the one with the lowest ratio of CPU received to CPU entitled.
 */
public final class GuaranteedScheduling implements SchedulerFactory {
    static final ParameterSpec<Long> QUANTUM = ParameterSpec.duration("quantum", "10ms",
            "how often the ratios are compared again");

    @Override
    public String name() {
        return "guaranteed";
    }

    @Override
    public String description() {
        return "Guaranteed scheduling (Tanenbaum §2.4.3): with n processes alive, each is entitled to (time since "
                + "it was created) / n of CPU; run the process with the lowest ratio of CPU received to CPU "
                + "entitled, comparing again every quantum. A ratio of 0.5 means it got half of what it was "
                + "promised. Ties go first-come first-served. Picking scans the ready processes, so it costs "
                + "time linear in their number. Results show each process's last ratio.";
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

            private final List<Task> ready = new ArrayList<>();
            private int alive;

            private double ratio(Task t) {
                double entitled = (double) (context.now() - t.arrivalNanos()) / alive;
                return entitled <= 0 ? 0 : t.cpuNanos() / entitled;
            }

            @Override
            public void taskNew(Task task) {
                alive++;
            }

            @Override
            public void taskExit(Task task) {
                alive--;
            }

            @Override
            public void enqueue(Task task, EnqueueReason why) {
                ready.add(task);
            }

            @Override
            public Task pickNext(CpuView cpu) {
                int best = -1;
                double lowest = Double.MAX_VALUE;
                for (int i = 0; i < ready.size(); i++) {
                    if (!ready.get(i).allowedOn(cpu.id())) {
                        continue;
                    }
                    double r = ratio(ready.get(i));
                    if (r < lowest) {
                        lowest = r;
                        best = i;
                    }
                }
                if (best < 0) {
                    return null;
                }
                Task t = ready.remove(best);
                context.report(t, "ratio", Math.round(lowest * 1000) / 1000.0);
                return t;
            }

            @Override
            public void dequeue(Task task) {
                ready.remove(task);
            }

            @Override
            public long sliceNanos(Task task, CpuView cpu) {
                return quantum;
            }

            @Override
            public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
                return ratio(woken) < ratio(current);
            }
        };
    }
}
