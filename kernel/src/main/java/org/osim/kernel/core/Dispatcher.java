package org.osim.kernel.core;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.result.SliceRecord;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Slice;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.ThreadState;
import org.osim.api.trace.TraceEvent;
import org.osim.hardware.CostProfile;
import org.osim.hardware.Engine;

/**
 * The dispatcher (Tanenbaum §2.4): the CPU slots, the moves between running, ready and blocked (Fig. 2-2),
 * context switches and the accounting of CPU time. The policy only decides; this part carries it out.
 */
final class Dispatcher {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Dispatcher.class);
    /** Whether every decision is logged (osim -vv): read once, so that a run not logged pays one branch. */
    private final boolean logDecisions = LOG.isTraceEnabled();
    private final Engine engine;
    private final CostProfile costs;
    private final KernelOptions options;
    private final CpuSlot[] cpus;
    private final SchedulerGuard policy;
    private final Tracer tracer;
    /** Ready tasks each CPU may run, kept only while a timeline is drawn (null otherwise), and whether they changed. */
    private final int[] readyOn;
    private boolean readyChanged;

    /** Whether stretches of the schedule are wanted: recorded as slices, or traced for a timeline. */
    private final boolean slicesWanted;
    /** CPUs whose next machine instruction is due at the same instant. */
    Lockstep lockstep;
    /** The machine's one-shot timers, one per CPU, that end slices. */
    private final org.osim.hardware.Clock timers;
    private final InterleavingLog interleavings;
    private final boolean machineCode;
    /** The schedule as it ran, when the run records it. */
    final List<SliceRecord> slices = new ArrayList<>();

    // Peers, wired once by Kernel (the mechanism's parts call each other in cycles).
    ThreadExecution execution;
    SchedulerActivations activations;
    UserLevelThreads userThreads;
    TicketTransfer tickets;
    /** The keeper of the gang rule, or null when the workload has no gangs. */
    GangScheduling gangs;
    /** The run's invariant checker, or null when the run is not checked. */
    InvariantChecker checker;

    long sliceCount;
    /** Threads the policy holds (ready, not running). */
    int held;
    /** CPUs with a task on them now, and since when at least one has: for the time any CPU was busy. */
    int cpusInUse;
    private long anyBusySince;
    long anyBusyTotal;
    /**
     * Whether a CPU asked the policy for a task at the end of this instant and got none while tasks were held (with
     * gangs: while every CPU idled).
     */
    boolean idleWithWork;
    /** Tasks woken in this instant, asked again at its end if still waiting (see retryDeferredWakeups). */
    private final List<ThreadControlBlock> deferredWakeups = new ArrayList<>();

    Dispatcher(Engine engine, CostProfile costs, KernelOptions options, CpuSlot[] cpus, SchedulerGuard policy, Tracer tracer,
               InterleavingLog interleavings, boolean machineCode,
               org.osim.hardware.Clock timers) {
        this.engine = engine;
        this.costs = costs;
        this.options = options;
        this.cpus = cpus;
        this.policy = policy;
        this.tracer = tracer;
        this.slicesWanted = options.recordSlices() || tracer.timeline();
        this.readyOn = tracer.timeline() ? new int[cpus.length] : null;
        this.timers = timers;
        this.interleavings = interleavings;
        this.machineCode = machineCode;
    }

    /**
     * Tasks woken in this instant that are still waiting at its end ask again whether to preempt: a woken
     * task that found an idle CPU did not ask, and one whose CPU went to another task woken at the same time
     * asked for the wrong CPU; either may now wait behind a less important running task (global RM: two jobs
     * released at once). They ask, round after round, until nobody asks.
     */
    void retryDeferredWakeups(long now) {
        for (int round = deferredWakeups.size(); round > 0 && !deferredWakeups.isEmpty(); round--) {
            boolean requested = false;
            List<ThreadControlBlock> woken = new ArrayList<>(deferredWakeups);
            deferredWakeups.clear();
            for (ThreadControlBlock t : woken) {
                if (t.held && t.state == ThreadState.READY && !t.user) {
                    requested |= requestWakeupPreemption(t);
                }
            }
            if (!requested) {
                break;
            }
            preemptAndPick(now);
        }
        deferredWakeups.clear();
    }

    /** A ready thread leaves the policy without running (its process ended). */
    void withdraw(ThreadControlBlock t) {
        t.held = false;
        held--;
        if (readyOn != null) {
            countReady(t, -1);
        }
        if (checker != null) {
            checker.held(t, false);
        }
        policy.dequeue(t);
    }

    void makeReady(ThreadControlBlock t, EnqueueReason why) {
        t.moveTo(ThreadState.READY);
        t.readySince = engine.now();
        t.held = true;
        held++;
        if (readyOn != null) {
            countReady(t, 1);
        }
        if (checker != null) {
            checker.held(t, true);
        }
        if (tracer.on()) {
            tracer.emit(new TraceEvent.Enqueued(engine.now(), t.name, why));
        }
        policy.enqueue(t, why);
        if (why == EnqueueReason.NEW || why == EnqueueReason.WAKEUP) {
            checkWakeupPreemption(t);
        }
    }

    void checkWakeupPreemption(ThreadControlBlock woken) {
        // Whatever happens now, it is asked again at the end of the instant if it is still waiting then: an
        // idle CPU it counted on, or the CPU it asked for, may go to another task woken in the same instant.
        deferredWakeups.add(woken);
        for (CpuSlot c : cpus) {
            if (c.current == null && woken.allowedOn(c.id)) {
                return; // an idle CPU it may run on will take it at the end of the instant
            }
        }
        requestWakeupPreemption(woken);
    }

    /** Asks the policy whether {@code woken} should take the CPU it selects from the task running there. */
    boolean requestWakeupPreemption(ThreadControlBlock woken) {
        CpuSlot c = cpus[policy.selectCpu(woken, Math.max(woken.lastCpu, 0), cpus.length)];
        if (c.current == null || !woken.allowedOn(c.id)) {
            return false;
        }
        if (c.preemptRequested) {
            return false; // another task woken in this instant takes that CPU; this one asks again after
        }
        if (policy.preemptOnWakeup(woken, c.current, c)) {
            if (logDecisions) {
                LOG.trace("{} ms: {} preempts {} on cpu{}", org.osim.api.SimTime.formatMillis(engine.now()), woken.name,
                        c.current.name, c.id);
            }
            c.preemptRequested = true;
            c.preemptReason = EnqueueReason.PREEMPTED;
            return true;
        }
        return false;
    }

    /** Accounts the CPU time {@code t} used since its current stretch began, and cancels its pending completion. */
    void saveState(CpuSlot c, ThreadControlBlock k) {
        long now = engine.now();
        ThreadControlBlock t = running(k);
        if (now > t.segmentStart && t.remaining > 0) {
            long ran = Math.min(now - t.segmentStart, t.remaining);
            account(c, k, t, ran);
        }
        t.segmentStart = now;
        engine.cancel(c.completion);
        lockstep.drop(c);
    }

    /** What kernel thread {@code k} is executing: its own program, or a user thread's. */
    static ThreadControlBlock running(ThreadControlBlock k) {
        return k.currentUser != null ? k.currentUser : k;
    }

    /** CPU time {@code t} used while kernel thread {@code k} ran on {@code c}; both are charged it. */
    void account(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, long ran) {
        t.remaining -= ran;
        t.cpuUsed += ran;
        t.turnRan += ran;
        if (t != k) {
            k.cpuUsed += ran;
            k.turnRan += ran;
        }
        c.hw.addBusy(ran);
    }

    void stopRunning(CpuSlot c, ThreadControlBlock t, StopReason why) {
        long now = engine.now();
        timers.cancelTimer(c.id);
        engine.cancel(c.completion);
        lockstep.drop(c);
        c.current = null;
        if (--cpusInUse == 0) {
            anyBusyTotal += now - anyBusySince;
        }
        c.last = t;
        t.cpu = null;
        sliceCount++;
        if (slicesWanted && now > c.turnStart && c.turnTask != null) {
            recordSlice(c, now);
        }
        if (machineCode && c.turnTask != null) {
            interleavings.logTurn(c.id, c.turnTask, now - c.turnStart);
        }
        c.turnTask = null;
        if (t.currentUser != null) {
            t.currentUser.cpu = null;
        }
        if (tracer.on()) {
            tracer.emit(new TraceEvent.Stopped(now, c.id, t.name, why, t.turnRan));
        }
        if (logDecisions) {
            LOG.trace("{} ms: cpu{} stops {} ({}, ran {} ms)", org.osim.api.SimTime.formatMillis(now), c.id, t.name,
                    why.name().toLowerCase(java.util.Locale.ROOT), org.osim.api.SimTime.formatMillis(t.turnRan));
        }
        policy.stopping(t, c, why, t.turnRan);
    }

    void block(CpuSlot c, ThreadControlBlock t, String on) {
        stopRunning(c, t, StopReason.BLOCKED);
        t.moveTo(ThreadState.BLOCKED);
        t.blockedSince = engine.now();
        if (tracer.on()) {
            tracer.emit(new TraceEvent.Blocked(engine.now(), t.name, on));
        }
    }

    void wake(ThreadControlBlock t) {
        if (t.state != ThreadState.BLOCKED) {
            return;
        }
        if (t.user) { // woken at user level (join): back to its run-time system
            t.blocked += engine.now() - t.blockedSince;
            userThreads.userReady(t, EnqueueReason.WAKEUP);
            return;
        }
        t.wakeEvent = null;
        t.ioRequest = null;
        t.interruptible = false;
        if (t.blockedUser != null) {
            activations.activationUnblocked(t);
            return;
        }
        tickets.reclaimTickets(t);
        t.blocked += engine.now() - t.blockedSince;
        ThreadControlBlock u = t.currentUser;
        if (u != null && u.state == ThreadState.BLOCKED) {
            // The user thread blocked with its kernel thread, and goes on with it.
            u.blocked += engine.now() - u.blockedSince;
            u.moveTo(ThreadState.RUNNING);
        }
        makeReady(t, EnqueueReason.WAKEUP);
    }

    /** Blocks the thread running on {@code c} on {@code queue} until {@link #wakeOne} or {@link #wakeAll}. */
    void sleepOn(CpuSlot c, ThreadControlBlock t, WaitQueue queue, String on) {
        block(c, t, on);
        queue.add(t);
    }

    /** Wakes the longest waiter of {@code queue}; returns whether there was one. */
    boolean wakeOne(WaitQueue queue) {
        ThreadControlBlock t = queue.poll();
        if (t == null) {
            return false;
        }
        wake(t);
        return true;
    }

    /** Wakes every waiter of {@code queue}; returns how many. */
    int wakeAll(WaitQueue queue) {
        int n = 0;
        while (wakeOne(queue)) {
            n++;
        }
        return n;
    }

    void dispatch(CpuSlot c, ThreadControlBlock t) {
        long now = engine.now();
        t.held = false;
        held--;
        if (readyOn != null) {
            countReady(t, -1);
        }
        if (checker != null) {
            checker.held(t, false);
        }
        t.moveTo(ThreadState.RUNNING);
        t.waiting += now - t.readySince;
        if (t.firstRun < 0) {
            t.firstRun = now;
            if (t.message != null) {
                t.process.messages().started(t.message, now);
            }
        }
        if (c.preemptedCandidate != null && c.preemptedCandidate != t) {
            c.preemptedCandidate.preemptions++;
        }
        c.preemptedCandidate = null;
        long overhead = 0;
        boolean switched = c.last != t;
        if (switched) {
            t.switches++;
            overhead = c.last == null || c.last.process != t.process ? costs.processSwitch() : costs.threadSwitch();
        }
        long start = overhead > 0 ? c.hw.chargeOverhead(now, overhead) : c.hw.freeAt(now);
        c.current = t;
        t.cpu = c;
        if (gangs != null) {
            gangs.dispatched(t.process);
        }
        if (cpusInUse++ == 0) {
            anyBusySince = now;
        }
        if (t.lastCpu >= 0 && t.lastCpu != c.id) {
            t.migrations++;
        }
        t.lastCpu = c.id;
        t.turnRan = 0;
        c.turnStart = start;
        c.turnTask = t.currentUser != null ? t.currentUser.name : t.name;
        if (t.currentUser != null) {
            t.currentUser.cpu = c; // a user thread resumes on its kernel thread
            if (switched) {
                t.currentUser.switches++;
            }
        }
        c.idleTraced = false;
        if (tracer.on()) {
            tracer.emit(new TraceEvent.Dispatched(now, c.id, t.name, switched, start - now));
        }
        if (logDecisions) {
            LOG.trace("{} ms: cpu{} runs {}{}", org.osim.api.SimTime.formatMillis(now), c.id, t.name,
                    switched ? "" : " (no switch)");
        }
        policy.running(t, c);
        long slice = policy.sliceNanos(t, c);
        if (slice == Slice.INFINITE || start > Long.MAX_VALUE - slice) {
            c.sliceEndAt = Long.MAX_VALUE;
        } else {
            c.sliceEndAt = start + slice;
            timers.setTimer(c.id, c.sliceEndAt);
        }
        execution.execute(c, t, start);
    }

    /** Charges a system call's cost on {@code c}; returns when the CPU is free again. */
    long systemCall(CpuSlot c, long now) {
        return costs.systemCall() > 0 ? c.hw.chargeOverhead(now, costs.systemCall()) : now;
    }

    /** Empties the CPUs whose task must give way, then lets every idle CPU ask the policy for a task, in CPU order. */
    void preemptAndPick(long now) {
        for (CpuSlot c : cpus) {
            if (c.preemptRequested && ClockInterrupt.interruptsOff(c.current)) {
                c.preemptRequested = false;
                ClockInterrupt.withInterruptsOff(c.current).preemptionHeld = true; // no interrupt gets through until sti
            }
            if (c.preemptRequested) {
                c.preemptRequested = false;
                ThreadControlBlock t = c.current;
                if (t != null) {
                    saveState(c, t);
                    EnqueueReason why = c.preemptReason;
                    stopRunning(c, t, switch (why) {
                        case SLICE_EXPIRED -> StopReason.SLICE_EXPIRED;
                        case PRIORITY_CHANGED -> StopReason.PRIORITY_CHANGED;
                        default -> StopReason.PREEMPTED;
                    });
                    if (t.carrier()) {
                        activations.carrierPreempted(c, t);
                    }
                    c.preemptedCandidate = t;
                    makeReady(t, why);
                }
            }
        }
        idleWithWork = false;
        for (CpuSlot c : cpus) {
            // A task may leave the CPU at once (its first instruction blocks or yields): ask again.
            while (c.current == null && held > 0) {
                ThreadControlBlock t = policy.pickNext(c);
                if (t == null) {
                    idleWithWork = true;
                    break;
                }
                dispatch(c, t);
            }
            if (c.current == null) {
                c.preemptedCandidate = null;
                if (!c.idleTraced) {
                    c.idleTraced = true;
                    if (tracer.on()) {
                        tracer.emit(new TraceEvent.Idle(now, c.id));
                    }
                }
            }
        }
        if (gangs != null) {
            gangs.checkRound();
            // Space sharing leaves CPUs idle on purpose while a gang waits for enough of them; only a machine left
            // wholly idle with work waiting is the watchdog's business (any gang fits on the whole machine).
            idleWithWork &= cpusInUse == 0;
        }
    }

    private void countReady(ThreadControlBlock t, int by) {
        for (int cpu = 0; cpu < readyOn.length; cpu++) {
            if (t.allowedOn(cpu)) {
                readyOn[cpu] += by;
            }
        }
        readyChanged = true;
    }

    /** At the end of an instant, while a timeline is drawn: the ready tasks each CPU may run, where they changed. */
    void traceReady(long now) {
        if (readyChanged) {
            readyChanged = false;
            java.util.List<Integer> counts = new java.util.ArrayList<>(readyOn.length);
            for (int n : readyOn) {
                counts.add(n);
            }
            tracer.emitTimeline(new TraceEvent.ReadyTasks(now, counts));
        }
    }

    /** The stretch of the schedule on {@code c} from its turn's start to {@code now}: recorded, traced, or both. */
    private void recordSlice(CpuSlot c, long now) {
        if (options.recordSlices()) {
            slices.add(new SliceRecord(c.id, c.turnTask, c.turnStart, now));
        }
        if (tracer.timeline()) {
            tracer.emitTimeline(new TraceEvent.Slice(now, c.id, c.turnTask, c.turnStart));
        }
    }

    /** Ends the stretch of the schedule being recorded on {@code c}, if any time went by. */
    void closeTurn(CpuSlot c, long now) {
        if (c.turnTask != null && now > c.turnStart) {
            if (slicesWanted) {
                recordSlice(c, now);
            }
            c.turnStart = now;
        }
    }

    /** A run cut short (at the horizon, or by a deadlock) still accounts the work under way on each CPU. */
    void closeOpenTurns() {
        long now = engine.now();
        if (cpusInUse > 0) {
            anyBusyTotal += now - anyBusySince;
            anyBusySince = now;
        }
        for (CpuSlot c : cpus) {
            ThreadControlBlock t = c.current;
            if (t != null) {
                saveState(c, t);
                if (slicesWanted && now > c.turnStart && c.turnTask != null) {
                    recordSlice(c, now);
                }
            }
        }
    }
}
