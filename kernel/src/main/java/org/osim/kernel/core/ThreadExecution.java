package org.osim.kernel.core;

import org.osim.api.program.Instruction;
import org.osim.api.sched.EnqueueReason;
import org.osim.api.sched.StopReason;
import org.osim.hardware.Engine;

/**
 * A thread's program running on its CPU: a {@code cpu} burst is under way until it completes or the slice
 * ends; zero-time steps follow one another at once — machine instructions, system calls (trapped to
 * {@link SystemCalls}), a due signal's handler — and at the program's end the thread repeats, takes its next
 * real-time job, or exits. A carrier runs its user threads' programs instead.
 */
final class ThreadExecution {
    private final Engine engine;

    // Peers, wired once by Kernel.
    Dispatcher dispatcher;
    SystemCalls systemCalls;
    MachineInstructions interpreter;
    Signals signals;
    ProcessLifecycle lifecycle;
    UserLevelThreads userThreads;
    PeriodicJobs jobs;
    PopUpThreads popups;
    Lockstep lockstep;

    ThreadExecution(Engine engine) {
        this.engine = engine;
    }

    /** The burst under way on {@code c} (or the switching overhead before it) is over: the thread goes on. */
    void onCompletion(CpuSlot c) {
        ThreadControlBlock k = c.current;
        ThreadControlBlock t = Dispatcher.running(k);
        long now = engine.now();
        if (now > t.segmentStart && t.remaining > 0) {
            dispatcher.account(c, k, t, Math.min(now - t.segmentStart, t.remaining));
        }
        t.segmentStart = now;
        execute(c, k, now);
    }

    /**
     * Runs the program of kernel thread {@code k} on {@code c} from time {@code at} (now, or when switching
     * overhead ends): zero-time instructions are carried out at once, until a {@code cpu} instruction is
     * under way or {@code k} leaves the CPU. A carrier runs its user threads' programs instead, switching
     * between them at user level as they yield, join and end.
     */
    void execute(CpuSlot c, ThreadControlBlock k, long at) {
        long now = engine.now();
        boolean step = false; // the work under way is a machine instruction: CPUs in lockstep go on together
        while (true) {
            if (c.current != k) {
                return; // it left the CPU (its process ended, say)
            }
            ThreadControlBlock t = k;
            if (k.carrier()) {
                if (k.currentUser == null) {
                    at = userThreads.assignUser(c, k, at);
                    if (at < 0) {
                        return;
                    }
                }
                t = k.currentUser;
            }
            if (t.remaining > 0) {
                long end = at + t.remaining;
                t.segmentStart = at;
                if (end <= c.sliceEndAt) {
                    if (step) {
                        lockstep.schedule(c, end);
                    } else {
                        engine.schedule(c.completion, end);
                    }
                }
                return;
            }
            if (at > now) {
                // Overhead is still being paid: carry on with the next instruction when it is.
                t.segmentStart = at;
                engine.schedule(c.completion, at);
                return;
            }
            if (t.context.pc >= t.program.size()) {
                if (!programEnded(c, k, t)) {
                    return;
                }
                continue;
            }
            if (t.codeOf == t.program && t.code[t.context.pc] != null) { // first: the hottest, one per instruction time
                if (!interpreter.machineInstruction(t, t.code[t.context.pc++])) {
                    return;
                }
                step = true;
                continue;
            }
            if (t.signalsDue != null && !t.signalsDue.isEmpty() && !t.user) {
                signals.runHandler(t); // a caught signal cleared codeOf, so that the fast path above lets it come here
                continue;
            }
            Instruction in = t.program.get(t.context.pc++);
            if (in instanceof Instruction.Machine) { // the first of its program: decode it, then run it
                interpreter.decode(t);
                if (!interpreter.machineInstruction(t, t.code[t.context.pc - 1])) {
                    return;
                }
                step = true;
            } else if (in instanceof Instruction.Compute cpu) {
                t.remaining = cpu.nanos();
            } else {
                at = systemCalls.trap(c, k, t, in, now, at);
                if (at == SystemCalls.LEFT) {
                    return;
                }
            }
        }
    }

    /**
     * {@code t} has run off the end of its program: back from a message handler, round again ({@code repeat}),
     * its next real-time job, or its end. Returns whether it goes on running on {@code c}.
     */
    private boolean programEnded(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t) {
        if (t.frames != null && !t.frames.isEmpty()) {
            popups.handlerDone(t, true);
            return true;
        }
        if (t.timesLeft > 0) { // repeat: the program runs again from the top
            t.timesLeft--;
            t.context.pc = 0;
            return true;
        }
        if (t.user) {
            userThreads.userThreadEnds(c, k, t);
            return true;
        }
        if (t.jobs != null && jobs.nextJob(c, t)) {
            // A released job was waiting: it is a new release, and the policy decides who runs it now.
            dispatcher.stopRunning(c, t, StopReason.YIELDED);
            dispatcher.makeReady(t, EnqueueReason.WAKEUP);
            return false;
        }
        if (t.jobs != null && t.jobs.spec.hasJob(t.jobs.released)) {
            dispatcher.block(c, t, "its next release");
            t.jobs.waitingForRelease = true;
            return false;
        }
        dispatcher.stopRunning(c, t, StopReason.EXITED);
        lifecycle.finishThread(t);
        return false;
    }
}
