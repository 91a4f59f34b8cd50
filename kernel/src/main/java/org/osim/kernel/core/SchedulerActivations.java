package org.osim.kernel.core;

import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.Scheduler;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.ThreadState;
import org.osim.api.trace.TraceEvent;
import org.osim.hardware.CostProfile;
import org.osim.hardware.Engine;

/**
 * Scheduler activations (Anderson et al.; Tanenbaum §2.2.6): the kernel tells a process's run-time system
 * what happens to its threads by upcalls — blocked, unblocked, preempted, a new processor, a processor taken
 * back — and gives it a fresh activation when one blocks.
 */
final class SchedulerActivations {
    private final Engine engine;
    private final CostProfile costs;
    private final Tracer tracer;
    private final SchedulerGuard policy;
    long upcalls;

    // Peers, wired once by Kernel.
    UserLevelThreads userThreads;
    ProcessLifecycle lifecycle;

    SchedulerActivations(Engine engine, CostProfile costs, Tracer tracer, SchedulerGuard policy) {
        this.engine = engine;
        this.costs = costs;
        this.tracer = tracer;
        this.policy = policy;
    }

    /**
     * The process asks for {@code n} virtual processors: the kernel adds activations at once (each starts
     * with an upcall), and takes back idle ones; a busy one is given back when it next has nothing to run.
     */
    void setProcessors(RuntimeSystem rt, int n) {
        rt.wanted = n;
        while (rt.processors.size() < n) {
            VirtualProcessor vp = new VirtualProcessor(rt.processors.size(), null);
            rt.processors.add(vp);
            vp.carrier = userThreads.createCarrier(rt);
            upcall(null, rt, "new processor", null);
        }
        for (int i = rt.processors.size() - 1; i >= 0 && rt.processors.size() > n; i--) {
            ThreadControlBlock a = rt.processors.get(i).carrier;
            if (a.state == ThreadState.BLOCKED && a.waitingOn == rt.parked) {
                releaseProcessor(rt, a); // idle: back to the kernel now; a busy one goes when it parks
            }
        }
    }

    /** An idle activation handed back to the kernel. */
    void releaseProcessor(RuntimeSystem rt, ThreadControlBlock a) {
        rt.parked.remove(a);
        rt.processors.remove(userThreads.processorOf(a));
        for (int i = 0; i < rt.processors.size(); i++) {
            rt.processors.get(i).renumber(i);
        }
        rt.carriers.remove(a);
        a.blocked += engine.now() - a.blockedSince;
        a.moveTo(ThreadState.TERMINATED);
        a.completion = engine.now();
        a.process.liveThreads--;
        lifecycle.liveThreads--;
        policy.taskExit(a);
        upcall(null, rt, "processor taken back", null);
    }

    /** An activation whose user thread's system call is done: the upcall gives the thread back to the run-time system. */
    void activationUnblocked(ThreadControlBlock a) {
        ThreadControlBlock u = a.blockedUser;
        a.blockedUser = null;
        a.blocked += engine.now() - a.blockedSince;
        upcall(null, a.runtime, "unblocked", u);
        u.blocked += engine.now() - u.blockedSince;
        userThreads.userReady(u, EnqueueReason.WAKEUP);
        // The old activation is done: its kernel thread is discarded.
        a.moveTo(ThreadState.TERMINATED);
        a.completion = engine.now();
        a.process.liveThreads--;
        lifecycle.liveThreads--;
        a.runtime.carriers.remove(a);
        policy.taskExit(a);
    }

    /** The kernel took the CPU from a carrier: its user thread stays on it, or (activations) goes back with an upcall. */
    void carrierPreempted(CpuSlot c, ThreadControlBlock k) {
        ThreadControlBlock u = k.currentUser;
        if (u == null) {
            return;
        }
        u.cpu = null;
        if (k.runtime.activations()) {
            userThreads.userDeschedule(k, u, StopReason.PREEMPTED);
            upcall(c, k.runtime, "preempted", u);
            userThreads.userReady(u, EnqueueReason.PREEMPTED);
        }
    }

    void upcall(CpuSlot c, RuntimeSystem rt, String what, ThreadControlBlock u) {
        upcalls++;
        if (c != null && costs.systemCall() > 0) {
            c.hw.chargeOverhead(engine.now(), costs.systemCall()); // a crossing from kernel to user mode
        }
        if (tracer.on()) {
            tracer.emit(new TraceEvent.Upcall(engine.now(), rt.process.name, what, u == null ? "" : u.name));
        }
    }
}
