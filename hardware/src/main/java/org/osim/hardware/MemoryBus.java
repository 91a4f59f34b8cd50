package org.osim.hardware;

import java.util.IdentityHashMap;

/**
 * The memory bus (machine: { bus: true }): per-CPU caches kept coherent by invalidation, and one bus that
 * serializes the transactions, so that CPUs spinning on a shared word slow each other down (Tanenbaum
 * §2.3.3, TSL versus test-and-test-and-set).
 */
public final class MemoryBus {
    /** A bus tracks each cache line's holders in one 64-bit mask: so many CPUs at most. */
    public static final int MAX_CPUS = 64;

    private final long unit;
    private long freeAt;
    private long transactions;
    private long waited;
    /** For each word, a bit per CPU whose cache holds a valid copy of each element. */
    private final IdentityHashMap<long[], long[]> cached = new IdentityHashMap<>();

    /** @param unit what one access (a cache hit, or one bus transaction) takes, in nanoseconds */
    public MemoryBus(long unit) {
        if (unit < 1) {
            throw new IllegalArgumentException("a bus access takes at least 1 ns, got " + unit);
        }
        this.unit = unit;
    }

    /**
     * The time an access by {@code cpu} to element {@code index} of {@code word} takes at {@code now}. A load
     * that hits the CPU's cache, or a write to an element only this CPU holds, takes one unit; anything else
     * is a bus transaction of one unit, after waiting for the bus if another CPU has it. A write leaves the
     * element in this CPU's cache only (the others' copies are invalidated).
     */
    public long access(int cpu, long[] word, int index, boolean write, long now) {
        long[] valid = cached.computeIfAbsent(word, w -> new long[w.length]);
        long me = 1L << cpu;
        boolean hit = write ? valid[index] == me : (valid[index] & me) != 0;
        valid[index] = write ? me : valid[index] | me;
        if (hit) {
            return unit;
        }
        long start = Math.max(now, freeAt);
        freeAt = start + unit;
        transactions++;
        waited += start - now;
        return start - now + unit;
    }

    /** Bus transactions so far (cache misses and invalidating writes). */
    public long transactions() {
        return transactions;
    }

    /** Time CPUs have waited for the bus, in total. */
    public long waited() {
        return waited;
    }
}
