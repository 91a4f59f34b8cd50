package org.osim.sync;

import java.util.ArrayDeque;
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
import org.osim.api.object.QueueOrder;
import org.osim.api.object.ThreadRef;
import org.osim.api.object.WaitQueue;
import org.osim.api.param.ParameterSpec;
import org.osim.api.param.Parameters;

/**
 * A readers-writer lock (Tanenbaum §2.5.2, Fig. 2-48): readers share, a writer is alone. Who goes first
 * when both wait is the {@code prefer} parameter: readers (the book's solution, where a writer can
 * starve), writers, or {@code fifo} like Linux's rwsem (consecutive readers share, otherwise in order).
 */
public final class ReaderWriterLock implements KernelObjectFactory {
    static final ParameterSpec<String> PREFER = ParameterSpec.choice("prefer", "readers", List.of("readers", "writers", "fifo"),
            "who goes first when readers and writers wait");

    @Override
    public String type() {
        return "rwlock";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return "A readers-writer lock (Courtois, Heymans and Parnas 1971; Tanenbaum §2.5.2, Fig. 2-48): any number "
                + "of readers at once, or one writer. prefer: readers lets readers in while others read, so a steady "
                + "stream of readers starves writers (the book's solution); writers makes arriving readers wait while "
                + "a writer waits; fifo serves in arrival order, letting consecutive readers share (Linux rwsem).";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of(PREFER);
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(OperationSpec.of("read_lock", true, "enter as a reader"),
                OperationSpec.of("read_unlock", false, "leave as a reader"),
                OperationSpec.of("write_lock", true, "enter as the writer"),
                OperationSpec.of("write_unlock", false, "leave as the writer"));
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        String prefer = params.get(PREFER);
        WaitQueue queue = context.waitQueue(name + ".waiting", QueueOrder.FIFO);
        return new KernelObject() {
            private final Set<Integer> readers = new HashSet<>();
            private ThreadRef writer;

            @Override
            public java.util.Map<String, Long> levels() {
                java.util.Map<String, Long> levels = new java.util.LinkedHashMap<>();
                levels.put("readers", (long) readers.size());
                levels.put("writer", writer == null ? 0L : 1L);
                return levels;
            }
            /** Waiting writers, by thread id, to tell them from readers in the one queue. */
            private final Set<Integer> writersWaiting = new HashSet<>();
            private final ArrayDeque<ThreadRef> order = new ArrayDeque<>();

            /** When each waiting thread began to wait, by thread id. */
            private final java.util.Map<Integer, Long> since = new java.util.HashMap<>();

            /** Counts a grant and the wait before it, per side: writer starvation shows in the worst writer wait. */
            private void granted(ThreadRef t, String side) {
                Long from = since.remove(t.id());
                long wait = from == null ? 0 : context.now() - from;
                context.count(side + "s", 1);
                context.countTime(side + " wait", wait);
                context.countMaxTime("worst " + side + " wait", wait);
            }

            private void grantRead(ThreadRef t, boolean wake) {
                readers.add(t.id());
                granted(t, "read");
                context.acquired(t);
                if (wake) {
                    order.remove(t);
                    context.wake(queue, t, 0);
                }
            }

            private void grantWrite(ThreadRef t, boolean wake) {
                writer = t;
                granted(t, "write");
                context.acquired(t);
                if (wake) {
                    order.remove(t);
                    writersWaiting.remove(t.id());
                    context.wake(queue, t, 0);
                }
            }

            private boolean isWriter(ThreadRef t) {
                return writersWaiting.contains(t.id());
            }

            /** After a release: let in whom the preference says, while the lock allows. */
            private void admit() {
                if (writer != null) {
                    return;
                }
                List<ThreadRef> waiting = List.copyOf(order);
                switch (prefer) {
                    case "readers" -> {
                        waiting.stream().filter(t -> !isWriter(t)).forEach(t -> grantRead(t, true));
                        if (readers.isEmpty()) {
                            waiting.stream().filter(this::isWriter).findFirst().ifPresent(t -> grantWrite(t, true));
                        }
                    }
                    case "writers" -> {
                        var w = waiting.stream().filter(this::isWriter).findFirst();
                        if (w.isPresent()) {
                            if (readers.isEmpty()) {
                                grantWrite(w.get(), true);
                            }
                        } else {
                            waiting.forEach(t -> grantRead(t, true));
                        }
                    }
                    default -> { // fifo: the head goes; readers behind a reader go with it
                        for (ThreadRef t : waiting) {
                            if (isWriter(t)) {
                                if (readers.isEmpty()) {
                                    grantWrite(t, true);
                                }
                                return;
                            }
                            grantRead(t, true);
                        }
                    }
                }
            }

            @Override
            public Outcome invoke(Invocation call) {
                ThreadRef me = call.caller();
                switch (call.operation()) {
                    case "read_lock" -> {
                        boolean writerWaits = !writersWaiting.isEmpty();
                        boolean mayEnter = writer == null && switch (prefer) {
                            case "readers" -> true;
                            default -> !writerWaits && order.isEmpty();
                        };
                        if (mayEnter) {
                            grantRead(me, false);
                            return Outcome.done();
                        }
                        order.addLast(me);
                        since.put(me.id(), context.now());
                        return Outcome.block(queue);
                    }
                    case "write_lock" -> {
                        if (writer == null && readers.isEmpty() && order.isEmpty()) {
                            grantWrite(me, false);
                            return Outcome.done();
                        }
                        writersWaiting.add(me.id());
                        order.addLast(me);
                        since.put(me.id(), context.now());
                        return Outcome.block(queue);
                    }
                    case "read_unlock" -> {
                        if (!readers.remove(me.id())) {
                            return Outcome.fail("read_unlock by " + me.name() + ", which does not read " + name);
                        }
                        context.released(me);
                        admit();
                        return Outcome.done();
                    }
                    case "write_unlock" -> {
                        if (writer == null || writer.id() != me.id()) {
                            return Outcome.fail("write_unlock by " + me.name() + ", which does not write " + name);
                        }
                        context.released(me);
                        writer = null;
                        admit();
                        return Outcome.done();
                    }
                    default -> throw new IllegalArgumentException("no operation " + call.operation());
                }
            }

            @Override
            public void timedOut(ThreadRef thread, WaitQueue q) {
                since.remove(thread.id());
                order.remove(thread);
                writersWaiting.remove(thread.id());
                admit();
            }

            @Override
            public void threadExited(ThreadRef thread) {
                order.remove(thread);
                writersWaiting.remove(thread.id());
                if (readers.remove(thread.id())) {
                    admit();
                } else if (writer != null && writer.id() == thread.id()) {
                    writer = null;
                    admit();
                }
            }
        };
    }
}
