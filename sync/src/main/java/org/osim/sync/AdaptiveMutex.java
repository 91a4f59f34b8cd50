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
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;

/**
 * The Solaris adaptive mutex (Silberschatz §6.9.1; Dhamdhere §6.11.4): on a multiprocessor, a thread that
 * finds the mutex held spins while the owner is running on another CPU — the owner will soon let go, and
 * spinning is cheaper than two context switches — and sleeps if the owner is not running, since then
 * the wait may be long. It re-decides at every try: an owner that blocks or is preempted sends the
 * spinners to sleep. Sleepers wait on a turnstile with priority inheritance.
 */
public final class AdaptiveMutex implements KernelObjectFactory {
    static final ParameterSpec<Long> SPIN = ParameterSpec.duration("spin", "1us",
            "how long one spin lasts before the spinner looks at the lock and its owner again");
    static final ParameterSpec<Boolean> INHERIT = ParameterSpec.bool("inherit", true,
            "priority inheritance for sleepers (Solaris turnstiles)");

    @Override
    public String type() {
        return "adaptive-mutex";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return "The Solaris adaptive mutex (Silberschatz §6.9.1): lock spins on the CPU while the owner runs on "
                + "another CPU and sleeps when it does not, looking again every 'spin'; unlock hands the mutex to "
                + "the first sleeper, or leaves it free for a spinner. Sleepers lend the owner their priority "
                + "(turnstiles). Counts the calls that spun, the time spent spinning, and those that spun and "
                + "then slept.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(SPIN, INHERIT);
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(OperationSpec.of("lock", true, "take the mutex: spin while its owner runs, else sleep"),
                OperationSpec.of("unlock", false, "let it go"),
                OperationSpec.of("trylock", false, "take it if free; returns 1 if taken, 0 if not"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        long spin = params.get(SPIN);
        if (params.get(INHERIT)) {
            context.inheritPriority();
        }
        WaitQueue turnstile = context.waitQueue(name + ".turnstile", QueueOrder.PRIORITY);
        return new KernelObject() {
            private ThreadRef owner;
            /** Spinners, by thread id: when each began to spin. */
            private final Map<Integer, Long> spinning = new HashMap<>();

            private void take(ThreadRef t) {
                owner = t;
                context.acquired(t);
            }

            /** The owner lets go: the first sleeper gets the mutex, or it is left free for a spinner. */
            private void release() {
                context.released(owner);
                owner = null;
                List<ThreadRef> sleepers = turnstile.waiters();
                if (!sleepers.isEmpty()) {
                    take(sleepers.get(0));
                    context.wake(turnstile, sleepers.get(0), 0);
                }
            }

            /** {@code t} stops spinning (it got the mutex, or goes to sleep). */
            private void stopSpinning(ThreadRef t) {
                Long since = spinning.remove(t.id());
                if (since != null) {
                    context.count("spin time (us)", (context.now() - since) / 1_000);
                }
            }

            @Override
            public Outcome invoke(Invocation call) {
                ThreadRef me = call.caller();
                switch (call.operation()) {
                    case "lock" -> {
                        if (owner == null) {
                            stopSpinning(me);
                            take(me);
                            return Outcome.done();
                        }
                        if (owner.id() == me.id()) {
                            return Outcome.fail(me.name() + " locks mutex " + name + " it already holds: it would wait for itself");
                        }
                        if (context.isRunning(owner)) {
                            if (spinning.putIfAbsent(me.id(), context.now()) == null) {
                                context.count("spun", 1);
                            }
                            return Outcome.spin(turnstile, spin);
                        }
                        if (spinning.containsKey(me.id())) {
                            context.count("spun, then slept", 1);
                            stopSpinning(me);
                        }
                        return Outcome.block(turnstile);
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
                            return Outcome.fail("unlock by " + me.name() + ", which does not hold mutex " + name
                                    + (owner == null ? " (nobody does)" : " (" + owner.name() + " does)"));
                        }
                        release();
                        return Outcome.done();
                    }
                    default -> throw new IllegalArgumentException("no operation " + call.operation());
                }
            }

            @Override
            public void threadExited(ThreadRef thread) {
                spinning.remove(thread.id());
                if (owner != null && owner.id() == thread.id()) {
                    release();
                }
            }
        };
    }
}
