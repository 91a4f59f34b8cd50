package org.osim.schedulers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Promises;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.Task;

/**
 * MLFQ exactly as OSTEP's {@code mlfq.py} runs it ({@code mlfq variant=ostep}, docs/schedulers/mlfq.md).
 *
 * <p>As in the script, a job stays in its queue while it runs, so a job preempted by a higher level keeps
 * its place at the head and the unused rest of its slice. Allotments count slices; a slice used up on the
 * burst that ends in I/O is still charged. {@code stay} is the script's {@code -S} (an I/O restarts the slice
 * and the allotment), {@code ioBump} its {@code -I} (a job back from I/O goes to the head of its queue and
 * preempts the job running there). The script processes an instant as: slice ends of the tick before, the
 * boost, arrivals in job order, then I/O completions in issue order; the kernel runs I/O completions before
 * arrivals and slice ends last, so the queues record which entries came at the current instant and put
 * each one where the script would.
 */
final class MlfqOstepVariant implements Scheduler {
    /** How an entry joined its queue at {@link State#joinedAt}: the script orders these within an instant. */
    private enum Join { ARRIVAL, IO_DONE, OTHER }

    private static final class State {
        int level;
        long ticksLeft;
        long allotLeft;
        boolean running;
        /** In a queue: waiting, or running (the script keeps the running job at the head of its queue). */
        boolean queued;
        /** The slice ended on the last stop: go to the tail, ahead of this instant's arrivals. */
        boolean sliceEnded;
        long joinedAt = -1;
        Join join = Join.OTHER;
    }

    private final SchedulerContext context;
    private final int levels;
    private final long[] quantum;
    private final long[] allotment;
    private final long boost;
    private final boolean stay;
    private final boolean ioBump;
    private final List<LinkedList<Task>> queues = new ArrayList<>();
    /** Every live job, in creation order: the boost resets all of them, even those doing I/O. */
    private final Set<Task> live = new LinkedHashSet<>();
    /** Entries that joined at the current instant through an arrival or an I/O completion, in kernel order. */
    private final List<Task> joinedNow = new ArrayList<>();
    private long joinedNowAt = -1;
    private long boostPendingAt = -1;

    MlfqOstepVariant(SchedulerContext context, long[] quantum, long[] allotment, long boost, boolean stay, boolean ioBump) {
        this.context = context;
        this.levels = quantum.length;
        this.quantum = quantum;
        this.allotment = allotment;
        this.boost = boost;
        this.stay = stay;
        this.ioBump = ioBump;
        for (int i = 0; i < levels; i++) {
            queues.add(new LinkedList<>());
        }
        if (boost > 0) {
            context.at(boost, this::boostTimer);
        }
    }

    @Override
    public Promises promises() {
        return Promises.workConservation();
    }

    private State state(Task t) {
        return t.attachment(State.class);
    }

    private void reset(State s, int level) {
        s.level = level;
        s.ticksLeft = quantum[level];
        s.allotLeft = allotment[level];
    }

    @Override
    public void taskNew(Task task) {
        settleBoost();
        State s = new State();
        reset(s, 0);
        task.attach(s);
        live.add(task);
    }

    @Override
    public void taskExit(Task task) {
        live.remove(task);
    }

    @Override
    public void enqueue(Task task, EnqueueReason why) {
        settleBoost();
        State s = state(task);
        if (s.queued) {
            return; // preempted: it never left its place in the queue
        }
        s.queued = true;
        LinkedList<Task> q = queues.get(s.level);
        long now = context.now();
        if (why == EnqueueReason.NEW || why == EnqueueReason.WAKEUP) {
            s.joinedAt = now;
            s.join = why == EnqueueReason.NEW ? Join.ARRIVAL : Join.IO_DONE;
            noteJoined(task, now);
            if (s.join == Join.IO_DONE && ioBump) {
                q.addFirst(task);
            } else if (s.join == Join.ARRIVAL) {
                insertAhead(q, now, false, task); // the script runs arrivals before I/O completions
            } else {
                q.addLast(task);
            }
        } else {
            s.join = Join.OTHER;
            s.joinedAt = now;
            if (s.sliceEnded) {
                insertAhead(q, now, true, task); // its slice ended in the tick before this instant
            } else {
                q.addLast(task);
            }
        }
        s.sliceEnded = false;
    }

    /**
     * Inserts {@code task} in front of the entries at the tail that joined at {@code now} by an I/O completion
     * (and, with {@code aheadOfArrivals}, by an arrival); with {@code ioBump} I/O completions went to the head.
     */
    private void insertAhead(LinkedList<Task> q, long now, boolean aheadOfArrivals, Task task) {
        ListIterator<Task> it = q.listIterator(q.size());
        while (it.hasPrevious()) {
            State p = state(it.previous());
            boolean passes = p.join == Join.IO_DONE && !ioBump || aheadOfArrivals && p.join == Join.ARRIVAL;
            if (p.running || p.joinedAt != now || !passes) {
                it.next();
                break;
            }
        }
        it.add(task);
    }

    private void noteJoined(Task task, long now) {
        if (joinedNowAt != now) {
            joinedNow.clear();
            joinedNowAt = now;
        }
        joinedNow.add(task);
    }

    @Override
    public Task pickNext(CpuView cpu) {
        if (boostPendingAt == context.now()) {
            boostPendingAt = -1;
            boostQueues();
        }
        settleBoost();
        for (LinkedList<Task> q : queues) {
            for (Task t : q) {
                State s = state(t);
                if (!s.running && t.allowedOn(cpu.id())) {
                    s.running = true;
                    context.report(t, "level", s.level);
                    return t;
                }
            }
        }
        return null;
    }

    @Override
    public void dequeue(Task task) {
        settleBoost();
        State s = state(task);
        if (s.queued) {
            queues.get(s.level).remove(task);
            s.queued = false;
        }
    }

    @Override
    public long sliceNanos(Task task, CpuView cpu) {
        return Math.max(1, state(task).ticksLeft);
    }

    @Override
    public void stopping(Task task, CpuView cpu, StopReason why, long ranNanos) {
        settleBoost();
        State s = state(task);
        s.running = false;
        s.ticksLeft -= ranNanos;
        if (why == StopReason.EXITED) {
            dequeue(task);
            return; // the script does no slice accounting on the tick a job finishes
        }
        boolean issuedIo = why == StopReason.BLOCKED;
        boolean sliceUsed = s.ticksLeft <= 0;
        if (issuedIo) {
            dequeue(task);
            if (stay) {
                reset(s, s.level);
            }
        }
        if (sliceUsed) {
            if (!issuedIo) {
                dequeue(task);
                s.sliceEnded = true;
            }
            if (--s.allotLeft == 0) {
                reset(s, Math.min(levels - 1, s.level + 1));
            } else {
                s.ticksLeft = quantum[s.level];
            }
        } else if (why == StopReason.YIELDED || why == StopReason.PRIORITY_CHANGED) {
            dequeue(task); // not in the script: give up the place, keep the slice
        }
    }

    @Override
    public boolean preemptOnWakeup(Task woken, Task current, CpuView cpu) {
        State w = state(woken);
        State c = state(current);
        return w.level < c.level || ioBump && w.level == c.level && w.join == Join.IO_DONE && w.joinedAt == context.now();
    }

    @Override
    public int selectCpu(Task task, int previousCpu) {
        return MultiLevelFeedbackQueue.cpuRunningTheLowestLevel(context, task, previousCpu, t -> state(t).level);
    }

    /**
     * The boost falls after this instant's slice ends, which the kernel settles only at the end of the
     * instant: take every CPU back, and rearrange the queues when the kernel next picks (or, if nothing is
     * left to pick, at the next call of any kind).
     */
    private void boostTimer() {
        boostPendingAt = context.now();
        for (int c = 0; c < context.cpuCount(); c++) {
            context.reschedule(c);
        }
        context.at(context.now() + boost, this::boostTimer);
    }

    /**
     * The script's boost: lower levels, lowest first, move to the tail of the top queue; every live job gets
     * the top level and a fresh slice and allotment; then this instant's arrivals and I/O completions join.
     */
    private void settleBoost() {
        if (boostPendingAt >= 0 && context.now() > boostPendingAt) {
            boostPendingAt = -1; // nothing was left to pick at the boost: only the levels change
            boostQueues();
        }
    }

    private void boostQueues() {
        List<Task> late = joinedNowAt == context.now() ? new ArrayList<>(joinedNow) : List.of();
        for (Task t : late) {
            State s = state(t);
            if (s.queued && !s.running) {
                queues.get(s.level).remove(t);
            }
        }
        LinkedList<Task> top = queues.get(0);
        for (int level = levels - 1; level > 0; level--) {
            top.addAll(queues.get(level));
            queues.get(level).clear();
        }
        for (Task t : live) {
            reset(state(t), 0);
        }
        List<Task> ioDone = new ArrayList<>();
        for (Iterator<Task> it = late.iterator(); it.hasNext(); ) {
            Task t = it.next();
            State s = state(t);
            if (!s.queued || s.running) {
                continue;
            }
            if (s.join == Join.ARRIVAL) {
                top.addLast(t);
            } else {
                ioDone.add(t);
            }
        }
        for (Task t : ioDone) {
            if (ioBump) {
                top.addFirst(t);
            } else {
                top.addLast(t);
            }
        }
        for (int c = 0; c < context.cpuCount(); c++) {
            context.cpu(c).current().ifPresent(t -> context.report(t, "level", 0));
        }
    }
}
