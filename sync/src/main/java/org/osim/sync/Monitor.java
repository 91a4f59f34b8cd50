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
 * A monitor (Hoare 1974, Brinch Hansen 1973; Tanenbaum §2.3.7): at most one thread inside, condition
 * variables to wait on, and a choice of what {@code signal} means. Hoare: the signalled thread runs at
 * once and the signaller waits (first in line to re-enter). Mesa: the signaller goes on and the signalled
 * thread re-enters later, so it must re-check. Brinch Hansen: signal is the last thing the signaller does
 * in the monitor: it leaves, and the signalled thread runs. Java-style monitors (Fig. 2-35) are Mesa
 * monitors with one condition: {@code wait}, {@code notify}, {@code notifyAll}.
 */
public final class Monitor implements KernelObjectFactory {
    static final ParameterSpec<String> SEMANTICS = ParameterSpec.choice("semantics", "mesa",
            List.of("hoare", "mesa", "brinch-hansen"), "what signal does to the signaller and the signalled thread");

    @Override
    public String type() {
        return "monitor";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return "A monitor (Hoare 1974; Brinch Hansen 1973; Tanenbaum §2.3.7): enter and leave it, wait C and signal C "
                + "inside it; one thread inside at a time. semantics: hoare — the signalled thread runs at once, the "
                + "signaller waits and re-enters first; mesa — the signaller goes on, the signalled thread re-enters "
                + "later and must re-check (as in Java and Pthreads); brinch-hansen — signal is the signaller's last "
                + "act in the monitor: it leaves. A signal with no waiter is lost. notify/notifyAll and a wait with "
                + "no condition use the one condition of a Java-style monitor (Fig. 2-35).";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(SEMANTICS);
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(OperationSpec.of("enter", true, "enter the monitor (synchronized), or wait to"),
                OperationSpec.of("leave", false, "leave it"),
                new OperationSpec("wait", 0, 1, true, "wait [C]: leave the monitor and sleep on condition C, atomically"),
                new OperationSpec("signal", 0, 1, true, "signal [C]: wake one waiter of C (Hoare: and wait yourself)"),
                new OperationSpec("broadcast", 0, 1, false, "broadcast [C]: wake all waiters of C; they re-enter one at a time, Mesa-style, whatever the semantics"),
                OperationSpec.of("notify", true, "Java: signal the monitor's one condition"),
                OperationSpec.of("notifyAll", false, "Java: broadcast the monitor's one condition"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        String semantics = params.get(SEMANTICS);
        WaitQueue entry = context.waitQueue(name + ".entry", QueueOrder.FIFO);
        WaitQueue urgent = context.waitQueue(name + ".urgent", QueueOrder.FIFO); // Hoare signallers, first back in
        return new KernelObject() {
            private ThreadRef inside;
            private final Map<String, WaitQueue> conditions = new HashMap<>();

            private WaitQueue condition(Invocation call) {
                String c = call.arguments().isEmpty() ? "this" : call.arguments().get(0);
                return conditions.computeIfAbsent(c, k -> context.conditionQueue(name + "." + k));
            }

            private void admit(ThreadRef t) {
                inside = t;
                context.acquired(t);
            }

            /** The thread inside leaves: a Hoare signaller first, then the first at the entrance. */
            private void vacate() {
                context.released(inside);
                inside = null;
                for (WaitQueue q : List.of(urgent, entry)) {
                    List<ThreadRef> w = q.waiters();
                    if (!w.isEmpty()) {
                        admit(w.get(0));
                        context.wake(q, w.get(0), 0);
                        return;
                    }
                }
            }

            private Outcome outside(Invocation call) {
                return Outcome.fail(call.operation() + " by " + call.caller().name() + ", which is not inside monitor " + name);
            }

            private boolean isInside(ThreadRef t) {
                return inside != null && inside.id() == t.id();
            }

            private Outcome signal(Invocation call, boolean all) {
                if (!isInside(call.caller())) {
                    return outside(call);
                }
                WaitQueue c = condition(call);
                if (c.isEmpty()) {
                    if (semantics.equals("brinch-hansen") && !all) {
                        vacate(); // still its last act in the monitor
                    }
                    return Outcome.done(0);
                }
                if (all || semantics.equals("mesa")) {
                    for (ThreadRef t : all ? c.waiters() : List.of(c.waiters().get(0))) {
                        context.requeue(c, t, entry); // re-enters when the monitor is free, and must re-check
                    }
                    return Outcome.done();
                }
                ThreadRef signalled = c.waiters().get(0);
                context.released(inside);
                if (semantics.equals("hoare")) {
                    admit(signalled);
                    context.wake(c, signalled, 0);
                    return Outcome.block(urgent); // the signaller waits, first to re-enter
                }
                inside = null; // Brinch Hansen: the signaller is out
                admit(signalled);
                context.wake(c, signalled, 0);
                return Outcome.done();
            }

            @Override
            public Outcome invoke(Invocation call) {
                ThreadRef me = call.caller();
                switch (call.operation()) {
                    case "enter" -> {
                        if (inside == null) {
                            admit(me);
                            return Outcome.done();
                        }
                        if (isInside(me)) {
                            return Outcome.fail(me.name() + " enters monitor " + name + " it is already in");
                        }
                        return Outcome.block(entry);
                    }
                    case "leave" -> {
                        if (!isInside(me)) {
                            return outside(call);
                        }
                        vacate();
                        return Outcome.done();
                    }
                    case "wait" -> {
                        if (!isInside(me)) {
                            return outside(call);
                        }
                        WaitQueue c = condition(call);
                        vacate();
                        return Outcome.block(c);
                    }
                    case "signal", "notify" -> {
                        return signal(call, false);
                    }
                    case "broadcast", "notifyAll" -> {
                        return signal(call, true);
                    }
                    default -> throw new IllegalArgumentException("no operation " + call.operation());
                }
            }

            @Override
            public void threadExited(ThreadRef thread) {
                if (isInside(thread)) {
                    vacate();
                }
            }
        };
    }
}
