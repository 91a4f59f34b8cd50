package org.osim.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.object.Invocation;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.object.Outcome;
import org.osim.api.object.QueueOrder;
import org.osim.api.object.ThreadRef;
import org.osim.api.object.WaitQueue;
import org.osim.api.object.Waitable;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;

/**
 * A kernel mutex with Pthreads-style condition variables (Tanenbaum §2.3.6, Figs. 2-30 to 2-32): lock,
 * unlock and trylock; {@code wait c} releases the mutex and blocks on condition c in one atomic step, and
 * a signalled waiter re-acquires the mutex before it returns (Mesa semantics: it must re-check). With
 * {@code inherit: true} the owner inherits the priority of its most important waiter (priority
 * inheritance through turnstiles, chained, as in Solaris).
 */
public final class Mutex implements KernelObjectFactory {
    static final ParameterSpec<Boolean> INHERIT = ParameterSpec.bool("inherit", false,
            "priority inheritance: the owner runs at least at the priority of its most important waiter");
    static final ParameterSpec<String> ORDER = ParameterSpec.choice("order", "fifo", List.of("fifo", "priority"),
            "who gets the mutex next: the first waiter, or the most important");

    @Override
    public String type() {
        return "mutex";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return "A mutex with condition variables, as in Pthreads (Tanenbaum §2.3.6, Figs. 2-30 to 2-32). lock "
                + "takes it or sleeps; unlock hands it to the next waiter (only its owner may unlock); trylock never "
                + "sleeps. wait C atomically releases it and sleeps on condition C; signal C wakes one waiter of "
                + "C and broadcast C all, each re-acquiring the mutex before its wait returns (Mesa semantics). "
                + "inherit: true gives priority inheritance (Solaris turnstiles), chained through mutexes.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(INHERIT, ORDER);
    }

    @Override
    public boolean waitable() {
        return true; // a dispatcher object: waitfor can wait for it
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(OperationSpec.of("lock", true, "take the mutex, or sleep until it is free"),
                OperationSpec.of("unlock", false, "release it: the next waiter gets it"),
                OperationSpec.of("trylock", false, "take it if free; never sleeps (the value says whether it did)"),
                new OperationSpec("wait", 1, 1, true, "wait C: release the mutex and sleep on condition C, atomically"),
                new OperationSpec("signal", 1, 1, false, "signal C: wake one waiter of condition C"),
                new OperationSpec("broadcast", 1, 1, false, "broadcast C: wake every waiter of condition C"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        if (params.get(INHERIT)) {
            context.inheritPriority();
        }
        WaitQueue lockers = context.waitQueue(name + ".lock",
                params.get(ORDER).equals("priority") ? QueueOrder.PRIORITY : QueueOrder.FIFO);
        final class Impl implements KernelObject, Waitable {
            private ThreadRef owner;

            @Override
            public Map<String, Long> levels() {
                return Map.of("held", owner == null ? 0L : 1L);
            }
            private final Map<String, WaitQueue> conditions = new HashMap<>();

            private WaitQueue condition(String c) {
                return conditions.computeIfAbsent(c, k -> context.conditionQueue(name + "." + k));
            }

            private void take(ThreadRef t) {
                owner = t;
                context.acquired(t);
            }

            /** The owner lets go: the first lock waiter, if any, owns it and wakes. */
            private void release() {
                context.released(owner);
                owner = null;
                List<ThreadRef> waiting = lockers.waiters();
                if (!waiting.isEmpty()) {
                    take(waiting.get(0));
                    context.wake(lockers, waiting.get(0), 0);
                } else {
                    context.signalled(); // free: a waitfor may take it
                }
            }

            private Outcome notOwner(Invocation call) {
                return Outcome.fail(call.operation() + " by " + call.caller().name() + ", which does not hold mutex " + name
                        + (owner == null ? " (nobody does)" : " (" + owner.name() + " does)"));
            }

            /** A signalled waiter must re-acquire the mutex: it gets it now if free, else it waits for it. */
            private void signalled(WaitQueue c, ThreadRef t) {
                if (owner == null) {
                    take(t);
                    context.wake(c, t, 0);
                } else {
                    context.requeue(c, t, lockers);
                }
            }

            @Override
            public Outcome invoke(Invocation call) {
                ThreadRef me = call.caller();
                switch (call.operation()) {
                    case "lock" -> {
                        if (owner == null) {
                            take(me);
                            return Outcome.done();
                        }
                        if (owner.id() == me.id()) {
                            return Outcome.fail(me.name() + " locks mutex " + name + " it already holds: it would wait for itself");
                        }
                        return Outcome.block(lockers);
                    }
                    case "trylock" -> {
                        if (owner == null) {
                            take(me);
                            return Outcome.done(1);
                        }
                        return Outcome.done(0);
                    }
                    case "unlock" -> {
                        if (owner == null || owner.id() != me.id()) {
                            return notOwner(call);
                        }
                        release();
                        return Outcome.done();
                    }
                    case "wait" -> {
                        if (owner == null || owner.id() != me.id()) {
                            return notOwner(call);
                        }
                        release();
                        return Outcome.block(condition(call.arguments().get(0)));
                    }
                    case "signal" -> {
                        WaitQueue c = condition(call.arguments().get(0));
                        if (!c.isEmpty()) {
                            signalled(c, c.waiters().get(0));
                        }
                        return Outcome.done();
                    }
                    case "broadcast" -> {
                        WaitQueue c = condition(call.arguments().get(0));
                        for (ThreadRef t : c.waiters()) {
                            signalled(c, t);
                        }
                        return Outcome.done();
                    }
                    default -> throw new IllegalArgumentException("no operation " + call.operation());
                }
            }

            @Override
            public void threadExited(ThreadRef thread) {
                if (owner != null && owner.id() == thread.id()) {
                    release(); // a robust mutex: the next waiter gets it rather than waiting for ever
                }
            }

            @Override
            public boolean isSignalled(ThreadRef thread) {
                return owner == null;
            }

            @Override
            public java.util.Optional<String> brokenInvariant() {
                if (owner == null && !lockers.isEmpty()) {
                    return java.util.Optional.of("free, while " + lockers.size() + " wait to lock it (a lost wake-up)");
                }
                if (owner != null && lockers.waiters().stream().anyMatch(w -> w.id() == owner.id())) {
                    return java.util.Optional.of("its owner " + owner.name() + " waits to lock it");
                }
                return java.util.Optional.empty();
            }

            @Override
            public void satisfy(ThreadRef thread) {
                take(thread);
            }
        }
        return new Impl();
    }
}
