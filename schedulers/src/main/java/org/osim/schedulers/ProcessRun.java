package org.osim.schedulers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
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
 * The scheduler of OSTEP's {@code cpu-intro/process-run.py}: one current process, which runs until it ends or, with
 * {@code switch=io} (the script's SWITCH_ON_IO), until it starts an I/O; then the first ready process after it in
 * pid order, wrapping round, becomes current. {@code switch=end} keeps the CPU idle while the current process waits
 * for its I/O. A process whose I/O ends becomes current at once with {@code ioDone=immediate} (IO_RUN_IMMEDIATE,
 * preempting the one running), else only when nothing else can run ({@code later}).
 */
public final class ProcessRun implements SchedulerFactory {
    static final ParameterSpec<String> SWITCH = ParameterSpec.choice("switch", "io", List.of("io", "end"),
            "io: switch to another process when the current one starts an I/O (SWITCH_ON_IO); end: only when it ends");
    static final ParameterSpec<String> IO_DONE = ParameterSpec.choice("ioDone", "later", List.of("later", "immediate"),
            "later: a process back from I/O waits its turn (IO_RUN_LATER); immediate: it runs at once (IO_RUN_IMMEDIATE)");

    @Override
    public String name() {
        return "process-run";
    }

    @Override
    public String description() {
        return "The scheduler of OSTEP's process-run.py (cpu-intro): the current process runs until it ends or, with "
                + "switch=io, starts an I/O; then the next ready process in pid order, wrapping round. switch=end idles "
                + "the CPU while the current process waits for its I/O; ioDone=immediate lets a process back from I/O "
                + "run at once. For CPU and I/O overlap exercises.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(SWITCH, IO_DONE);
    }

    @Override
    public Scheduler create(Parameters params, SchedulerContext context) {
        return new Rule(context, params.get(SWITCH).equals("io"), params.get(IO_DONE).equals("immediate"));
    }

    /** The script's state: the current process and the ready ones, decided at the end of each instant in its order. */
    private static final class Rule implements Scheduler {
        private final boolean switchOnIo;
        private final boolean immediate;
        private final TreeSet<Task> ready = new TreeSet<>(Comparator.comparingInt(Task::pid).thenComparingInt(Task::id));
        private final SchedulerContext ctx;
        /** Processes whose I/O ended, and when: they join the ready ones in the script's order at the next decision. */
        private final List<Task> woken = new ArrayList<>();
        private final List<Long> wokenAt = new ArrayList<>();
        /** Blocked since they stopped, until their wake-up. */
        private final java.util.Set<Task> blocked = new java.util.HashSet<>();
        private Task current;
        private boolean currentBlocked;
        private boolean currentDone;

        Rule(SchedulerContext ctx, boolean switchOnIo, boolean immediate) {
            this.ctx = ctx;
            this.switchOnIo = switchOnIo;
            this.immediate = immediate;
        }

        @Override
        public void enqueue(Task task, EnqueueReason why) {
            if (why == EnqueueReason.WAKEUP) {
                blocked.remove(task);
                woken.add(task); // an I/O that ended: taken in pid order after this instant's stop, as the script does
                wokenAt.add(ctx.now());
                return;
            }
            if (why == EnqueueReason.NEW) {
                if (current == null) {
                    current = task; // process 0 starts running
                }
            }
            ready.add(task);
        }

        @Override
        public void stopping(Task task, CpuView cpu, StopReason why, long ranNanos) {
            currentBlocked |= why == StopReason.BLOCKED;
            currentDone |= why == StopReason.EXITED;
            if (why == StopReason.BLOCKED) {
                blocked.add(task);
            }
        }

        @Override
        public boolean preemptOnWakeup(Task woken, Task running, CpuView cpu) {
            return immediate;
        }

        @Override
        public Task pickNext(CpuView cpu) {
            long now = ctx.now();
            // I/Os that ended while the current process ran on: they have been ready since.
            List<Task> thisTick = new ArrayList<>();
            for (int i = 0; i < woken.size(); i++) {
                if (wokenAt.get(i) < now) {
                    ready.add(woken.get(i));
                } else {
                    thisTick.add(woken.get(i));
                }
            }
            woken.clear();
            wokenAt.clear();
            // The end of the last tick: the current process started an I/O, or ended.
            if ((currentBlocked && switchOnIo) || currentDone) {
                nextProcess();
            }
            currentBlocked = false;
            currentDone = false;
            // The start of this one: I/Os that ended, by pid.
            thisTick.sort(Comparator.comparingInt(Task::pid).thenComparingInt(Task::id));
            for (Task w : thisTick) {
                ready.add(w);
                if (immediate || ready.size() == 1 || (!switchOnIo && ready.size() > 1)) {
                    current = w;
                }
            }
            if (current != null && ready.contains(current) && current.allowedOn(cpu.id())) {
                ready.remove(current);
                return current;
            }
            if (cpu.id() == 0 && !switchOnIo && blocked.contains(current)) {
                return null; // SWITCH_ON_END: the CPU waits for the current process's I/O
            }
            // What the script never meets — a process arriving later, another CPU, affinity: the next ready one after
            // the current in pid order that may run here (on CPU 0 it becomes current).
            Task pick = null;
            for (Task t : current == null ? ready : concat(ready.tailSet(current, false), ready.headSet(current, true))) {
                if (t.allowedOn(cpu.id())) {
                    pick = t;
                    break;
                }
            }
            if (pick != null) {
                ready.remove(pick);
                if (cpu.id() == 0) {
                    current = pick;
                }
            }
            return pick;
        }

        private static List<Task> concat(java.util.Set<Task> a, java.util.Set<Task> b) {
            List<Task> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }

        /** The first ready process after the current one in pid order, wrapping round; the current one if none is. */
        private void nextProcess() {
            Task after = current == null ? null : ready.higher(current);
            Task next = after != null ? after : ready.isEmpty() ? null : ready.first();
            if (next != null) {
                current = next;
            }
        }

        @Override
        public void dequeue(Task task) {
            ready.remove(task);
            int i = woken.indexOf(task);
            if (i >= 0) {
                woken.remove(i);
                wokenAt.remove(i);
            }
        }
    }
}
