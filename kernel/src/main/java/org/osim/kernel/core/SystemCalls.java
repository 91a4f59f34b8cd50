package org.osim.kernel.core;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;
import org.osim.api.result.Termination;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.StopReason;
import org.osim.api.sched.ThreadState;
import org.osim.api.workload.ThreadSpec;
import org.osim.hardware.CostProfile;
import org.osim.hardware.Engine;
import org.osim.hardware.EventRank;
import org.osim.hardware.Machine;

/**
 * The system calls: each coarse instruction that asks the kernel for something ({@code io}, {@code sleep},
 * {@code yield}, {@code fork}, {@code wait}, {@code spawn}, {@code join}, {@code kill}, {@code signal},
 * {@code call}, …) has one small handler here. A handler returns when the thread may go on (the system call's
 * cost paid), or {@link #LEFT} if the thread left the CPU: it blocked, yielded or ended.
 */
final class SystemCalls {
    /** What a handler returns when the calling thread is no longer running on its CPU. */
    static final long LEFT = -1;

    /** One system call: {@code t} (run by kernel thread {@code k} on {@code c}) executes {@code in} at {@code now}. */
    @FunctionalInterface
    private interface Handler<I extends Instruction> {
        long handle(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, I in, long now, long at);
    }

    private final Engine engine;
    private final Machine machine;
    private final CostProfile costs;
    private final ProcessTable table;
    private final PendingEvents pending;
    private final Map<Class<?>, Handler<Instruction>> handlers = new IdentityHashMap<>();

    // Peers, wired once by Kernel.
    Dispatcher dispatcher;
    ProcessLifecycle lifecycle;
    UserLevelThreads userThreads;
    SchedulerActivations activations;
    PopUpThreads popups;
    Signals signals;
    KernelObjects kernelObjects;
    AddressSpaces memory;
    TicketTransfer tickets;
    PriorityInheritance inheritance;

    SystemCalls(Engine engine, Machine machine, CostProfile costs, ProcessTable table, PendingEvents pending) {
        this.engine = engine;
        this.machine = machine;
        this.costs = costs;
        this.table = table;
        this.pending = pending;
        on(Instruction.Io.class, this::io);
        on(Instruction.Sleep.class, this::sleep);
        on(Instruction.Serve.class, (c, k, t, in, now, at) -> popups.serve(c, k, t, in.async()) ? at : LEFT);
        on(Instruction.Yield.class, this::yield);
        on(Instruction.ThreadExit.class, this::threadExit);
        on(Instruction.Exit.class, (c, k, t, in, now, at) -> end(t, Termination.exit(in.code())));
        on(Instruction.Fault.class, (c, k, t, in, now, at) -> end(t, Termination.fatal(in.kind())));
        on(Instruction.SendSignal.class, this::sendSignal);
        on(Instruction.Handle.class, (c, k, t, in, now, at) -> {
            t.process.signals().handle(in, t.program);
            return dispatcher.systemCall(c, now);
        });
        on(Instruction.MaskSignal.class, this::maskSignal);
        on(Instruction.Pause.class, this::pause);
        on(Instruction.SigReturn.class, this::sigReturn);
        on(Instruction.Kill.class, this::kill);
        on(Instruction.Spawn.class, this::spawn);
        on(Instruction.Join.class, this::join);
        on(Instruction.Fork.class, this::fork);
        on(Instruction.Attach.class, (c, k, t, in, now, at) -> attachSegment(c, t, in.segment(), true, now));
        on(Instruction.Detach.class, (c, k, t, in, now, at) -> attachSegment(c, t, in.segment(), false, now));
        on(Instruction.Wait.class, this::await);
        on(Instruction.SetPriority.class, this::setPriority);
        on(Instruction.Processors.class, (c, k, t, in, now, at) -> {
            long next = dispatcher.systemCall(c, now);
            if (k.carrier() && k.runtime.activations()) {
                activations.setProcessors(k.runtime, in.count());
            }
            return next;
        });
        on(Instruction.Word.class, (c, k, t, in, now, at) -> at); // laid out when the process was created
        on(Instruction.WaitFor.class, (c, k, t, in, now, at) -> {
            long next = dispatcher.systemCall(c, now);
            return kernelObjects.waitFor(c, k, t, in) ? next : LEFT;
        });
        on(Instruction.Call.class, (c, k, t, in, now, at) -> {
            long next = t.spinningOn == null ? dispatcher.systemCall(c, now) : at; // another try of a spinning call is not another system call
            return kernelObjects.callObject(c, k, t, in) ? next : LEFT;
        });
    }

    @SuppressWarnings("unchecked")
    private <I extends Instruction> void on(Class<I> type, Handler<I> handler) {
        handlers.put(type, (Handler<Instruction>) handler);
    }

    /** Carries out system call {@code in} for {@code t}; returns when it may go on, or {@link #LEFT}. */
    long trap(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction in, long now, long at) {
        Handler<Instruction> h = handlers.get(in.getClass());
        if (h == null) {
            throw new IllegalStateException("unknown instruction " + in);
        }
        return h.handle(c, k, t, in, now, at);
    }

    /** Charges a system call's cost on {@code c}; returns when the CPU is free again. */
    private long systemCall(CpuSlot c, long now) {
        return dispatcher.systemCall(c, now);
    }

    private long end(ThreadControlBlock t, Termination how) {
        lifecycle.terminate(t.process, how);
        return LEFT;
    }

    private long io(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.Io io, long now, long at) {
        if (PopUpThreads.inAsyncHandler(t)) {
            long next = dispatcher.systemCall(c, now);
            popups.asyncCall(t, io.nanos(), io.device());
            return next;
        }
        dispatcher.systemCall(c, now);
        ThreadControlBlock waiter = userThreads.blockInKernel(c, k, t, io.device().map(d -> "io " + d).orElse("io"));
        pending.wakeups++;
        Runnable done = () -> {
            pending.wakeups--;
            dispatcher.wake(waiter);
        };
        if (io.device().isPresent()) {
            waiter.ioRequest = machine.device(io.device().get()).submit(io.nanos(), done);
        } else {
            waiter.wakeEvent = engine.at(now + io.nanos(), EventRank.WAKEUP, done);
        }
        return LEFT;
    }

    private long sleep(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.Sleep sleep, long now, long at) {
        if (PopUpThreads.inAsyncHandler(t)) {
            long next = dispatcher.systemCall(c, now);
            popups.asyncCall(t, sleep.nanos(), Optional.empty());
            return next;
        }
        dispatcher.systemCall(c, now);
        ThreadControlBlock waiter = userThreads.blockInKernel(c, k, t, "sleep");
        waiter.interruptible = true;
        pending.wakeups++;
        long alarm = now + sleep.nanos();
        t.process.nextAlarm = alarm;
        waiter.wakeEvent = engine.at(alarm, EventRank.WAKEUP, () -> {
            pending.wakeups--;
            if (waiter.process.nextAlarm == alarm) {
                waiter.process.nextAlarm = -1;
            }
            dispatcher.wake(waiter);
        });
        return LEFT;
    }

    private long yield(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.Yield in, long now, long at) {
        if (t.user) { // thread_yield in the run-time system: no kernel call
            userThreads.userDeschedule(k, t, StopReason.YIELDED);
            userThreads.userReady(t, EnqueueReason.YIELDED);
            return at;
        }
        dispatcher.systemCall(c, now);
        dispatcher.stopRunning(c, t, StopReason.YIELDED);
        dispatcher.makeReady(t, EnqueueReason.YIELDED);
        return LEFT;
    }

    private long threadExit(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.ThreadExit in, long now, long at) {
        if (t.user) {
            userThreads.userThreadEnds(c, k, t);
            return at;
        }
        dispatcher.stopRunning(c, t, StopReason.EXITED);
        lifecycle.finishThread(t);
        return LEFT;
    }

    private long sendSignal(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.SendSignal send, long now, long at) {
        long next = dispatcher.systemCall(c, now);
        signals.sendSignal(t, send);
        if (c.current != k || t.state == ThreadState.TERMINATED) {
            return LEFT; // it signalled itself (or its group) to death
        }
        return next;
    }

    private long maskSignal(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.MaskSignal mask, long now, long at) {
        long next = dispatcher.systemCall(c, now);
        ProcessSignals ps = t.process.signals();
        if (mask.block()) {
            ps.blocked |= ProcessSignals.bit(mask.signal());
            return next;
        }
        ps.blocked &= ~ProcessSignals.bit(mask.signal());
        signals.deliverPending(t.process);
        return c.current != k ? LEFT : next; // a pending signal's default action may have ended it
    }

    private long pause(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.Pause in, long now, long at) {
        long next = dispatcher.systemCall(c, now);
        if (t.signalsDue == null || t.signalsDue.isEmpty()) {
            ThreadControlBlock waiter = userThreads.blockInKernel(c, k, t, "pause");
            waiter.interruptible = true;
            return LEFT;
        }
        return next;
    }

    private long sigReturn(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.SigReturn in, long now, long at) {
        if (t.signalFrames == null || t.signalFrames.isEmpty()) {
            return end(t, Termination.fatal("sigreturn outside a signal handler"));
        }
        ThreadControlBlock.SignalFrame f = t.signalFrames.pop();
        t.program = f.program();
        t.context.pc = f.pc();
        t.context.registers = f.registers();
        t.context.zero = f.zero();
        t.context.less = f.less();
        t.timesLeft = f.timesLeft();
        t.process.signals().blocked = f.blocked();
        signals.deliverPending(t.process);
        return c.current != k ? LEFT : at; // a pending signal's default action may have ended it
    }

    private long kill(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.Kill kill, long now, long at) {
        long next = dispatcher.systemCall(c, now);
        var target = table.process(kill.process());
        if (target.isPresent() && target.get().alive()) {
            if (target.get() == t.process) {
                return end(t, Termination.killed(t.process.name));
            }
            lifecycle.terminate(target.get(), Termination.killed(t.process.name));
        }
        return next;
    }

    /** What a refused {@code fork} or {@code spawn} leaves in r0: EAGAIN, "try again". */
    static final long EAGAIN = -11;

    private long spawn(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.Spawn spawn, long now, long at) {
        long next = t.user ? at : dispatcher.systemCall(c, now); // a user-level library call needs no kernel
        Program program = t.process.programs.get(spawn.program());
        if (program == null) {
            return end(t, Termination.fatal("spawn of unknown program " + spawn.program()));
        }
        if (!lifecycle.canSpawn(t.process)) {
            lifecycle.failedForks++;
            t.setResult(EAGAIN); // the user has as many threads as it may; the caller goes on
            return next;
        }
        lifecycle.createThread(t.process, t.process.nextThreadName(spawn.program()), spawn.program(), program,
                program.cpuNanos(), t);
        t.setResult(0);
        return next;
    }

    private long join(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.Join join, long now, long at) {
        long next = t.user ? at : dispatcher.systemCall(c, now);
        WaitQueue on = null;
        String what = "join";
        if (join.program().isEmpty()) {
            if (t.liveChildren > 0) {
                on = t.childrenDone();
            }
        } else {
            ThreadControlBlock child = null;
            for (ThreadControlBlock kid : t.children) {
                if (kid.programName.equals(join.program().get())) {
                    child = kid;
                }
            }
            if (child != null && child.state != ThreadState.TERMINATED) {
                on = child.joiners();
                what = "join " + child.name;
            }
        }
        if (on == null) {
            return next;
        }
        if (t.user) {
            userThreads.userBlock(k, t, on, what);
            return next;
        }
        dispatcher.sleepOn(c, t, on, what);
        tickets.lendTickets(t);
        return LEFT;
    }

    private long fork(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.Fork fork, long now, long at) {
        long next = dispatcher.systemCall(c, now);
        Program program = t.process.programs.get(fork.program());
        if (program == null) {
            return end(t, Termination.fatal("fork of unknown program " + fork.program()));
        }
        ProcessControlBlock p = t.process;
        if (!lifecycle.canFork(p)) {
            lifecycle.failedForks++;
            t.setResult(EAGAIN); // the process table is full, or the user at its limit: fork(2) fails, the caller goes on
            return next;
        }
        String child = p.nextChildName(fork.program());
        ProcessControlBlock forked = lifecycle.createProcess(child, p.priority, p.nice, p.user, p.tickets, program.cpuNanos(),
                p.programs, List.of(new ThreadSpec(child, program)), p, null, p.affinity, p.threading, 1); // inherited, as with fork(2)
        if (p.attached != null) {
            forked.attached = new java.util.LinkedHashSet<>(p.attached); // so are its attached segments
        }
        t.setResult(forked.pid); // what fork(2) returns to the parent
        return next;
    }

    private long attachSegment(CpuSlot c, ThreadControlBlock t, String segment, boolean on, long now) {
        long next = dispatcher.systemCall(c, now);
        return memory.attach(t, segment, on) ? next : LEFT;
    }

    /** {@code wait}: reap a child that has ended, or sleep until one does. */
    private long await(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.Wait in, long now, long at) {
        long next = dispatcher.systemCall(c, now);
        ProcessControlBlock p = t.process;
        if (p.unreapedCount() > 0) {
            lifecycle.reap(p, p.unreaped().pollFirst());
        } else if (p.liveChildren > 0) {
            ThreadControlBlock waiter = userThreads.blockInKernel(c, k, t, "wait");
            p.childWait().add(waiter);
            tickets.lendTickets(waiter);
            return LEFT;
        }
        return next;
    }

    private long setPriority(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.SetPriority sp, long now, long at) {
        long next = dispatcher.systemCall(c, now);
        ProcessControlBlock self = t.process;
        ProcessControlBlock target = sp.process().equals("self") ? self
                : table.process(sp.process()).filter(q -> q.parent == self).orElse(null);
        if (target != null && target.alive()) {
            inheritance.setPriority(target, sp.priority()); // for itself: it leaves the CPU at the end of the instant
        }
        return next;
    }
}
