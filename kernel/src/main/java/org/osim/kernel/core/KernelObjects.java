package org.osim.kernel.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.osim.api.ErrorCode;
import org.osim.api.OsimException;
import org.osim.api.SimTime;
import org.osim.api.param.Parameters;
import org.osim.api.program.Instruction;
import org.osim.api.result.Termination;
import org.osim.api.result.Violation;
import org.osim.api.trace.TraceEvent;
import org.osim.api.workload.Workload;
import org.osim.hardware.Engine;
import org.osim.hardware.EventRank;

/**
 * The object table: the kernel objects a workload declares (semaphores, mutexes, mailboxes … each a plugin),
 * and the mechanism around their operations — {@code call} and its outcome, blocking with time-outs, wake-ups
 * with a value, {@code waitfor} on dispatcher objects, and what a thread's end undoes.
 */
final class KernelObjects {
    private final Engine engine;
    private final Workload workload;
    private final KernelOptions options;
    private final org.osim.api.RandomStreams streams;
    private final Tracer tracer;
    private final PendingEvents pending;
    private final List<Violation> violations;
    final java.util.Map<String, KernelObjectEntry> objects = new java.util.LinkedHashMap<>();
    /** The thread whose operation on an object is under way, and the operation: who a wake-up comes from. */
    private ThreadControlBlock invoking;
    private String invokingOperation = "";

    // Peers, wired once by Kernel.
    Dispatcher dispatcher;
    ProcessLifecycle lifecycle;
    UserLevelThreads userThreads;
    PriorityInheritance inheritance;
    TicketTransfer tickets;
    DeadlockDetector deadlocks;
    AddressSpaces memory;

    KernelObjects(Engine engine, Workload workload, KernelOptions options, org.osim.api.RandomStreams streams, Tracer tracer,
                  PendingEvents pending, List<Violation> violations) {
        this.engine = engine;
        this.workload = workload;
        this.options = options;
        this.streams = streams;
        this.tracer = tracer;
        this.pending = pending;
        this.violations = violations;
    }

    void createObject(org.osim.api.workload.ObjectSpec spec) {
        org.osim.api.object.KernelObjectFactory f = options.objectTypes().apply(spec.type());
        KernelObjectEntry o = new KernelObjectEntry(spec.name(), f);
        o.turnstiles = turnstiles;
        Parameters params = Parameters.resolve("kernel object '" + spec.name() + "' (" + f.type() + ")", f.parameters(), spec.params());
        SplittableRandom random = streams.stream("object[" + spec.name() + "]");
        org.osim.api.object.ObjectContext context = new KernelObjectContext(o, random, engine, workload, tracer, this);
        o.object = guardObject(o, "create", () -> {
            try {
                return requireNonNull(f.create(spec.name(), params, context), "create returned null");
            } catch (IllegalArgumentException e) { // a parameter the type could only check against the workload
                throw spec.at().map(w -> OsimException.badInput(w, "kernel object '" + spec.name() + "': " + e.getMessage()))
                        .orElseGet(() -> OsimException.badInput("kernel object '" + spec.name() + "': " + e.getMessage()));
            }
        });
        if (f.waitable() && !(o.object instanceof org.osim.api.object.Waitable)) {
            throw new OsimException(ErrorCode.PLUGIN_FAILURE, "kernel object type '" + f.type()
                    + "' says it is waitable, but its objects do not implement Waitable");
        }
        objects.put(spec.name(), o);
    }

    /** Runs a call into an object plugin; an exception from it ends the run naming the object and its type. */
    <T> T guardObject(KernelObjectEntry o, String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (OsimException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new OsimException(ErrorCode.PLUGIN_FAILURE, "kernel object '" + o.name + "' (type '" + o.factory.type()
                    + "') failed in " + what + " at " + SimTime.formatMillis(engine.now()) + " ms: threw " + e
                    + (e instanceof LinkageError ? ": the plugin was built against another osim-api than this osim's "
                            + org.osim.api.ApiVersion.current() + "; rebuild it against this one" : ""), e);
        }
    }

    /** A register named in a system call's argument, as a whole word: r3, or the r3 of 'r3:-1'. */
    private static final java.util.regex.Pattern REGISTER_ARGUMENT = java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])r([0-7])(?![A-Za-z0-9_])");

    boolean callObject(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.Call call) {
        KernelObjectEntry o = objects.get(call.object());
        if (o == null) {
            lifecycle.terminate(t.process, Termination.fatal("bad system call: no kernel object '" + call.object() + "'"));
            return false;
        }
        long timeout = Long.MAX_VALUE;
        List<String> args = new ArrayList<>(call.arguments().size());
        for (String a : call.arguments()) {
            if (a.startsWith("timeout=")) { // the kernel's, for any blocking operation
                timeout = SimTime.parse(a.substring("timeout=".length()));
            } else if (a.indexOf('r') >= 0 && REGISTER_ARGUMENT.matcher(a).find()) {
                // A system call's arguments are passed in registers: r3 (or the r3 of 'r3:-1') is the value r3 holds.
                java.util.regex.Matcher m = REGISTER_ARGUMENT.matcher(a);
                StringBuilder b = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(b, String.valueOf(t.context.registers == null ? 0 : t.context.registers[m.group(1).charAt(0) - '0']));
                }
                args.add(m.appendTail(b).toString());
            } else {
                args.add(a);
            }
        }
        if (t.spinningOn == null) {
            o.operations++;
        }
        org.osim.api.object.Invocation inv = new org.osim.api.object.Invocation(call.operation(), args, t);
        invoking = t;
        invokingOperation = call.operation();
        touch(o);
        org.osim.api.object.Outcome out;
        try {
            out = guardObject(o, call.operation(), () -> {
                try {
                    return o.object.invoke(inv);
                } catch (IllegalArgumentException e) {
                    return org.osim.api.object.Outcome.fail(e.getMessage());
                }
            });
        } finally {
            invoking = null;
        }
        if (out instanceof org.osim.api.object.Outcome.Spin spin) {
            ObjectWaitQueue q = (ObjectWaitQueue) spin.queue();
            boolean first = t.spinningOn == null;
            t.spinningOn = q;
            t.context.pc--; // the same call again, after the spin
            t.remaining = spin.nanos();
            if (first && q.waitsForHolders && deadlocks.checkWaitForCycle(t, q)) {
                Violation v = violations.remove(violations.size() - 1);
                violations.add(new Violation(v.kind(), v.time(), v.threads(), v.detail()
                        + "; " + t.name + " spins, and spinners never give up: the run stops here", v.schedule()));
                engine.stop();
                return false;
            }
            return true;
        }
        t.spinningOn = null;
        if (out instanceof org.osim.api.object.Outcome.Done done) {
            t.setResult(done.value());
            return true;
        }
        if (out instanceof org.osim.api.object.Outcome.Fail f) {
            lifecycle.terminate(t.process, Termination.fatal(call.object() + "." + call.operation() + ": " + f.reason()));
            return false;
        }
        org.osim.api.object.Outcome.Block b = (org.osim.api.object.Outcome.Block) out;
        ObjectWaitQueue q = (ObjectWaitQueue) b.queue();
        o.blocks++;
        long wait = Math.min(b.timeoutNanos(), timeout);
        ThreadControlBlock waiter = userThreads.blockInKernel(c, k, t, call.object() + "." + call.operation());
        ObjectWaitQueue.Entry e = q.add(t, waiter, engine.now());
        tickets.lendTickets(waiter);
        if (wait != Long.MAX_VALUE) {
            pending.wakeups++;
            e.timeout = engine.at(engine.now() + wait, EventRank.WAKEUP, () -> {
                pending.wakeups--;
                if (q.entryOf(t) == e) {
                    q.remove(e);
                    o.timeouts++;
                    touch(o);
                    t.setResult(TIMED_OUT);
                    accountWait(o, e);
                    guardObject(o, "timedOut", () -> {
                        o.object.timedOut(t, q);
                        return null;
                    });
                    dispatcher.wake(e.blocked);
                }
            });
        }
        if (q.waitsForHolders) {
            deadlocks.checkWaitForCycle(t, q);
            if (o.inheriting) {
                inheritance.lendPriority(o, new java.util.HashSet<>());
            }
        }
        return false;
    }

    /** {@code waitfor}: satisfied now, or the caller sleeps until it is (or its time-out). Returns false if it left the CPU. */
    boolean waitFor(CpuSlot c, ThreadControlBlock k, ThreadControlBlock t, Instruction.WaitFor w) {
        List<KernelObjectEntry> objs = new ArrayList<>(w.objects().size());
        for (String name : w.objects()) {
            KernelObjectEntry o = objects.get(name);
            if (o == null || !(o.object instanceof org.osim.api.object.Waitable)) {
                lifecycle.terminate(t.process, Termination.fatal("bad system call: no dispatcher object '" + name + "'"));
                return false;
            }
            o.operations++;
            objs.add(o);
        }
        DispatcherWait d = new DispatcherWait(t, objs, w.all(), engine.now(), w.toString());
        if (trySatisfy(d)) {
            return true;
        }
        for (KernelObjectEntry o : objs) {
            o.blocks++;
            o.dispatcherWaits.add(d);
        }
        d.blocked = userThreads.blockInKernel(c, k, t, w.toString());
        t.dispatcherWait = d;
        if (w.timeoutNanos() != Long.MAX_VALUE) {
            pending.wakeups++;
            d.timeout = engine.at(engine.now() + w.timeoutNanos(), EventRank.WAKEUP, () -> {
                pending.wakeups--;
                d.timeout = null;
                if (!d.done) {
                    for (KernelObjectEntry o : d.objects) {
                        o.timeouts++;
                    }
                    t.setResult(TIMED_OUT);
                    endDispatcherWait(d);
                    dispatcher.wake(d.blocked);
                }
            });
        }
        return false;
    }

    static org.osim.api.object.Waitable waitable(KernelObjectEntry o) {
        return (org.osim.api.object.Waitable) o.object;
    }

    /** Satisfies {@code d} if it can be: any — the first signalled object, in the order named; all — all of them at once. */
    boolean trySatisfy(DispatcherWait d) {
        ThreadControlBlock t = d.caller;
        if (d.all) {
            for (KernelObjectEntry o : d.objects) {
                if (!guardObject(o, "isSignalled", () -> waitable(o).isSignalled(t))) {
                    return false;
                }
            }
            for (KernelObjectEntry o : d.objects) {
                guardObject(o, "satisfy", () -> {
                    waitable(o).satisfy(t);
                    return null;
                });
            }
            t.setResult(0);
            return true;
        }
        for (int i = 0; i < d.objects.size(); i++) {
            KernelObjectEntry o = d.objects.get(i);
            if (guardObject(o, "isSignalled", () -> waitable(o).isSignalled(t))) {
                guardObject(o, "satisfy", () -> {
                    waitable(o).satisfy(t);
                    return null;
                });
                t.setResult(i); // WAIT_OBJECT_0 + i: which one it got
                return true;
            }
        }
        return false;
    }

    /** The waitfor {@code d} is over (satisfied, timed out, or its thread ended): it leaves every list. */
    void endDispatcherWait(DispatcherWait d) {
        d.done = true;
        d.caller.dispatcherWait = null;
        long waited = engine.now() - d.since;
        for (KernelObjectEntry o : d.objects) {
            o.dispatcherWaits.remove(d);
            o.totalWait += waited;
            o.worstWait = Math.max(o.worstWait, waited);
        }
        if (d.timeout != null && engine.cancel(d.timeout)) {
            pending.wakeups--;
        }
        d.timeout = null;
    }

    private final Turnstiles turnstiles = new Turnstiles(this::objectNote);

    void objectNote(KernelObjectEntry o, String what) {
        if (tracer.on()) {
            tracer.emit(new TraceEvent.ObjectNote(engine.now(), o.name, what));
        }
    }

    /** What kernel objects asked to be told when a process or thread ends ("process A", "thread A.t"). */
    private final java.util.Map<String, List<Runnable>> exitWatchers = new java.util.HashMap<>();

    /** Runs {@code action} when {@code what} ("process A", "thread A.t") ends. */
    void onExit(String what, Runnable action) {
        exitWatchers.computeIfAbsent(what, x -> new ArrayList<>()).add(action);
    }

    void exited(String what) {
        if (!exitWatchers.isEmpty()) {
            List<Runnable> watchers = exitWatchers.remove(what);
            if (watchers != null) {
                watchers.forEach(Runnable::run);
            }
        }
    }

    private final java.util.ArrayDeque<KernelObjectEntry> signalledObjects = new java.util.ArrayDeque<>();

    private boolean satisfying;

    /**
     * Object {@code o} may be signalled: the waits for it are satisfied in the order they began, while
     * they can be. Satisfying one may signal another object; that is done after, not inside.
     */
    void dispatcherSignalled(KernelObjectEntry o) {
        signalledObjects.add(o);
        if (satisfying) {
            return;
        }
        satisfying = true;
        try {
            for (KernelObjectEntry next; (next = signalledObjects.poll()) != null; ) {
                for (DispatcherWait d : new ArrayList<>(next.dispatcherWaits)) {
                    if (!d.done && trySatisfy(d)) {
                        endDispatcherWait(d);
                        dispatcher.wake(d.blocked);
                    }
                }
            }
        } finally {
            satisfying = false;
        }
    }

    /** The value a wait that timed out returns (ETIMEDOUT, negated as Linux returns it). */
    static final long TIMED_OUT = -110;

    void objectWake(ObjectWaitQueue q, ObjectWaitQueue.Entry e, long value) {
        if (tracer.timeline()) {
            touch(q.object);
            ThreadControlBlock by = invoking;
            tracer.emitTimeline(new TraceEvent.Woken(engine.now(), e.blocked.name, by == null ? "" : by.name, q.object.name,
                    by == null ? "" : invokingOperation));
        }
        e.caller.setResult(value);
        q.remove(e);
        if (e.timeout != null && engine.cancel(e.timeout)) {
            pending.wakeups--;
        }
        accountWait(q.object, e);
        dispatcher.wake(e.blocked);
        if (q.object.inheriting) {
            inheritance.lendPriority(q.object, new java.util.HashSet<>()); // one lender fewer
        }
    }

    private final List<KernelObjectEntry> touchedObjects = new ArrayList<>();

    /** Notes that {@code o} may have changed in this instant, when a timeline is drawn. */
    void touch(KernelObjectEntry o) {
        if (tracer.timeline() && !o.touched) {
            o.touched = true;
            touchedObjects.add(o);
        }
    }

    /** Before the run, while a timeline is drawn: every object's levels as it starts. */
    void traceInitialLevels() {
        if (!tracer.timeline()) {
            return;
        }
        objects.values().forEach(this::touch);
        traceLevels(engine.now());
    }

    /**
     * At the end of an instant, while a timeline is drawn: the levels of each object touched in it ({@code waiters}
     * and the object's own, {@link org.osim.api.object.KernelObject#levels()}), traced where they changed.
     */
    void traceLevels(long now) {
        for (KernelObjectEntry o : touchedObjects) {
            o.touched = false;
            java.util.Map<String, Long> own = guardObject(o, "levels", () -> o.object.levels());
            if (own == null) {
                throw new OsimException(ErrorCode.PLUGIN_FAILURE, "kernel object '" + o.name + "' (type '" + o.factory.type()
                        + "') returned null from levels");
            }
            java.util.Map<String, Long> levels = new java.util.LinkedHashMap<>();
            levels.put("waiters", o.waiters());
            levels.putAll(own);
            if (!levels.equals(o.tracedLevels)) {
                o.tracedLevels = levels;
                tracer.emitTimeline(new TraceEvent.ObjectLevels(now, o.name, levels));
            }
        }
        touchedObjects.clear();
    }

    void accountWait(KernelObjectEntry o, ObjectWaitQueue.Entry e) {
        long waited = engine.now() - e.since;
        o.totalWait += waited;
        o.worstWait = Math.max(o.worstWait, waited);
    }

    /** A thread ends: it leaves any object queue it waits in, and objects undo what it held. */
    void leaveObjects(ThreadControlBlock t) {
        if (t.dispatcherWait != null) {
            endDispatcherWait(t.dispatcherWait);
        }
        if (t.objectWait != null) {
            ObjectWaitQueue q = t.objectWait;
            ObjectWaitQueue.Entry e = q.entryOf(t);
            if (e != null) {
                q.remove(e);
                if (e.timeout != null && engine.cancel(e.timeout)) {
                    pending.wakeups--;
                }
            }
        }
        for (KernelObjectEntry o : objects.values()) {
            if (o.holders.containsKey(t) || t.objectWait != null || t.spinningOn != null || o.queues.stream().anyMatch(q -> q.holders.containsKey(t))) {
                touch(o);
                guardObject(o, "threadExited", () -> {
                    o.object.threadExited(t);
                    return null;
                });
            }
            Long since = o.holders.remove(t);
            if (since != null) {
                o.holdTime += engine.now() - since;
            }
            for (ObjectWaitQueue q : o.queues) {
                Long held = q.holders.remove(t);
                if (held != null) {
                    o.holdTime += engine.now() - held;
                }
            }
        }
    }

    /** Whether an object's timer is pending while someone waits on that object (a timer can wake only its own waiters). */
    boolean objectTimerMayWake() {
        for (KernelObjectEntry o : objects.values()) {
            if (o.timers > 0 && (!o.dispatcherWaits.isEmpty() || o.queues.stream().anyMatch(q -> !q.isEmpty()))) {
                return true;
            }
        }
        return false;
    }

    List<org.osim.api.result.ObjectResult> objectResults() {
        List<org.osim.api.result.ObjectResult> out = new ArrayList<>();
        for (KernelObjectEntry o : objects.values()) {
            out.add(o.result(engine.now()));
        }
        return out;
    }
}
