package org.osim.kernel.core;

import java.util.function.Consumer;
import org.osim.hardware.Engine;
import org.osim.hardware.Event;
import org.osim.hardware.EventRank;

/**
 * CPUs running machine code in lockstep: each instruction takes one instruction time, so on n CPUs n completions
 * fall due at every instant, one after another. One event fires them all, in the order their own completion events
 * would have fired, and counts as many events: the same run, without n trips through the event queue per instant.
 *
 * <p>A CPU joins the instant's event only if nothing at all was scheduled since the previous one joined, so no other
 * event can fall between them. Between two of its CPUs the event looks at the queue, as the run loop would: if
 * something scheduled meanwhile is due first, or the run stops or reaches a limit, the CPUs not yet run wait in an
 * event of their own at the same place in the instant.
 */
final class Lockstep {
    private final Engine engine;
    private final Batch next;
    /** What a CPU's completion does: the thread goes on ({@link ThreadExecution#onCompletion}). */
    private final Consumer<CpuSlot> completion;

    Lockstep(Engine engine, int cpus, Consumer<CpuSlot> completion) {
        this.engine = engine;
        this.next = new Batch(cpus);
        this.completion = completion;
    }

    /** {@code c}'s current instruction ends at {@code end}: it goes on then, with the CPUs due at the same instant. */
    void schedule(CpuSlot c, long end) {
        Batch b = next;
        if (!b.isScheduled()) {
            engine.schedule(b, end);
        } else if (b.time() != end || engine.schedulings() != b.schedulingsAfterLast) {
            engine.schedule(c.completion, end); // something may stand between: it goes on by its own event
            return;
        }
        b.add(c);
        b.schedulingsAfterLast = engine.schedulings();
    }

    /** {@code c} stops where it is: it no longer goes on with the others (and an instant left with none is not fired). */
    void drop(CpuSlot c) {
        if (c.dueIn != null) {
            c.dueIn[c.dueAt] = null;
            Batch b = next;
            if (c.dueIn == b.cpus && --b.live == 0) {
                engine.cancel(b);
                b.count = 0;
            }
            c.dueIn = null;
        }
    }

    /** CPUs due at one instant, in the order their completions would fire. */
    private final class Batch extends Event {
        private CpuSlot[] cpus;
        /** The list being fired while the next instant's fills {@link #cpus}. */
        private CpuSlot[] firing;
        private int count;
        /** CPUs in {@link #cpus} still due. */
        private int live;
        private long schedulingsAfterLast;

        Batch(int capacity) {
            super(EventRank.COMPLETION);
            this.cpus = new CpuSlot[capacity];
            this.firing = new CpuSlot[capacity];
        }

        void add(CpuSlot c) {
            c.dueIn = cpus;
            c.dueAt = count;
            cpus[count++] = c;
            live++;
        }

        @Override
        protected void fire() {
            long place = order();
            CpuSlot[] mine = cpus;
            int n = count;
            cpus = firing;
            firing = mine;
            count = 0;
            live = 0;
            boolean first = true; // the run loop counted this event: it stands for the first CPU
            for (int i = 0; i < n; i++) {
                CpuSlot c = mine[i];
                if (c == null) {
                    continue; // it stopped while it waited
                }
                if (!first && (engine.dueNowBefore(place) || !engine.fireAnother())) {
                    rest(mine, i, n, place);
                    return;
                }
                first = false;
                mine[i] = null;
                c.dueIn = null;
                completion.accept(c);
            }
        }

        /** The CPUs from {@code from} on wait in an event of their own, at this one's place in the instant. */
        private void rest(CpuSlot[] mine, int from, int n, long place) {
            Batch rest = new Batch(n - from);
            for (int i = from; i < n; i++) {
                if (mine[i] != null) {
                    rest.add(mine[i]);
                    mine[i] = null;
                }
            }
            engine.scheduleInPlace(rest, engine.now(), place);
        }

        @Override
        public String toString() {
            return "lockstep of " + count + " cpu(s) at " + time();
        }
    }
}
