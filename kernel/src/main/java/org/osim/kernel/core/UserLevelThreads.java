package org.osim.kernel.core;

import java.util.List;
import java.util.SplittableRandom;
import org.osim.api.param.Parameters;
import org.osim.api.result.Termination;
import org.osim.api.sched.CpuView;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.SchedulerContext;
import org.osim.api.sched.SchedulerFactory;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.ThreadState;
import org.osim.api.sched.TimerHandle;
import org.osim.api.trace.TraceEvent;
import org.osim.api.workload.Workload;
import org.osim.hardware.CostProfile;
import org.osim.hardware.Engine;
import org.osim.hardware.Event;
import org.osim.hardware.EventRank;

/**
 * User-level threads (Tanenbaum §2.2.4–2.2.5): a process's run-time system with its own scheduler plugin,
 * the kernel threads that carry its threads (one for {@code user}, several for {@code hybrid}), and the
 * switches between user threads that need no kernel. A blocking call blocks the carrier — and with it every
 * user thread on it — unless the process has scheduler activations.
 */
final class UserLevelThreads {
    private final Engine engine;
    private final CostProfile costs;
    private final KernelOptions options;
    private final ProcessTable table;
    private final org.osim.api.RandomStreams streams;
    private final Tracer tracer;
    private final SchedulerGuard policy;
    private final Workload workload;
    private final List<org.osim.api.workload.UserSpec> users;
    long userThreadSwitches;

    // Peers, wired once by Kernel.
    Dispatcher dispatcher;
    ProcessLifecycle lifecycle;
    SchedulerActivations activations;
    KernelObjects kernelObjects;
    MutualExclusionChecker regions;

    UserLevelThreads(Engine engine, CostProfile costs, KernelOptions options, ProcessTable table,
                     org.osim.api.RandomStreams streams, Tracer tracer, SchedulerGuard policy, Workload workload,
                     List<org.osim.api.workload.UserSpec> users) {
        this.engine = engine;
        this.costs = costs;
        this.options = options;
        this.table = table;
        this.streams = streams;
        this.tracer = tracer;
        this.policy = policy;
        this.workload = workload;
        this.users = users;
    }

    /** A process's run-time system, with its own instance of the scheduler plugin it asked for. */
    RuntimeSystem createRuntime(ProcessControlBlock p, org.osim.api.workload.ThreadingSpec spec) {
        RuntimeSystem rt = new RuntimeSystem(p, spec);
        for (int i = 0; i < spec.kernelThreads(); i++) {
            rt.processors.add(new VirtualProcessor(i, null)); // its "CPUs" exist before its scheduler does
        }
        SchedulerFactory f = options.runtimeSchedulers().apply(spec.runtimeScheduler());
        String label = "runtime scheduler '" + f.name() + "' of process " + p.name;
        Parameters params = Parameters.resolve(label, f.parameters(), spec.runtimeParams());
        SplittableRandom random = streams.stream("runtime[" + p.name + "]");
        SchedulerContext context = new PolicyContext(engine, random, workload, users) {
            @Override
            public int cpuCount() {
                return rt.processors.size();
            }

            @Override
            public CpuView cpu(int id) {
                return rt.processors.get(id);
            }

            @Override
            public long tickNanos() {
                return 0; // there is no clock interrupt inside a process
            }

            @Override
            public TimerHandle at(long time, Runnable action) {
                Event e = Event.of(EventRank.POLICY_TIMER, () -> rt.scheduler.timer(action));
                engine.schedule(e, Math.max(time, engine.now()));
                return () -> engine.cancel(e);
            }

            @Override
            public void reschedule(int cpu) {
                // No user-level preemption: a user thread runs until it yields, blocks or exits.
            }
        };
        rt.scheduler = SchedulerGuard.create(f, params, context, label, engine);
        return rt;
    }

    /** A kernel thread (or a new activation) that runs the process's user threads; the kernel schedules it. */
    ThreadControlBlock createCarrier(RuntimeSystem rt) {
        ProcessControlBlock p = rt.process;
        ThreadControlBlock k = table.add(new ThreadControlBlock(engine, table.nextTid(), p, rt.nextCarrierName(), "runtime",
                List.of(), p.declaredRuntime, null, engine.now(), false));
        k.checker = lifecycle.checker;
        k.runtime = rt;
        rt.carriers.add(k);
        p.liveThreads++;
        lifecycle.liveThreads++;
        policy.taskNew(k);
        dispatcher.makeReady(k, EnqueueReason.NEW);
        return k;
    }

    /** A user thread becomes ready in its run-time system; a kernel thread with nothing to do takes it up. */
    void userReady(ThreadControlBlock u, EnqueueReason why) {
        RuntimeSystem rt = u.process.runtime;
        u.moveTo(ThreadState.READY);
        u.held = true;
        u.cpu = null;
        rt.scheduler.enqueue(u, why);
        if (!rt.parked.isEmpty()) {
            dispatcher.wakeOne(rt.parked);
        }
    }

    VirtualProcessor processorOf(ThreadControlBlock k) {
        for (VirtualProcessor vp : k.runtime.processors) {
            if (vp.carrier == k) {
                return vp;
            }
        }
        throw new IllegalStateException(k.name + " is no virtual processor of " + k.process.name);
    }

    /**
     * The carrier {@code k}, running on {@code c}, asks its run-time system for a user thread. Returns when
     * that thread can start (after a user-level switch), or -1 if there is none: then {@code k} has left
     * the CPU, parked until one is ready.
     */
    long assignUser(CpuSlot c, ThreadControlBlock k, long at) {
        RuntimeSystem rt = k.runtime;
        VirtualProcessor vp = processorOf(k);
        ThreadControlBlock u = rt.scheduler.pickNext(vp, vp.id(), false);
        long now = engine.now();
        if (u == null) {
            dispatcher.closeTurn(c, now);
            dispatcher.sleepOn(c, k, rt.parked, "a user thread to run");
            if (rt.activations() && rt.processors.size() > rt.wanted) {
                activations.releaseProcessor(rt, k); // the process gave this processor back
            }
            return -1;
        }
        u.held = false;
        u.moveTo(ThreadState.RUNNING);
        if (u.firstRun < 0) {
            u.firstRun = now;
            if (u.message != null) {
                u.process.messages().started(u.message, now);
            }
        }
        u.turnRan = 0;
        if (k.lastUser != u) {
            u.switches++;
            if (k.lastUser != null) {
                userThreadSwitches++;
                if (costs.userThreadSwitch() > 0) {
                    at = c.hw.chargeOverhead(now, costs.userThreadSwitch());
                }
            }
        }
        if (!u.name.equals(c.turnTask)) {
            // The schedule from here on is this user thread's (also when an activation takes it up again).
            dispatcher.closeTurn(c, now);
            c.turnStart = at;
            c.turnTask = u.name;
            if (tracer.on()) {
                tracer.emit(new TraceEvent.Dispatched(now, c.id, u.name, true, at - now));
            }
        }
        k.currentUser = u;
        k.lastUser = u;
        u.cpu = c;
        rt.scheduler.running(u, vp);
        return at;
    }

    /** The user thread {@code u} stops running on its carrier {@code k} without the kernel (yield, join, exit). */
    void userDeschedule(ThreadControlBlock k, ThreadControlBlock u, StopReason why) {
        k.currentUser = null;
        u.cpu = null;
        k.runtime.scheduler.stopping(u, processorOf(k), why, u.turnRan);
    }

    /** A user thread ends: its process ends with its last one. */
    void userThreadEnds(CpuSlot c, ThreadControlBlock k, ThreadControlBlock u) {
        RuntimeSystem rt = k.runtime;
        if (!kernelObjects.objects.isEmpty()) {
            kernelObjects.leaveObjects(u);
        }
        regions.threadEnded(u);
        userDeschedule(k, u, StopReason.EXITED);
        u.moveTo(ThreadState.TERMINATED);
        u.completion = engine.now();
        rt.liveUserThreads--;
        rt.scheduler.taskExit(u);
        if (tracer.on()) {
            tracer.emit(new TraceEvent.ThreadExited(engine.now(), u.name));
        }
        kernelObjects.exited("thread " + u.name);
        if (u.joiners != null) {
            dispatcher.wakeAll(u.joiners);
        }
        ThreadControlBlock parent = u.spawner;
        if (parent != null && --parent.liveChildren == 0 && parent.childrenDone != null) {
            dispatcher.wakeAll(parent.childrenDone);
        }
        if (u.message != null) {
            u.process.messages().handled(u.message, engine.now());
        }
        if (rt.liveUserThreads == 0 && (!u.process.receivesMessages() || u.process.messagesDone())) {
            dispatcher.closeTurn(c, engine.now());
            lifecycle.terminate(u.process, Termination.exit(0));
        }
    }

    /** A user thread blocks at user level (join): the run-time system runs another on the same kernel thread. */
    void userBlock(ThreadControlBlock k, ThreadControlBlock u, WaitQueue queue, String on) {
        userDeschedule(k, u, StopReason.BLOCKED);
        u.moveTo(ThreadState.BLOCKED);
        u.blockedSince = engine.now();
        queue.add(u);
        if (tracer.on()) {
            tracer.emit(new TraceEvent.Blocked(engine.now(), u.name, on));
        }
    }

    /**
     * Thread {@code t} on kernel thread {@code k} makes a blocking system call. A kernel thread blocks. A
     * user thread blocks with its kernel thread ({@code user}: the whole process; {@code hybrid}: that
     * kernel thread) — except with scheduler activations, where the kernel upcalls the run-time system and
     * gives the process a fresh activation to go on with. Returns whom to wake when the call is done.
     */
    ThreadControlBlock blockInKernel(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, String on) {
        if (!k.carrier()) {
            dispatcher.block(c, k, on);
            return k;
        }
        long now = engine.now();
        t.moveTo(ThreadState.BLOCKED);
        t.blockedSince = now;
        dispatcher.block(c, k, on); // the slice being recorded is the user thread's
        t.cpu = null;
        if (k.runtime.activations()) {
            RuntimeSystem rt = k.runtime;
            k.currentUser = null;
            k.blockedUser = t;
            rt.scheduler.stopping(t, processorOf(k), StopReason.BLOCKED, t.turnRan);
            activations.upcall(c, rt, "blocked", t);
            VirtualProcessor vp = processorOf(k);
            vp.carrier = createCarrier(rt); // the process keeps its virtual processor
            activations.upcall(null, rt, "new processor", null);
        }
        return k;
    }
}
