package org.osim.schedulers;

import java.util.Comparator;
import org.osim.api.param.Parameters;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.FifoRunQueue;
import org.osim.api.sched.PriorityRunQueue;
import org.osim.api.sched.Promises;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.Task;
import org.osim.api.sched.TimerHandle;

/**
 * EDZL, earliest deadline until zero laxity (Lee 1994; Cho, Ravindran and Jensen 2002): global EDF on
 * several CPUs, except that a waiting job whose laxity — deadline minus now minus the work it still needs —
 * reaches zero gets the highest priority at once, since waiting any longer would make it miss. That one rule
 * removes Dhall's effect: the heavy job that global EDF starves preempts a light one the moment it must.
 */
public final class EarliestDeadlineZeroLaxity implements SchedulerFactory {
    @Override
    public String name() {
        return "edzl";
    }

    @Override
    public String description() {
        return "Earliest deadline until zero laxity (Lee 1994), as SimSo has it: global EDF on several CPUs, but a ready job "
                + "whose laxity (deadline - now - remaining work) reaches zero gets the highest priority and preempts the "
                + "CPU running the job with the latest deadline. It meets deadlines global EDF misses through Dhall's "
                + "effect (workload rt-dhall-2cpu), and is never worse than global EDF. Ties between zero-laxity jobs, "
                + "and between equal deadlines, go first-come first-served; other processes run in the background.";
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        return new Edzl(context);
    }

    /** The policy: one queue of jobs by urgency (zero laxity first, then deadline), a timer per waiting job. */
    static final class Edzl implements Scheduler {
        /** The urgency of a job at zero laxity: before any deadline. */
        private static final long ZERO_LAXITY = Long.MIN_VALUE;

        private final SchedulerContext context;
        private final PriorityRunQueue realTime = new PriorityRunQueue();
        private final FifoRunQueue background = new FifoRunQueue();

        Edzl(SchedulerContext context) {
            this.context = context;
        }

        /** The timer that promotes a waiting job when its laxity reaches zero. */
        private static final class State {
            TimerHandle zeroLaxity;
        }

        private static State state(Task t) {
            return t.attachment(State.class);
        }

        private long laxity(Task t) {
            return t.deadlineNanos() - context.now() - t.jobRemainingNanos();
        }

        /** Smaller is more urgent: zero laxity, then the absolute deadline; background tasks last. */
        long urgency(Task t) {
            if (!t.realTime() || t.deadlineNanos() == Long.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
            return laxity(t) <= 0 ? ZERO_LAXITY : t.deadlineNanos();
        }

        @Override
        public void taskNew(Task task) {
            task.attach(new State());
        }

        @Override
        public void enqueue(Task task, EnqueueReason why) {
            if (!task.realTime()) {
                background.add(task);
                return;
            }
            long key = urgency(task);
            realTime.add(task, key);
            if (key != ZERO_LAXITY && key != Long.MAX_VALUE) {
                // While it waits its laxity shrinks: at deadline - remaining it reaches zero.
                long when = task.deadlineNanos() - task.jobRemainingNanos();
                state(task).zeroLaxity = context.at(when, () -> promote(task));
            }
        }

        /** {@code task}, still waiting, has no laxity left: it goes first, and takes the least urgent job's CPU. */
        private void promote(Task task) {
            state(task).zeroLaxity = null;
            if (!realTime.remove(task)) {
                return;
            }
            realTime.add(task, ZERO_LAXITY);
            int cpu = selectCpu(task, 0);
            Task running = context.cpu(cpu).current().orElse(null);
            if (running != null && urgency(running) != ZERO_LAXITY) {
                context.reschedule(cpu);
            }
        }

        private void cancelTimer(Task task) {
            State s = state(task);
            if (s != null && s.zeroLaxity != null) {
                s.zeroLaxity.cancel();
                s.zeroLaxity = null;
            }
        }

        @Override
        public Task pickNext(CpuView cpu) {
            Task t = realTime.poll(cpu);
            if (t != null) {
                cancelTimer(t); // running, its laxity no longer shrinks
                return t;
            }
            return background.poll(cpu);
        }

        @Override
        public void dequeue(Task task) {
            cancelTimer(task);
            if (!realTime.remove(task)) {
                background.remove(task);
            }
        }

        @Override
        public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
            return woken.realTime() && urgency(woken) < urgency(current);
        }

        @Override
        public int selectCpu(Task task, int previousCpu) {
            // The CPU whose running job is least urgent (an idle one first) is the one to take.
            int best = previousCpu;
            long worst = Long.MIN_VALUE;
            boolean found = false;
            for (int i = 0; i < context.cpuCount(); i++) {
                if (!task.allowedOn(i)) {
                    continue;
                }
                long u = context.cpu(i).current().map(this::urgency).orElse(Long.MAX_VALUE);
                if (!found || u > worst) {
                    worst = u;
                    best = i;
                    found = true;
                }
            }
            return best;
        }

        @Override
        public Promises promises() {
            return Promises.priorityOrder(Comparator.comparingLong(this::urgency));
        }
    }
}
