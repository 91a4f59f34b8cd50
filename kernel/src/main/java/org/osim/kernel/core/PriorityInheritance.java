package org.osim.kernel.core;

import java.util.ArrayList;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.ThreadState;
import org.osim.api.trace.TraceEvent;
import org.osim.hardware.Engine;

/**
 * Priorities in force: {@code setpriority}, and priority inheritance for kernel objects that ask for it — a
 * holder runs at the priority its waiters lend it, passed on along a chain of holders that wait in turn.
 */
final class PriorityInheritance {
    private final Engine engine;
    private final Tracer tracer;
    private final SchedulerGuard policy;

    // Peers, wired once by Kernel.
    KernelObjects kernelObjects;

    PriorityInheritance(Engine engine, Tracer tracer, SchedulerGuard policy) {
        this.engine = engine;
        this.tracer = tracer;
        this.policy = policy;
    }

    /**
     * Priority inheritance, done by the kernel for objects that ask for it: each holder of {@code o} gets
     * the priority its waiters lend it, and a holder that waits in turn lends it on (chained inheritance).
     */
    void lendPriority(KernelObjectEntry o, java.util.Set<KernelObjectEntry> seen) {
        if (!seen.add(o)) {
            return;
        }
        for (ThreadControlBlock holder : new ArrayList<>(o.holders.keySet())) {
            inheritedPriority(holder, seen);
        }
    }

    /** Recomputes {@code t}'s priority: its own, or what the waiters of inheriting objects it holds lend it. */
    void inheritedPriority(ThreadControlBlock t, java.util.Set<KernelObjectEntry> seen) {
        int p = t.basePriority();
        for (KernelObjectEntry o : kernelObjects.objects.values()) {
            if (o.inheriting && o.holders.containsKey(t)) {
                for (ObjectWaitQueue q : o.queues) {
                    if (q.waitsForHolders) {
                        for (ObjectWaitQueue.Entry e : q.entries()) {
                            p = Math.max(p, e.caller.priority);
                        }
                    }
                }
            }
        }
        if (p != t.priority) {
            changeThreadPriority(t, p);
            if (t.objectWait != null && t.objectWait.waitsForHolders && t.objectWait.object.inheriting) {
                lendPriority(t.objectWait.object, seen);
            }
        }
    }

    /**
     * Changes the priority in force of one thread (priority inheritance): a waiting thread is handed back
     * to the policy, a running one lets the policy decide again, and an object it waits in is told.
     */
    void changeThreadPriority(ThreadControlBlock t, int priority) {
        if (t.priority == priority || t.state == ThreadState.TERMINATED) {
            return;
        }
        t.priority = priority;
        if (tracer.on()) {
            tracer.emit(new TraceEvent.Enqueued(engine.now(), t.name, EnqueueReason.PRIORITY_CHANGED));
        }
        if (t.state == ThreadState.READY && t.held && !t.user) {
            policy.dequeue(t);
            policy.enqueue(t, EnqueueReason.PRIORITY_CHANGED);
        } else if (t.state == ThreadState.RUNNING && t.cpu != null && !t.user) {
            t.cpu.preemptRequested = true;
            t.cpu.preemptReason = EnqueueReason.PRIORITY_CHANGED;
        } else if (t.objectWait != null) {
            KernelObjectEntry o = t.objectWait.object;
            kernelObjects.guardObject(o, "waiterPriorityChanged", () -> {
                o.object.waiterPriorityChanged(t);
                return null;
            });
        }
    }

    /**
     * The mechanism behind {@code setpriority}: a waiting thread is taken back from the policy and handed
     * back with its new priority; a running one leaves its CPU so the policy decides again.
     */
    void setPriority(ProcessControlBlock p, int priority) {
        p.priority = priority;
        for (ThreadControlBlock t : p.threads) {
            if (t.state == ThreadState.TERMINATED || t.priority == priority) {
                t.priority = priority;
                continue;
            }
            t.priority = priority;
            if (t.state == ThreadState.READY && t.held) {
                // Still waiting (readySince unchanged): the policy lets go of it and takes it back.
                policy.dequeue(t);
                if (tracer.on()) {
                    tracer.emit(new TraceEvent.Enqueued(engine.now(), t.name, EnqueueReason.PRIORITY_CHANGED));
                }
                policy.enqueue(t, EnqueueReason.PRIORITY_CHANGED);
            } else if (t.state == ThreadState.RUNNING) {
                CpuSlot c = t.cpu;
                c.preemptRequested = true;
                c.preemptReason = EnqueueReason.PRIORITY_CHANGED;
            }
        }
    }
}
