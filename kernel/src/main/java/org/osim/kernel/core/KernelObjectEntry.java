package org.osim.kernel.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osim.api.object.KernelObject;
import org.osim.api.object.KernelObjectFactory;
import org.osim.api.result.ObjectResult;

/** The kernel's entry for one kernel object: the plugin's instance, its queues, its holders and statistics. */
final class KernelObjectEntry {
    final String name;
    final KernelObjectFactory factory;
    KernelObject object;
    /** Whether holders inherit the priority of their waiters. */
    boolean inheriting;
    /** The kernel's turnstiles, and the one lent to it while threads sleep on it (inheriting objects only). */
    Turnstiles turnstiles;
    String turnstile;
    final List<ObjectWaitQueue> queues = new ArrayList<>(2);
    /** Who holds it now, and since when: edges of the wait-for graph, and hold times. */
    final Map<ThreadControlBlock, Long> holders = new LinkedHashMap<>();

    long operations;
    long blocks;
    long timeouts;
    long totalWait;
    long worstWait;
    long holdTime;
    long acquisitions;
    /** System calls a user-space fast path spared it ({@code fast} markers). */
    long avoided;
    final Map<String, Long> counters = new LinkedHashMap<>();
    final Map<String, Long> times = new LinkedHashMap<>();
    /** Threads in waitfor that name it, in the order they began to wait. */
    final List<DispatcherWait> dispatcherWaits = new ArrayList<>(0);
    /** Its timers not yet fired: while someone waits on it, they may still wake them. */
    int timers;

    KernelObjectEntry(String name, KernelObjectFactory factory) {
        this.name = name;
        this.factory = factory;
    }

    /** The levels last traced for a timeline, to trace only changes; null before the first. */
    java.util.Map<String, Long> tracedLevels;
    /** Whether an operation, a wake-up or a time-out touched it in the current instant (only while a timeline is drawn). */
    boolean touched;

    /** Threads in any of its wait queues. */
    long waiters() {
        long n = 0;
        for (ObjectWaitQueue q : queues) {
            n += q.size();
        }
        return n;
    }

    /** Threads asleep on it, waiting for its holders. */
    int sleepers() {
        int n = 0;
        for (ObjectWaitQueue q : queues) {
            if (q.waitsForHolders) {
                n += q.size();
            }
        }
        return n;
    }

    ObjectResult result(long end) {
        long hold = holdTime;
        for (long since : holders.values()) {
            hold += end - since;
        }
        for (ObjectWaitQueue q : queues) {
            for (long since : q.holders.values()) {
                hold += end - since;
            }
        }
        return new ObjectResult(name, factory.type(), operations, blocks, timeouts, totalWait, worstWait, acquisitions, hold, avoided, counters, times);
    }
}
