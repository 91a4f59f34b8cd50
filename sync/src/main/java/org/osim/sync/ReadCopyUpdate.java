package org.osim.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Read-copy-update (Tanenbaum §2.3.10, Fig. 2-38): readers never block and read whatever version is
 * current when they enter; a writer publishes a new version with one atomic pointer swap; an old
 * version is reclaimed only after a <em>grace period</em> in which every reader that was inside when
 * it was replaced has left. {@code synchronize} (synchronize_rcu) makes the writer wait for that
 * grace period; without it, reclamation happens by itself when the grace period ends (call_rcu).
 */
public final class ReadCopyUpdate implements KernelObjectFactory {
    @Override
    public String type() {
        return "rcu";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SYNC;
    }

    @Override
    public String description() {
        return "Read-copy-update (Tanenbaum §2.3.10, Fig. 2-38): read_lock and read_unlock bracket a read-side "
                + "critical section, which never blocks and sees the version current when it began; update "
                + "publishes a new version atomically; the old one is reclaimed after a grace period in which "
                + "every reader inside at the update has left. synchronize waits for the grace period of every "
                + "reader inside now (synchronize_rcu); calling it inside a read section deadlocks, and the kernel "
                + "says so. Counts published and reclaimed versions, grace periods and the most versions alive at once.";
    }

    @Override
    public List<ParameterSpec<?>> parameters() {
        return List.of();
    }

    @Override
    public List<OperationSpec> operations() {
        return List.of(OperationSpec.of("read_lock", false, "enter a read-side critical section (never blocks); returns the version read"),
                OperationSpec.of("read_unlock", false, "leave it"),
                OperationSpec.of("update", false, "publish a new version; the old one goes when its readers have left"),
                OperationSpec.of("synchronize", true, "wait until every reader inside now has left (a grace period)"));
    }

    /** Readers still inside from before a point in time, and what to do when the last has left. */
    private static final class GracePeriod {
        final Set<Integer> readers;
        final Optional<Long> reclaims;
        final Optional<ThreadRef> waiter;

        GracePeriod(Set<Integer> readers, Optional<Long> reclaims, Optional<ThreadRef> waiter) {
            this.readers = readers;
            this.reclaims = reclaims;
            this.waiter = waiter;
        }
    }

    @Override
    public KernelObject create(String name, Parameters params, ObjectContext context) {
        // synchronize waits for readers: they "hold" the grace queue while a writer waits for them, so a
        // synchronize inside a read section is a cycle in the wait-for graph.
        WaitQueue grace = context.waitQueue(name + ".grace", QueueOrder.FIFO);
        return new KernelObject() {
            private long current = 1;
            /** Readers inside, by thread id: the version each reads, and how deeply nested. */
            private final Map<Integer, long[]> readers = new HashMap<>();
            private final Map<Integer, ThreadRef> refs = new HashMap<>();
            private final List<GracePeriod> pending = new ArrayList<>();
            private long alive = 1;

            private void begin(Optional<Long> reclaims, Optional<ThreadRef> waiter) {
                GracePeriod g = new GracePeriod(new LinkedHashSet<>(readers.keySet()), reclaims, waiter);
                context.count("grace periods", 1);
                if (g.readers.isEmpty()) {
                    end(g);
                    return;
                }
                pending.add(g);
                if (waiter.isPresent()) {
                    for (int id : g.readers) {
                        context.acquired(refs.get(id), grace);
                    }
                }
            }

            private void end(GracePeriod g) {
                g.reclaims.ifPresent(v -> {
                    alive--;
                    context.count("reclaimed", 1);
                    context.note("version " + v + " reclaimed (its readers have all left)");
                });
                g.waiter.ifPresent(w -> context.wake(grace, w, 0));
            }

            /** {@code id} left its read section: grace periods it held open may end. */
            private void left(int id) {
                ThreadRef t = refs.remove(id);
                boolean stillAwaited = false;
                for (Iterator<GracePeriod> it = pending.iterator(); it.hasNext(); ) {
                    GracePeriod g = it.next();
                    if (g.readers.remove(id) && g.readers.isEmpty()) {
                        it.remove();
                        end(g);
                    }
                }
                for (GracePeriod g : pending) {
                    stillAwaited |= g.waiter.isPresent() && g.readers.contains(id);
                }
                if (!stillAwaited) {
                    context.released(t, grace);
                }
            }

            @Override
            public Outcome invoke(Invocation call) {
                ThreadRef me = call.caller();
                switch (call.operation()) {
                    case "read_lock" -> {
                        long[] r = readers.get(me.id());
                        if (r != null) {
                            r[1]++; // nested: still the version it began with
                            return Outcome.done(r[0]);
                        }
                        readers.put(me.id(), new long[] {current, 1});
                        refs.put(me.id(), me);
                        context.note(me.name() + " reads version " + current);
                        return Outcome.done(current);
                    }
                    case "read_unlock" -> {
                        long[] r = readers.get(me.id());
                        if (r == null) {
                            return Outcome.fail("read_unlock by " + me.name() + ", which is not in a read section of " + name);
                        }
                        if (--r[1] == 0) {
                            readers.remove(me.id());
                            left(me.id());
                        }
                        return Outcome.done();
                    }
                    case "update" -> {
                        long old = current++;
                        alive++;
                        context.count("published", 1);
                        context.countMax("most versions alive", alive);
                        context.note(me.name() + " publishes version " + current);
                        begin(Optional.of(old), Optional.empty());
                        return Outcome.done(current);
                    }
                    case "synchronize" -> {
                        if (readers.isEmpty()) {
                            context.count("grace periods", 1); // nobody inside: over at once
                            return Outcome.done();
                        }
                        begin(Optional.empty(), Optional.of(me));
                        return Outcome.block(grace);
                    }
                    default -> throw new IllegalArgumentException("no operation " + call.operation());
                }
            }

            @Override
            public void threadExited(ThreadRef thread) {
                if (readers.remove(thread.id()) != null) {
                    left(thread.id()); // a reader that dies inside leaves it
                }
                pending.removeIf(g -> g.waiter.isPresent() && g.waiter.get().id() == thread.id() && g.reclaims.isEmpty());
            }
        };
    }
}
