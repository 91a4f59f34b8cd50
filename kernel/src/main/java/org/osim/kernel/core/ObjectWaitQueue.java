package org.osim.kernel.core;

import java.util.ArrayList;
import java.util.List;
import org.osim.api.object.QueueOrder;
import org.osim.api.object.ThreadRef;
import org.osim.api.object.WaitQueue;

/**
 * A wait queue of a kernel object, kept by the kernel. Each entry is the thread that called (which the
 * object sees) and the kernel thread that blocked for it (the same thread, or the kernel thread under
 * user-level threads).
 */
final class ObjectWaitQueue implements WaitQueue {
    /** One waiter. */
    static final class Entry {
        final ThreadControlBlock caller;
        final ThreadControlBlock blocked;
        final long since;
        final long seq;
        org.osim.hardware.Event timeout;

        Entry(ThreadControlBlock caller, ThreadControlBlock blocked, long since, long seq) {
            this.caller = caller;
            this.blocked = blocked;
            this.since = since;
            this.seq = seq;
        }
    }

    final KernelObjectEntry object;
    /** Whether its waiters wait for the object's holders (an edge of the wait-for graph). */
    final boolean waitsForHolders;
    private final String name;
    private final QueueOrder order;
    private final List<Entry> entries = new ArrayList<>(2);
    /** Holders of the part of the object this queue's waiters wait for, and since when. */
    final java.util.Map<ThreadControlBlock, Long> holders = new java.util.LinkedHashMap<>(0);
    private long seq;

    ObjectWaitQueue(KernelObjectEntry object, String name, QueueOrder order, boolean waitsForHolders) {
        this.object = object;
        this.waitsForHolders = waitsForHolders;
        this.name = name;
        this.order = order;
    }

    Entry add(ThreadControlBlock caller, ThreadControlBlock blocked, long now) {
        Entry e = new Entry(caller, blocked, now, seq++);
        entries.add(e);
        caller.objectWait = this;
        turnstileIn(caller);
        return e;
    }

    /** The entry woken next: the first, or the highest priority now (first among equals). */
    Entry next() {
        if (entries.isEmpty()) {
            return null;
        }
        if (order == QueueOrder.FIFO) {
            return entries.get(0);
        }
        Entry best = entries.get(0);
        for (Entry e : entries) {
            if (e.caller.priority > best.caller.priority) {
                best = e;
            }
        }
        return best;
    }

    Entry entryOf(ThreadControlBlock caller) {
        for (Entry e : entries) {
            if (e.caller == caller) {
                return e;
            }
        }
        return null;
    }

    /** Takes over an entry from another queue (the thread stays blocked). */
    Entry adopt(Entry from) {
        Entry e = new Entry(from.caller, from.blocked, from.since, seq++);
        entries.add(e);
        from.caller.objectWait = this;
        turnstileIn(from.caller);
        return e;
    }

    /** The waiters' entries, as they stand. */
    List<Entry> entries() {
        return entries;
    }

    void remove(Entry e) {
        if (entries.remove(e) && waitsForHolders && object.inheriting) {
            object.turnstiles.wake(object, e.caller, object.sleepers());
        }
        e.caller.objectWait = null;
    }

    private void turnstileIn(ThreadControlBlock caller) {
        if (waitsForHolders && object.inheriting) {
            object.turnstiles.sleep(object, caller);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public List<ThreadRef> waiters() {
        List<Entry> sorted = new ArrayList<>(entries);
        if (order == QueueOrder.PRIORITY) {
            sorted.sort((a, b) -> a.caller.priority != b.caller.priority ? Integer.compare(b.caller.priority, a.caller.priority)
                    : Long.compare(a.seq, b.seq));
        }
        List<ThreadRef> out = new ArrayList<>(sorted.size());
        sorted.forEach(e -> out.add(e.caller));
        return out;
    }
}
