package org.osim.kernel.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import org.osim.api.SimTime;
import org.osim.api.sched.Promises;
import org.osim.api.sched.Task;
import org.osim.api.sched.ThreadState;
import org.osim.hardware.Cpu;
import org.osim.hardware.Engine;

/**
 * Checks the kernel's invariants as the run goes ({@code --check}; on in every test of this repository
 * through the {@code osim.check} system property). At the end of every instant, and at the end of the run:
 *
 * <ul>
 *   <li>only legal state moves (Tanenbaum Fig. 2-2; {@link ThreadControlBlock#moveTo} refuses the others),
 *       and each thread moved in the instant in exactly one place: on one CPU, held by the policy, or
 *       neither (blocked, ended);
 *   <li>at most one thread per CPU, no thread on two CPUs, and only on a CPU its affinity allows;
 *   <li>the policy's {@link Promises}: no CPU idle while a thread allowed on it is ready; the running
 *       threads the most urgent ready ones;
 *   <li>kernel objects: every waiter blocked, in one wait queue only, and each object's own rules
 *       ({@link org.osim.api.object.KernelObject#brokenInvariant()});
 *   <li>CPU time conserved: per CPU, busy + overhead never exceeds the time elapsed, and the CPU time of the
 *       threads adds up to the CPUs' busy time.
 * </ul>
 *
 * A broken rule ends the run with the simulated time, what moved in that instant, and the rule: a promise
 * the policy broke names the policy (exit code 3), any other rule is the kernel's (exit code 1). With the
 * checker off the kernel holds no reference to it and pays nothing.
 */
final class InvariantChecker {
    private final Engine engine;
    private final CpuSlot[] cpus;
    private final SchedulerGuard policy;
    private final Promises promises;
    private final Optional<Comparator<Task>> order;
    /** How many threads the policy holds, by the checker's own count (each marked {@code checkedHeld}). */
    private int held;
    /** Threads whose state changed in this instant, and how: what the report of a broken rule shows. */
    private ThreadControlBlock[] moved = new ThreadControlBlock[16];
    private ThreadState[] movedFrom = new ThreadState[16];
    private ThreadState[] movedTo = new ThreadState[16];
    private int moves;
    private long instant = -1;
    private long instants;

    // Peers, wired once by Kernel.
    Dispatcher dispatcher;
    KernelObjects kernelObjects;
    ProcessTable table;

    InvariantChecker(Engine engine, CpuSlot[] cpus, SchedulerGuard policy) {
        this.engine = engine;
        this.cpus = cpus;
        this.policy = policy;
        this.promises = policy.promises();
        this.order = promises.globalOrder();
    }

    /** {@code t} moved from {@code from} to {@code to} now. */
    void moved(ThreadControlBlock t, ThreadState from, ThreadState to) {
        long now = engine.now();
        if (now != instant) {
            instant = now;
            moves = 0;
        }
        if (moves == moved.length) {
            moved = java.util.Arrays.copyOf(moved, moves * 2);
            movedFrom = java.util.Arrays.copyOf(movedFrom, moves * 2);
            movedTo = java.util.Arrays.copyOf(movedTo, moves * 2);
        }
        moved[moves] = t;
        movedFrom[moves] = from;
        movedTo[moves++] = to;
    }

    /** The policy holds {@code t} now ({@code true}), or no longer ({@code false}). */
    void held(ThreadControlBlock t, boolean now) {
        if (t.checkedHeld == now) {
            fail("the policy holds each ready thread once", t.name + (now ? " was handed to the policy twice"
                    : " left the policy, which did not hold it"));
        }
        t.checkedHeld = now;
        held += now ? 1 : -1;
    }

    /** The end of an instant: every decision of the instant has been taken. */
    void endOfInstant(long now) {
        instants++;
        checkCpus();
        checkMoved(now);
        if (dispatcher.held != held) {
            fail("the policy holds each ready thread once", "the kernel counts " + dispatcher.held + " held, "
                    + held + " threads are");
        }
        if (promises.workConserving() && held > 0) {
            checkPromises();
        }
        if (!kernelObjects.objects.isEmpty()) {
            checkObjects();
        }
    }

    private void checkCpus() {
        for (CpuSlot c : cpus) {
            ThreadControlBlock t = c.current;
            if (t == null) {
                continue;
            }
            if (t.cpu != c) {
                fail("one thread per CPU", "cpu " + c.id + " runs " + t.name + ", which the kernel has on "
                        + (t.cpu == null ? "no CPU" : "cpu " + t.cpu.id));
            }
            if (t.state != ThreadState.RUNNING) {
                fail("a thread on a CPU is running", "cpu " + c.id + " has " + t.name + ", which is " + t.state);
            }
            if (!t.allowedOn(c.id)) {
                fail("a thread runs only where its affinity allows", t.name + " runs on cpu " + c.id);
            }
            for (CpuSlot d : cpus) {
                if (d != c && d.current == t) {
                    fail("a thread runs on one CPU at a time", t.name + " is on cpu " + c.id + " and cpu " + d.id);
                }
            }
        }
    }

    private void checkMoved(long now) {
        if (instant != now) {
            return; // nothing moved in this instant
        }
        for (int i = 0; i < moves; i++) {
            ThreadControlBlock t = moved[i];
            if (t.user) {
                continue; // the run-time system's to place
            }
            boolean onCpu = t.cpu != null && t.cpu.current == t;
            boolean ok = switch (t.state) {
                case RUNNING -> onCpu && !t.held && !t.checkedHeld;
                case READY -> t.held && t.cpu == null && t.checkedHeld;
                case BLOCKED, TERMINATED, NEW -> !t.held && t.cpu == null && !t.checkedHeld;
            };
            if (!ok) {
                fail("each thread is in exactly one place", t.name + " is " + t.state + (onCpu ? ", on cpu " + t.cpu.id : "")
                        + (t.held || t.checkedHeld ? ", held by the policy" : "")
                        + (t.cpu != null && !onCpu ? ", and the kernel has it on cpu " + t.cpu.id + " which runs someone else" : ""));
            }
        }
    }

    /**
     * Work conservation and the global order: no ready thread may find an idle CPU it is allowed on, nor a
     * CPU running a less urgent thread (unless that thread has interrupts off: the clock waits for sti).
     */
    private void checkPromises() {
        boolean idle = false;
        for (CpuSlot c : cpus) {
            idle |= c.current == null;
        }
        if (!idle && order.isEmpty()) {
            return;
        }
        for (ThreadControlBlock r : table.threads()) { // rare with a policy that keeps its promises: see above
            if (!r.checkedHeld) {
                continue;
            }
            for (CpuSlot c : cpus) {
                if (!r.allowedOn(c.id)) {
                    continue;
                }
                ThreadControlBlock t = c.current;
                if (t == null) {
                    broken("work conservation", "cpu " + c.id + " idles while " + r.name + " is ready");
                }
                if (order.isPresent() && !ClockInterrupt.interruptsOff(t) && order.get().compare(r, t) < 0) {
                    broken("a global order", r.name + " is ready and more urgent than " + t.name
                            + ", which runs on cpu " + c.id);
                }
            }
        }
    }

    private void checkObjects() {
        Set<ThreadControlBlock> waiting = new java.util.HashSet<>();
        for (KernelObjectEntry o : kernelObjects.objects.values()) {
            for (ObjectWaitQueue q : o.queues) {
                for (ObjectWaitQueue.Entry e : q.entries()) {
                    if (!waiting.add(e.caller)) {
                        fail("a waiter sits in one wait queue", e.caller.name + " waits in two, one of them "
                                + o.name + "'s " + q.name());
                    }
                    if (e.blocked.state != ThreadState.BLOCKED && e.caller.state != ThreadState.BLOCKED) {
                        fail("a waiter is blocked", e.caller.name + " waits in " + o.name + "'s " + q.name()
                                + " but is " + e.caller.state);
                    }
                }
            }
            Optional<String> broken = kernelObjects.guardObject(o, "brokenInvariant", () -> o.object.brokenInvariant());
            if (broken == null) {
                throw new OsimException(ErrorCode.PLUGIN_FAILURE, "kernel object '" + o.name + "' (type '"
                        + o.factory.type() + "') returned null from brokenInvariant");
            }
            if (broken.isPresent()) {
                throw new OsimException(ErrorCode.PLUGIN_FAILURE, "invariant broken at " + SimTime.formatMillis(engine.now())
                        + " ms" + after() + ": kernel object '" + o.name + "' (type '" + o.factory.type() + "'): " + broken.get());
            }
        }
    }

    /** The end of the run: CPU time is conserved. */
    void endOfRun() {
        long now = engine.now();
        long busy = 0;
        for (CpuSlot c : cpus) {
            Cpu hw = c.hw;
            busy += hw.busyNanos();
            if (hw.busyNanos() + hw.overheadNanos() > hw.freeAt(now)) {
                fail("CPU time is conserved", "cpu " + c.id + " was busy " + SimTime.formatMillis(hw.busyNanos())
                        + " ms and in overhead " + SimTime.formatMillis(hw.overheadNanos()) + " ms in "
                        + SimTime.formatMillis(now) + " ms");
            }
        }
        long used = 0;
        for (ThreadControlBlock t : table.threads()) {
            if (!t.user) {
                used += t.cpuUsed;
            }
        }
        if (used != busy) {
            fail("CPU time is conserved", "the threads used " + SimTime.formatMillis(used) + " ms of CPU time, the CPUs were busy "
                    + SimTime.formatMillis(busy) + " ms");
        }
    }

    /** How many instants were checked. */
    long instants() {
        return instants;
    }

    /** What moved in this instant, for a report: ", after A READY→RUNNING, B RUNNING→BLOCKED". */
    private String after() {
        if (moves == 0 || instant != engine.now()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(moves, 20); i++) {
            out.add(moved[i].name + " " + movedFrom[i] + "→" + movedTo[i]);
        }
        return ", after " + String.join(", ", out) + (moves > 20 ? " and " + (moves - 20) + " more" : "");
    }

    /** A rule of the kernel's own is broken: a defect of the mechanism. */
    private void fail(String rule, String detail) {
        throw new OsimException(ErrorCode.INTERNAL, "invariant broken at " + SimTime.formatMillis(engine.now()) + " ms"
                + after() + ": " + rule + ": " + detail);
    }

    /** A promise of the policy is broken: the policy is at fault. */
    private void broken(String promise, String detail) {
        throw policy.failure("its promise of " + promise, detail + after(), null);
    }
}
