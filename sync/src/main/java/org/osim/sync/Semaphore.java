package org.osim.sync;

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
 * Dijkstra's semaphore (Tanenbaum §2.3.5): {@code down} decrements the count or, at zero, blocks; {@code up}
 * wakes one sleeper, or increments the count if none sleeps. Both are atomic. With {@code max: 1} it is a
 * binary semaphore.
 */
public final class Semaphore implements KernelObjectFactory {
    static final ParameterSpec<Long> INITIAL = ParameterSpec.integer("initial", 0, 0, Long.MAX_VALUE, "the count it starts with");
    static final ParameterSpec<Long> MAX = ParameterSpec.integer("max", Long.MAX_VALUE, 1, Long.MAX_VALUE,
            "the largest count (1 for a binary semaphore); an up beyond it is lost, as the book's binary semaphore's is");
    static final ParameterSpec<String> ORDER = ParameterSpec.choice("order", "fifo", List.of("fifo", "priority"),
            "which sleeper an up wakes: the first, or the most important");

    @Override
    public String type() {
        return "semaphore";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return "A semaphore (Dijkstra 1965; Tanenbaum §2.3.5): an integer count. down decrements it if it is "
                + "positive, else the caller sleeps; up wakes one sleeper if there is one, else increments the count. "
                + "Each is one atomic action. Counting by default; max: 1 makes it binary. Fig. 2-28 solves the "
                + "producer-consumer problem with three of them (mutex, empty, full).";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(INITIAL, MAX, ORDER);
    }

    @Override
    public boolean waitable() {
        return true; // a dispatcher object: waitfor can wait for it
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(OperationSpec.of("down", true, "decrement, or sleep until an up (P, wait)"),
                OperationSpec.of("up", false, "wake a sleeper, or increment (V, signal)"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        long max = params.get(MAX);
        WaitQueue sleepers = context.waitQueue(name + ".sleepers",
                params.get(ORDER).equals("priority") ? QueueOrder.PRIORITY : QueueOrder.FIFO);
        final class Impl implements KernelObject, Waitable {
            private final long initial = Math.min(params.get(INITIAL), max);
            private long count = initial;

            @Override
            public Map<String, Long> levels() {
                return Map.of("value", count);
            }
            /** For the invariant: ups that counted (not lost at max), and downs that completed. */
            private long ups;
            private long downs;

            @Override
            public Outcome invoke(Invocation call) {
                if (call.operation().equals("down")) {
                    if (count > 0) {
                        count--;
                        downs++;
                        return Outcome.done(count);
                    }
                    return Outcome.block(sleepers);
                }
                if (context.wakeOne(sleepers, count).isPresent()) {
                    ups++;
                    downs++; // the sleeper's down completes with this up
                } else if (count < max) {
                    count++;
                    ups++;
                    context.signalled(); // a waitfor may take it
                } else {
                    context.signalled();
                }
                return Outcome.done(count);
            }

            @Override
            public java.util.Optional<String> brokenInvariant() {
                if (count < 0 || count > max) {
                    return java.util.Optional.of("count " + count + " outside 0.." + max);
                }
                if (count != initial + ups - downs) {
                    return java.util.Optional.of("count " + count + ", but initial " + initial + " + " + ups + " ups - "
                            + downs + " downs = " + (initial + ups - downs));
                }
                if (count > 0 && !sleepers.isEmpty()) {
                    return java.util.Optional.of("count " + count + " while " + sleepers.size() + " sleep in down (a lost wake-up)");
                }
                return java.util.Optional.empty();
            }

            @Override
            public boolean isSignalled(ThreadRef thread) {
                return count > 0;
            }

            @Override
            public void satisfy(ThreadRef thread) {
                count--;
                downs++;
            }
        }
        return new Impl();
    }
}
