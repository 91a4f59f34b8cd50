package org.osim.schedulers;

import java.util.Map;
import java.util.TreeMap;

/**
 * The availability profile of conservative backfilling (Mu'alem & Feitelson 2001): how many processors are free
 * from each instant on, given the running jobs' and the reservations' expected ends. A step function kept as
 * its breakpoints; times in nanoseconds.
 */
final class AvailabilityProfile {
    /** Free processors from each key until the next. */
    private final TreeMap<Long, Integer> free = new TreeMap<>();

    AvailabilityProfile(int processors) {
        free.put(Long.MIN_VALUE, processors);
    }

    /** The earliest start at or after {@code from} where {@code size} processors stay free for {@code duration}. */
    long earliest(long from, int size, long duration) {
        long start = from;
        while (true) {
            long end = end(start, duration);
            Long lacking = null; // the last stretch of the window without room
            for (Map.Entry<Long, Integer> e : free.tailMap(free.floorKey(start), true).entrySet()) {
                if (e.getKey() >= end) {
                    break;
                }
                if (e.getValue() < size) {
                    lacking = e.getKey();
                }
            }
            if (lacking == null) {
                return start;
            }
            // Any start before the end of that stretch overlaps it: try the first later stretch with room.
            Long next = free.higherKey(lacking);
            while (next != null && free.get(next) < size) {
                next = free.higherKey(next);
            }
            if (next == null) {
                throw new IllegalStateException("no room for " + size + " processors at any time in " + this);
            }
            start = next;
        }
    }

    /** Takes {@code size} processors over [from, to). */
    void reserve(long from, long to, int size) {
        add(from, to, -size);
    }

    /** Gives back {@code size} processors over [from, to). */
    void release(long from, long to, int size) {
        add(from, to, size);
    }

    /** The end of a stretch of {@code duration} (at least 1 ns, so that every reservation holds its place) from {@code start}. */
    static long end(long start, long duration) {
        long d = Math.max(1, duration);
        return start > Long.MAX_VALUE - d ? Long.MAX_VALUE : start + d;
    }

    /** Forgets the breakpoints before {@code now}: the past is not planned again. */
    void forgetBefore(long now) {
        Long floor = free.floorKey(now);
        if (floor != null && floor != Long.MIN_VALUE) {
            int value = free.get(floor);
            free.headMap(now, true).clear();
            free.put(Long.MIN_VALUE, value);
            free.put(now, value);
        }
    }

    private void add(long from, long to, int delta) {
        if (from >= to) {
            return;
        }
        split(from);
        if (to < Long.MAX_VALUE) {
            split(to);
        }
        for (Map.Entry<Long, Integer> e : free.subMap(from, true, to, false).entrySet()) {
            e.setValue(e.getValue() + delta);
        }
        merge(from);
        if (to < Long.MAX_VALUE) {
            merge(to);
        }
    }

    private void split(long at) {
        if (!free.containsKey(at)) {
            free.put(at, free.floorEntry(at).getValue());
        }
    }

    /** Drops the breakpoint at {@code at} if it changes nothing. */
    private void merge(long at) {
        Map.Entry<Long, Integer> before = free.lowerEntry(at);
        Integer here = free.get(at);
        if (before != null && here != null && before.getValue().equals(here)) {
            free.remove(at);
        }
    }

    @Override
    public String toString() {
        return free.toString();
    }
}
