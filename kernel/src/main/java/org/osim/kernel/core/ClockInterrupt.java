package org.osim.kernel.core;

import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.StopReason;
import org.osim.hardware.Clock;
import org.osim.hardware.CostProfile;
import org.osim.hardware.Engine;

/**
 * The clock interrupt's service routines (Tanenbaum Fig. 2-5): the CPU's one-shot timer ends a time slice,
 * the periodic tick lets policies age or decay; the timers themselves are the machine's ({@link Clock}). A thread with interrupts off holds both off until {@code sti}.
 */
final class ClockInterrupt implements Clock.Handler {
    private final Engine engine;
    private final CostProfile costs;
    private final CpuSlot[] cpus;
    private final SchedulerGuard policy;

    // Peers, wired once by Kernel.
    Dispatcher dispatcher;
    ThreadExecution execution;
    SchedulerActivations activations;

    ClockInterrupt(Engine engine, CostProfile costs, CpuSlot[] cpus, SchedulerGuard policy) {
        this.engine = engine;
        this.costs = costs;
        this.cpus = cpus;
        this.policy = policy;
    }

    /**
     * The clock interrupt that ends a slice, as in Tanenbaum Fig. 2-5: the running task's state is saved
     * (its CPU time accounted), the interrupt's entry and exit are charged to the CPU as overhead, and the
     * task goes back to the policy; the scheduler is called and the next task dispatched at the end of the
     * instant.
     */
    @Override
    public void timerExpired(int cpu) {
        CpuSlot c = cpus[cpu];
        ThreadControlBlock t = c.current;
        if (interruptsOff(t)) {
            // The clock interrupt waits for sti: the thread runs on, with no slice end ahead.
            withInterruptsOff(t).preemptionHeld = true;
            dispatcher.saveState(c, t);
            c.sliceEndAt = Long.MAX_VALUE;
            execution.execute(c, t, engine.now());
            return;
        }
        dispatcher.saveState(c, t);
        if (costs.interrupt() > 0) {
            c.hw.chargeOverhead(engine.now(), costs.interrupt());
        }
        dispatcher.stopRunning(c, t, StopReason.SLICE_EXPIRED);
        if (t.carrier()) {
            activations.carrierPreempted(c, t);
        }
        c.preemptedCandidate = t;
        dispatcher.makeReady(t, EnqueueReason.SLICE_EXPIRED);
    }

    /** The periodic tick: its entry and exit cost each busy CPU, and the policy may ask to preempt. */
    @Override
    public void tick() {
        long now = engine.now();
        for (CpuSlot c : cpus) {
            ThreadControlBlock t = c.current;
            if (t != null) {
                if (costs.interrupt() > 0) {
                    // The interrupt takes the CPU from the running thread for its entry and exit: the thread's
                    // work stops, and goes on when the handler is done.
                    dispatcher.saveState(c, t);
                    execution.execute(c, t, c.hw.chargeOverhead(now, costs.interrupt()));
                }
                if (c.current == t && policy.tick(t, c)) {
                    c.preemptRequested = true;
                    c.preemptReason = EnqueueReason.SLICE_EXPIRED;
                }
            }
        }
    }

    /** Whether the thread on a CPU (or the user-level thread its kernel thread runs) has interrupts off. */
    static boolean interruptsOff(ThreadControlBlock k) {
        return withInterruptsOff(k) != null;
    }

    /** The thread running on kernel thread {@code k} (itself, or its user-level thread) that has interrupts off; else null. */
    static ThreadControlBlock withInterruptsOff(ThreadControlBlock k) {
        if (k == null) {
            return null;
        }
        if (k.currentUser != null && k.currentUser.context.interruptsOff) {
            return k.currentUser;
        }
        return k.context.interruptsOff ? k : null;
    }
}
