package org.osim.sync;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osim.api.object.Invocation;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.object.ObjectContext;
import org.osim.api.object.ObjectKind;
import org.osim.api.object.OperationSpec;
import org.osim.api.object.Outcome;
import org.osim.api.object.ThreadRef;
import org.osim.api.object.WaitQueue;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;

/**
 * The sleep and wakeup system calls of Tanenbaum §2.3.4 (Fig. 2-27): {@code sleep} blocks the caller until
 * someone wakes it; {@code wakeup P} wakes thread P if it sleeps — and is lost if it does not, which is the
 * producer-consumer's fatal race. With the wakeup waiting bit, a wakeup sent to a thread that is awake is
 * kept, and its next sleep returns at once.
 */
public final class SleepWakeup implements KernelObjectFactory {
    static final ParameterSpec<Boolean> BIT = ParameterSpec.bool("wakeupWaitingBit", false,
            "keep a wakeup sent to a thread that is not sleeping; its next sleep then returns at once (§2.3.4)");

    @Override
    public String type() {
        return "sleep-wakeup";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return "Sleep and wakeup (Tanenbaum §2.3.4, Fig. 2-27): sleep blocks the caller until another thread calls "
                + "wakeup with its name; a wakeup sent to a thread that is not sleeping is lost (counted), which lets "
                + "the producer-consumer deadlock. wakeupWaitingBit: true keeps such a wakeup in a bit that the "
                + "thread's next sleep uses up, returning at once.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(BIT);
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(OperationSpec.of("sleep", true, "sleep until woken"),
                new OperationSpec("wakeup", 1, 1, false, "wakeup T: wake thread T if it sleeps here; else the wakeup is lost"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        boolean bit = params.get(BIT);
        WaitQueue sleepers = context.conditionQueue(name + ".sleepers");
        return new KernelObject() {
            private final Set<String> waiting = new HashSet<>();

            @Override
            public Outcome invoke(Invocation call) {
                if (call.operation().equals("sleep")) {
                    if (bit && waiting.remove(call.caller().name())) {
                        context.count("sleeps that used the wakeup waiting bit", 1);
                        return Outcome.done();
                    }
                    return Outcome.block(sleepers);
                }
                String who = call.arguments().get(0);
                for (ThreadRef t : sleepers.waiters()) {
                    if (t.name().equals(who)) {
                        context.wake(sleepers, t, 0);
                        return Outcome.done(1);
                    }
                }
                if (bit) {
                    waiting.add(who);
                    context.count("wakeups kept in the bit", 1);
                } else {
                    context.count("lost wakeups", 1);
                    context.note("wakeup of " + who + " by " + call.caller().name() + " is lost: " + who + " is not sleeping");
                }
                return Outcome.done(0);
            }
        };
    }
}
