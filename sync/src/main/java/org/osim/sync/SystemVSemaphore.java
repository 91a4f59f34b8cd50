package org.osim.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
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
 * Unix System V semaphores (Dhamdhere §6.11.2; Bach, ch. 11): an array of semaphores under one key, and
 * {@code semop} with a list of operations done atomically, all or nothing: the caller sleeps until all
 * can succeed. With {@code undo} (SEM_UNDO) the kernel keeps the caller's cumulative adjustment and
 * reverses it when the caller ends.
 */
public final class SystemVSemaphore implements KernelObjectFactory {
    static final ParameterSpec<List<Long>> VALUES = ParameterSpec.integers("values", "1", 0, Integer.MAX_VALUE,
            "the initial value of each semaphore in the array, separated by /: 1/1 is an array of two");

    @Override
    public String type() {
        return "sysv-semaphore";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return "System V semaphores (Dhamdhere §6.11.2): an array of semaphores under one key (semget); semop "
                + "takes a list of operations i:+n (add n to semaphore i), i:-n (subtract n, sleeping while it "
                + "would go below 0) and i:0 (sleep until it is 0), and does them atomically, all or none. With "
                + "'undo' (SEM_UNDO) the caller's total adjustment is reversed when it ends, so a killed process "
                + "gives back what it held. Taking two resources in one semop cannot deadlock; in two, it can. For the "
                + "deadlock check, a thread that took units of a semaphore that started above 0 holds them; one that "
                + "started at 0 counts events (a signal, as s[i] of Fig. 2-47), and taking from it holds nothing.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(VALUES);
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(new OperationSpec("semop", 1, 64, true,
                "semop I:OP … [undo]: e.g. 0:-1 1:-1 takes a unit of semaphores 0 and 1 at once"));
    }

    /** One operation of a semop: add {@code delta} to semaphore {@code index} (0 = wait for zero). */
    private record Op(int index, int delta) {}

    /** A semop that could not be done yet. */
    private record Pending(ThreadRef thread, List<Op> ops, boolean undo) {}

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        List<Long> initial = params.get(VALUES);
        int n = initial.size();
        long[] value = new long[n];
        List<WaitQueue> queues = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            value[i] = initial.get(i);
            queues.add(context.waitQueue(name + "[" + i + "]", QueueOrder.FIFO));
        }
        return new KernelObject() {
            private final List<Pending> pending = new ArrayList<>();
            /** SEM_UNDO: each thread's adjustment per semaphore, to reverse when it ends. */
            private final Map<Integer, long[]> undo = new HashMap<>();
            /** Units each thread holds per semaphore, for the wait-for graph. */
            private final Map<Integer, long[]> held = new HashMap<>();
            private final Map<Integer, ThreadRef> threads = new HashMap<>();

            private List<Op> parse(Invocation call) {
                List<Op> ops = new ArrayList<>();
                for (String a : call.arguments()) {
                    if (a.equals("undo")) {
                        continue;
                    }
                    int colon = a.indexOf(':');
                    try {
                        int i = Integer.parseInt(a.substring(0, colon));
                        int d = Integer.parseInt(a.substring(colon + 1).replace("+", ""));
                        if (i < 0 || i >= n) {
                            throw new IllegalArgumentException(name + " has semaphores 0 to " + (n - 1) + ", got " + i);
                        }
                        ops.add(new Op(i, d));
                    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                        throw new IllegalArgumentException("expected INDEX:DELTA such as 0:-1, got '" + a + "'", e);
                    }
                }
                if (ops.isEmpty()) {
                    throw new IllegalArgumentException("semop needs at least one INDEX:DELTA");
                }
                return ops;
            }

            /** The first semaphore the operations cannot proceed on now, or -1 if all can. */
            private int blocking(List<Op> ops) {
                long[] v = value.clone();
                for (Op op : ops) {
                    if (op.delta() == 0 ? v[op.index()] != 0 : v[op.index()] + op.delta() < 0) {
                        return op.index();
                    }
                    v[op.index()] += op.delta();
                }
                return -1;
            }

            private void apply(ThreadRef t, List<Op> ops, boolean withUndo) {
                threads.put(t.id(), t);
                long[] h = held.computeIfAbsent(t.id(), k -> new long[n]);
                for (Op op : ops) {
                    value[op.index()] += op.delta();
                    if (withUndo) {
                        undo.computeIfAbsent(t.id(), k -> new long[n])[op.index()] -= op.delta();
                    }
                    if (op.delta() < 0 && initial.get(op.index()) > 0) {
                        // A semaphore that starts at 0 counts events (s[i] of Fig. 2-47, full of Fig. 2-28): taking
                        // from it holds nothing others wait for. One that starts above 0 counts resources.
                        if (h[op.index()] == 0) {
                            context.acquired(t, queues.get(op.index()));
                        }
                        h[op.index()] -= op.delta();
                    } else if (op.delta() > 0 && h[op.index()] > 0) {
                        h[op.index()] = Math.max(0, h[op.index()] - op.delta());
                        if (h[op.index()] == 0) {
                            context.released(t, queues.get(op.index()));
                        }
                    }
                }
            }

            /** After a change, do every waiting semop that can now be done, in arrival order. */
            private void retry() {
                boolean progress = true;
                while (progress) {
                    progress = false;
                    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                        Pending p = it.next();
                        if (blocking(p.ops()) < 0) {
                            it.remove();
                            apply(p.thread(), p.ops(), p.undo());
                            for (WaitQueue q : queues) {
                                if (q.waiters().stream().anyMatch(w -> w.id() == p.thread().id())) {
                                    context.wake(q, p.thread(), 0);
                                    break;
                                }
                            }
                            progress = true;
                        }
                    }
                }
            }

            @Override
            public Outcome invoke(Invocation call) {
                List<Op> ops = parse(call);
                boolean withUndo = call.arguments().contains("undo");
                int stuck = blocking(ops);
                if (stuck < 0) {
                    apply(call.caller(), ops, withUndo);
                    retry();
                    return Outcome.done();
                }
                pending.add(new Pending(call.caller(), ops, withUndo));
                return Outcome.block(queues.get(stuck));
            }

            @Override
            public void threadExited(ThreadRef thread) {
                pending.removeIf(p -> p.thread().id() == thread.id());
                long[] adj = undo.remove(thread.id());
                if (adj != null) {
                    for (int i = 0; i < n; i++) {
                        value[i] += adj[i]; // SEM_UNDO: what it took comes back
                    }
                }
                long[] h = held.remove(thread.id());
                if (h != null) {
                    for (int i = 0; i < n; i++) {
                        if (h[i] > 0) {
                            context.released(thread, queues.get(i));
                        }
                    }
                }
                retry();
            }

            @Override
            public void timedOut(ThreadRef thread, WaitQueue queue) {
                pending.removeIf(p -> p.thread().id() == thread.id());
            }
        };
    }
}
