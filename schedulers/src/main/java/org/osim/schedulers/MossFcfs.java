package org.osim.schedulers;

import java.util.Comparator;
import java.util.TreeSet;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;

/**
 * First-come first-served as the MOSS scheduling simulator (Ontko and Reeder, companion to Tanenbaum's MOS 2nd ed.)
 * runs it: not a queue but the lowest-numbered unfinished process, except that one that has just blocked gives the
 * CPU to the lowest-numbered other one (if there is none, it goes on). With three or more processes the two
 * lowest-numbered alternate at each block while the others wait. Its blocks last no time (a {@code yield}).
 */
public final class MossFcfs implements SchedulerFactory {
    @Override
    public String name() {
        return "moss";
    }

    @Override
    public String description() {
        return "First-come first-served as the MOSS scheduling simulator runs it (what a MOSS scheduling.conf runs under): "
                + "the lowest-numbered ready process runs to its next block or its end, and one that has just blocked gives "
                + "way to the lowest-numbered other one, so with three or more processes the two lowest-numbered alternate "
                + "while the others wait. Not a queue: compare fcfs.";
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        return new Rule();
    }

    /** The rule, for one run. */
    private static final class Rule implements Scheduler {
        private final TreeSet<Task> ready = new TreeSet<>(Comparator.comparingInt(Task::pid).thenComparingInt(Task::id));
        private Task blocked;

        @Override
        public void enqueue(Task task, EnqueueReason why) {
            ready.add(task);
            if (why == EnqueueReason.YIELDED) {
                blocked = task;
            }
        }

        @Override
        public Task pickNext(CpuView cpu) {
            Task pick = null;
            for (Task t : ready) {
                if (t != blocked && t.allowedOn(cpu.id())) {
                    pick = t;
                    break;
                }
            }
            if (pick == null && blocked != null && ready.contains(blocked) && blocked.allowedOn(cpu.id())) {
                pick = blocked;
            }
            blocked = null;
            if (pick != null) {
                ready.remove(pick);
            }
            return pick;
        }

        @Override
        public void dequeue(Task task) {
            ready.remove(task);
            if (task == blocked) {
                blocked = null;
            }
        }
    }
}
