package org.osim.kernel.core;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.program.Instruction;
import org.osim.api.result.Termination;
import org.osim.api.sched.ThreadState;
import org.osim.hardware.Engine;

/**
 * UNIX signals: sent to a process, itself or a process group; ignored, blocked (pending) or delivered; a
 * caught one runs its handler before the thread's next instruction and interrupts a sleep, a pause or a
 * wait in a kernel object (-4, EINTR); an uncaught one takes its default action.
 */
final class Signals {
    private final Engine engine;
    private final ProcessTable table;
    private final PendingEvents pending;
    private final Tracer tracer;

    // Peers, wired once by Kernel.
    Dispatcher dispatcher;
    ProcessLifecycle lifecycle;
    KernelObjects kernelObjects;

    Signals(Engine engine, ProcessTable table, PendingEvents pending, Tracer tracer) {
        this.engine = engine;
        this.table = table;
        this.pending = pending;
        this.tracer = tracer;
    }

    /** Code a thread woken from an interruptible wait by a caught signal gets in r0 (Linux's EINTR). */
    static final long INTERRUPTED = -4;

    /** {@code signal SIG TARGET} from {@code t}: to a process, itself, or every live process of a group. */
    void sendSignal(ThreadControlBlock t, Instruction.SendSignal send) {
        String target = send.target();
        List<ProcessControlBlock> to = new ArrayList<>();
        if (target.equals("self")) {
            to.add(t.process);
        } else if (target.startsWith("group:")) {
            table.process(target.substring("group:".length())).ifPresent(leader -> {
                for (ProcessControlBlock p : table.processes()) {
                    if (p.processGroup == leader.processGroup) {
                        to.add(p);
                    }
                }
            });
        } else {
            table.process(target).ifPresent(to::add);
        }
        for (ProcessControlBlock p : to) {
            signal(p, send.signal(), t.process.name);
        }
    }

    /**
     * Posts {@code sig} to {@code p}: SIGKILL ends it; an ignored signal is dropped; a blocked one waits,
     * pending; otherwise it is delivered — its handler will run, or its default action is taken now.
     */
    void signal(ProcessControlBlock p, org.osim.api.program.Signal sig, String from) {
        if (!p.alive()) {
            return;
        }
        ProcessSignals ps = p.signals();
        ps.sent++;
        if (sig.catchable() && ps.ignores(sig)) {
            ps.ignored++;
            traceSignal(p, sig, from, "ignored");
            return;
        }
        if (sig.catchable() && (ps.blocked & ProcessSignals.bit(sig)) != 0) {
            ps.pending |= ProcessSignals.bit(sig);
            ps.pendingFrom.put(sig, from);
            traceSignal(p, sig, from, "pending");
            return;
        }
        deliver(p, sig, from);
    }

    void deliver(ProcessControlBlock p, org.osim.api.program.Signal sig, String from) {
        ProcessSignals ps = p.signals();
        ProcessSignals.Handler h = sig.catchable() ? ps.handlers.get(sig) : null;
        if (h == null) {
            traceSignal(p, sig, from, "default action");
            lifecycle.terminate(p, Termination.signalled(sig.name(), sig.number(), from));
            return;
        }
        ThreadControlBlock t = null;
        for (ThreadControlBlock x : p.threads) {
            if (x.state != ThreadState.TERMINATED && !x.carrier()) {
                t = x;
                break;
            }
        }
        if (t == null) {
            return;
        }
        if (t.signalsDue == null) {
            t.signalsDue = new java.util.ArrayDeque<>();
        }
        if (t.signalsDue.contains(sig)) {
            ps.merged++; // signals do not queue: one still waiting to be handled stands for both
            traceSignal(p, sig, from, "merged");
            return;
        }
        ps.caught++;
        traceSignal(p, sig, from, "caught by " + t.name);
        t.signalsDue.add(sig);
        t.codeOf = null; // off the fast path of machine instructions: its next step is the handler
        if (t.state == ThreadState.BLOCKED && t.interruptible) {
            interrupt(t);
        } else if (t.state == ThreadState.BLOCKED && t.objectWait != null) {
            interruptObjectWait(t);
        }
        // Running or ready: the handler runs before its next instruction. In I/O, join or wait: when it wakes.
    }

    private void traceSignal(ProcessControlBlock p, org.osim.api.program.Signal sig, String from, String outcome) {
        if (tracer.on()) {
            tracer.emit(new org.osim.api.trace.TraceEvent.Signalled(engine.now(), p.name, sig.name(), from, outcome));
        }
    }

    /** Delivers the signals pending for {@code p} that are no longer blocked, lowest number first. */
    void deliverPending(ProcessControlBlock p) {
        ProcessSignals ps = p.signals();
        for (org.osim.api.program.Signal sig : org.osim.api.program.Signal.values()) {
            long b = ProcessSignals.bit(sig);
            if ((ps.pending & b) != 0 && (ps.blocked & b) == 0 && p.alive()) {
                ps.pending &= ~b;
                deliver(p, sig, ps.pendingFrom.remove(sig));
            }
        }
    }

    /** A sleep or pause ends early for a caught signal: the call returns -4. */
    void interrupt(ThreadControlBlock t) {
        t.interruptible = false;
        if (t.wakeEvent != null) {
            engine.cancel(t.wakeEvent);
            pending.wakeups--;
            t.process.nextAlarm = -1;
        }
        t.setResult(INTERRUPTED);
        dispatcher.wake(t);
    }

    /** A wait in a kernel object ends for a caught signal, as a time-out would: the call returns -4. */
    void interruptObjectWait(ThreadControlBlock t) {
        ObjectWaitQueue q = t.objectWait;
        ObjectWaitQueue.Entry e = q.entryOf(t);
        if (e == null) {
            return;
        }
        if (e.timeout != null && engine.cancel(e.timeout)) {
            pending.wakeups--;
        }
        q.remove(e);
        KernelObjectEntry o = q.object;
        t.setResult(INTERRUPTED);
        kernelObjects.accountWait(o, e);
        kernelObjects.guardObject(o, "timedOut", () -> {
            o.object.timedOut(t, q);
            return null;
        });
        dispatcher.wake(e.blocked);
    }

    /** Runs the handler of {@code t}'s next due signal: the interrupted context is saved for sigreturn. */
    void runHandler(ThreadControlBlock t) {
        org.osim.api.program.Signal sig = t.signalsDue.poll();
        ProcessSignals.Handler h = t.process.signals().handlers.get(sig);
        if (h == null) { // the handler was removed since the signal was delivered: its disposition now applies
            if (!t.process.signals().ignores(sig)) {
                lifecycle.terminate(t.process, Termination.signalled(sig.name(), sig.number(), "a handler since removed"));
            }
            return;
        }
        if (t.signalFrames == null) {
            t.signalFrames = new java.util.ArrayDeque<>();
        }
        ProcessSignals ps = t.process.signals();
        t.signalFrames.push(new ThreadControlBlock.SignalFrame(t.program, t.context.pc,
                t.context.registers == null ? null : t.context.registers.clone(), t.context.zero, t.context.less, t.timesLeft, ps.blocked));
        ps.blocked |= ProcessSignals.bit(sig); // as sigaction does: the same signal waits until the handler returns
        t.program = h.program();
        t.context.pc = h.target();
        t.timesLeft = 0;
    }
}
