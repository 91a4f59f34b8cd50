package org.osim.kernel.core;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Solaris turnstiles (Silberschatz §6.9.1): the queue a thread sleeps in on a priority-inheriting object.
 * Each thread brings its own: the first to block on an object lends it the object, which keeps it while
 * anyone sleeps there; those that block after put theirs on the kernel's free list. A thread that wakes
 * takes one back — the object's own if it was the last sleeper, else one from the free list — so there
 * are never more turnstiles than threads, and an object without sleepers has none.
 */
final class Turnstiles {
    private final ArrayDeque<String> free = new ArrayDeque<>();
    /** The turnstile each thread carries, once it has slept and woken with another than its first. */
    private final Map<ThreadControlBlock, String> carried = new HashMap<>();
    private final BiConsumer<KernelObjectEntry, String> note;

    Turnstiles(BiConsumer<KernelObjectEntry, String> note) {
        this.note = note;
    }

    /** {@code t} goes to sleep on {@code o}. */
    void sleep(KernelObjectEntry o, ThreadControlBlock t) {
        String mine = carried.remove(t);
        if (mine == null) {
            mine = t.name + "'s turnstile";
        }
        if (o.turnstile == null) {
            o.turnstile = mine;
            note.accept(o, t.name + " blocks first: " + mine + " becomes " + o.name + "'s turnstile");
        } else {
            free.push(mine);
        }
    }

    /** {@code t} no longer sleeps on {@code o}; {@code sleepers} are left. */
    void wake(KernelObjectEntry o, ThreadControlBlock t, int sleepers) {
        if (sleepers == 0) {
            carried.put(t, o.turnstile);
            note.accept(o, t.name + ", the last sleeper, leaves with " + o.turnstile);
            o.turnstile = null;
        } else {
            carried.put(t, free.pop());
        }
    }
}
