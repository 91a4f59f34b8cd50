package org.osim.sync;

import java.util.List;
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
            private long count = Math.min(params.get(INITIAL), max);

            @Override
            public Outcome invoke(Invocation call) {
                if (call.operation().equals("down")) {
                    if (count > 0) {
                        count--;
                        return Outcome.done(count);
                    }
                    return Outcome.block(sleepers);
                }
                if (context.wakeOne(sleepers, count).isEmpty()) {
                    count = Math.min(max, count + 1);
                    context.signalled(); // a waitfor may take it
                }
                return Outcome.done(count);
            }

            @Override
            public boolean isSignalled(ThreadRef thread) {
                return count > 0;
            }

            @Override
            public void satisfy(ThreadRef thread) {
                count--;
            }
        }
        return new Impl();
    }
}
