package org.osim.schedulers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.FifoRunQueue;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.Task;
import org.osim.api.workload.ProcessSpec;
import org.osim.api.workload.Workload;

/**
 * Space sharing of parallel jobs (Tanenbaum §8.1.5; Feitelson & Rudolph's rigid jobs): a job is a gang process's
 * threads, which start together on CPUs of their own and keep them to the end, or one ready thread of any other
 * process. Jobs wait in one queue, in arrival order (FCFS) or by declared run time (SJF); the head starts when
 * enough CPUs are free, and, with backfilling, later jobs may start first without delaying the head (EASY) or
 * any earlier job (conservative). The declared run time is the job's estimate: a running job is expected to end
 * at its start plus its estimate.
 */
final class SpaceSharing implements Scheduler {
    enum Backfilling { NONE, EASY, CONSERVATIVE }

    /** One job: its threads, its estimate and, once planned, its reservation or its start. */
    private static final class Job {
        final long seq;
        final long submit;
        final long estimate;
        final int expected;
        final List<Task> threads = new ArrayList<>(1);
        long start = -1;
        /** When it is expected to end (start + estimate), once started. */
        long plannedEnd;
        int running;
        /** Conservative: its reserved stretch [reservation, reservedUntil); -1 while it has none. */
        long reservation = -1;
        long reservedUntil;

        Job(long seq, long submit, long estimate, int expected) {
            this.seq = seq;
            this.submit = submit;
            this.estimate = estimate;
            this.expected = expected;
        }

        int size() {
            return threads.size();
        }
    }

    private static final Comparator<Job> BY_ARRIVAL = Comparator.comparingLong(j -> j.seq);
    private static final Comparator<Job> BY_ESTIMATE = Comparator.<Job>comparingLong(j -> j.estimate).thenComparingLong(j -> j.seq);

    private final SchedulerContext ctx;
    private final Backfilling backfilling;
    private final Comparator<Job> order;
    private final boolean shortestBackfillFirst;
    /** Waiting jobs, in {@link #order}. */
    private final List<Job> queue = new ArrayList<>();
    private final List<Job> running = new ArrayList<>();
    /** Gangs whose threads are arriving, by pid: a gang is queued when all of them have. */
    private final Map<Integer, Job> collecting = new HashMap<>();
    /** Threads of the jobs started in this instant, for the CPUs that ask next. */
    private final FifoRunQueue handout = new FifoRunQueue();
    private AvailabilityProfile profile;
    private boolean compress;
    private int busy;
    private long seq;

    /**
     * @param byEstimate whether the queue is ordered by declared run time (SJF) rather than arrival (FCFS)
     * @param shortestBackfillFirst EASY: try backfill candidates shortest estimate first (Tsafrir et al.'s SJBF)
     */
    SpaceSharing(SchedulerContext ctx, Backfilling backfilling, boolean byEstimate, boolean shortestBackfillFirst) {
        this.ctx = ctx;
        this.backfilling = backfilling;
        this.order = byEstimate ? BY_ESTIMATE : BY_ARRIVAL;
        this.shortestBackfillFirst = shortestBackfillFirst;
        this.profile = new AvailabilityProfile(ctx.cpuCount());
    }

    /** Whether {@code w} has a gang of more than one thread, which FCFS and SJF then schedule as space sharing. */
    static boolean hasGangs(Workload w) {
        for (ProcessSpec p : w.processes()) {
            if (p.gang() && p.threads().size() > 1) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean schedulesGangs() {
        return true;
    }

    @Override
    public void enqueue(Task task, EnqueueReason why) {
        long now = ctx.now();
        if (why == EnqueueReason.NEW && task.gangSize() > 1) {
            Job j = collecting.computeIfAbsent(task.pid(), pid -> new Job(seq++, now, task.declaredRunNanos(), task.gangSize()));
            j.threads.add(task);
            task.attach(j);
            if (j.size() == j.expected) {
                collecting.remove(task.pid());
                arrive(j);
            }
            return;
        }
        Job j = new Job(seq++, now, task.remainingDeclaredNanos(), 1);
        j.threads.add(task);
        task.attach(j);
        arrive(j);
    }

    private void arrive(Job j) {
        int at = Collections.binarySearch(queue, j, order);
        queue.add(at < 0 ? -at - 1 : at, j);
        if (backfilling == Backfilling.CONSERVATIVE) {
            reserve(j, ctx.now());
        }
    }

    /** Conservative: the earliest stretch of the profile that delays no reservation already made. */
    private void reserve(Job j, long now) {
        j.reservation = profile.earliest(now, j.size(), j.estimate);
        j.reservedUntil = AvailabilityProfile.end(j.reservation, j.estimate);
        profile.reserve(j.reservation, j.reservedUntil, j.size());
    }

    @Override
    public Task pickNext(CpuView cpu) {
        if (handout.isEmpty()) {
            schedule(ctx.now(), ctx.cpuCount() - busy);
        }
        return handout.poll(cpu); // a thread pinned elsewhere waits here for its CPU (affinity is honoured, not planned for)
    }

    private void schedule(long now, int free) {
        switch (backfilling) {
            case NONE -> startHeads(now, free);
            case EASY -> easy(now, startHeads(now, free));
            case CONSERVATIVE -> conservative(now, free);
        }
        queue.removeIf(j -> j.start >= 0);
    }

    /** Starts jobs from the head of the queue while they fit; returns the CPUs still free. */
    private int startHeads(long now, int free) {
        for (Job j : queue) {
            if (j.size() > free) {
                break;
            }
            free -= start(j, now);
        }
        return free;
    }

    /**
     * EASY (Lifka 1995): the first job that does not fit gets a reservation at its shadow time, when enough of the
     * running jobs will have ended by their estimates; a later job may start now if it fits and either ends by the
     * shadow time or uses only the CPUs the head will not need then (the extra ones).
     */
    private void easy(long now, int free) {
        Job head = null;
        for (Job j : queue) {
            if (j.start < 0) {
                head = j;
                break;
            }
        }
        if (head == null || free == 0) {
            return;
        }
        List<Job> byEnd = new ArrayList<>(running);
        byEnd.sort(Comparator.comparingLong(r -> Math.max(r.plannedEnd, now)));
        int available = free;
        long shadow = Long.MAX_VALUE;
        int extra = 0;
        for (Job r : byEnd) {
            available += r.running;
            if (available >= head.size()) {
                shadow = Math.max(r.plannedEnd, now);
                extra = available - head.size();
                break;
            }
        }
        List<Job> candidates = new ArrayList<>();
        for (Job j : queue) {
            if (j.start < 0 && j != head) {
                candidates.add(j);
            }
        }
        if (shortestBackfillFirst) {
            candidates.sort(BY_ESTIMATE);
        }
        for (Job j : candidates) {
            if (free == 0) {
                break;
            }
            if (j.size() > free) {
                continue;
            }
            boolean endsBeforeShadow = AvailabilityProfile.end(now, j.estimate) <= shadow;
            if (endsBeforeShadow || j.size() <= extra) {
                if (!endsBeforeShadow) {
                    extra -= j.size();
                }
                free -= start(j, now);
            }
        }
    }

    /**
     * Conservative backfilling (Mu'alem & Feitelson 2001): every job got a reservation when it arrived; a job
     * that ended before its estimate lets the others move up (compression, in order of their reservations, none
     * ever later); jobs whose reservation has come start.
     */
    private void conservative(long now, int free) {
        profile.forgetBefore(now);
        boolean overrun = false;
        for (Job r : running) {
            overrun |= r.plannedEnd <= now;
        }
        if (overrun) {
            rebuild(now);
        } else if (compress) {
            List<Job> byReservation = new ArrayList<>(queue);
            byReservation.sort(Comparator.<Job>comparingLong(j -> j.reservation).thenComparingLong(j -> j.seq));
            for (Job j : byReservation) {
                profile.release(j.reservation, j.reservedUntil, j.size());
                reserve(j, now); // its old stretch is free again, so it never moves later
            }
        }
        compress = false;
        for (Job j : queue) {
            if (j.reservation <= now && j.size() <= free) {
                free -= start(j, now);
            }
        }
    }

    /**
     * A job ran past its estimate, so the plan was wrong: it is taken to end a moment from now, and every
     * waiting job is planned again in queue order.
     */
    private void rebuild(long now) {
        profile = new AvailabilityProfile(ctx.cpuCount());
        for (Job r : running) {
            r.plannedEnd = Math.max(r.plannedEnd, now + 1);
            profile.reserve(now, r.plannedEnd, r.running);
        }
        for (Job j : queue) {
            reserve(j, now);
        }
    }

    private int start(Job j, long now) {
        j.start = now;
        j.plannedEnd = AvailabilityProfile.end(now, j.estimate);
        if (j.reservation >= 0 && j.reservation != now) { // conservative, late: the plan holds it from now on
            profile.release(j.reservation, j.reservedUntil, j.size());
            profile.reserve(now, j.plannedEnd, j.size());
        }
        j.running = j.size();
        busy += j.size();
        running.add(j);
        j.threads.forEach(handout::add);
        return j.size();
    }

    @Override
    public void stopping(Task task, CpuView cpu, StopReason why, long ranNanos) {
        Job j = task.attachment(Job.class);
        busy--;
        long now = ctx.now();
        if (backfilling == Backfilling.CONSERVATIVE && now < j.plannedEnd) {
            profile.release(now, j.plannedEnd, 1); // its CPU is free before the plan said
            compress = true;
        }
        if (--j.running == 0) {
            running.remove(j);
        }
    }

    @Override
    public void dequeue(Task task) {
        Job j = task.attachment(Job.class);
        handout.remove(task);
        if (backfilling == Backfilling.CONSERVATIVE && j.reservation >= 0 && j.start < 0) {
            profile.release(j.reservation, j.reservedUntil, j.size());
            j.reservation = -1;
        }
        j.threads.remove(task);
        if (j.threads.isEmpty()) {
            queue.remove(j);
            collecting.values().remove(j);
        } else if (backfilling == Backfilling.CONSERVATIVE && j.start < 0 && queue.contains(j)) {
            reserve(j, ctx.now());
        }
    }
}
