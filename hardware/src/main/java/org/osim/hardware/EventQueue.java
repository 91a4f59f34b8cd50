package org.osim.hardware;

import java.util.Arrays;

/**
 * The future event list: a binary min-heap ordered by (time, rank, sequence number). Each event knows
 * its heap slot, so cancelling is O(log n) and leaves no dead entries behind.
 */
public final class EventQueue {
    private Event[] heap = new Event[64];
    private int size;
    private long nextSeq;
    /**
     * The first event was {@link #take() taken} to be fired but still sits at the root: most events that fire
     * schedule themselves again (a CPU's next instruction, a timer's next period), and then it sinks to its new
     * place in one pass instead of leaving the root and coming back in two.
     */
    private boolean topTaken;

    public int size() {
        return topTaken ? size - 1 : size;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** How many times an event was scheduled so far: it changes whenever anything is scheduled. */
    public long schedulings() {
        return nextSeq;
    }

    /**
     * Schedules {@code e} at {@code time} in the place among its equals given by {@code order} (an {@link Event#order()}
     * of an event that stood there), instead of behind them.
     */
    public void addInPlace(Event e, long time, long order) {
        settle();
        insert(e, time, order);
    }

    /** Schedules {@code e} at {@code time}; if it is already scheduled it moves there (and goes behind its equals). */
    public void add(Event e, long time) {
        if (topTaken) {
            if (e == heap[0]) { // the event being fired schedules itself again
                topTaken = false;
                e.time = time;
                e.order = ((long) e.rank << 56) | nextSeq++;
                e.heapIndex = 0;
                siftDown(0);
                return;
            }
            settle();
        }
        insert(e, time, ((long) e.rank << 56) | nextSeq++);
    }

    /** Puts {@code e} (moved if it is in the queue) at its place for {@code time} and {@code order}. */
    private void insert(Event e, long time, long order) {
        if (e.heapIndex >= 0) {
            remove(e);
        }
        e.time = time;
        e.order = order;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        e.heapIndex = size;
        heap[size++] = e;
        siftUp(e.heapIndex);
    }

    /** The next event without removing it, or {@code null}. */
    public Event peek() {
        settle();
        return size == 0 ? null : heap[0];
    }

    /**
     * Removes and returns the next event, as {@link #poll()} does, for the engine to fire it: if it schedules
     * itself again before anything else touches the queue, it is moved rather than removed and added.
     */
    public Event take() {
        settle();
        if (size == 0) {
            return null;
        }
        Event top = heap[0];
        top.heapIndex = -1;
        topTaken = true;
        return top;
    }

    /** Finishes taking the first event out, if it was taken and did not come back. */
    private void settle() {
        if (topTaken) {
            topTaken = false;
            heap[0].heapIndex = 0; // still at the root, where removeAt finds it
            removeAt(0);
        }
    }

    /** Removes and returns the next event, or {@code null}. */
    public Event poll() {
        settle();
        if (size == 0) {
            return null;
        }
        Event top = heap[0];
        removeAt(0);
        return top;
    }

    /** Removes {@code e} if scheduled; returns whether it was. */
    public boolean remove(Event e) {
        settle();
        int i = e.heapIndex;
        if (i < 0 || i >= size || heap[i] != e) {
            return false;
        }
        removeAt(i);
        return true;
    }

    private void removeAt(int i) {
        Event gone = heap[i];
        gone.heapIndex = -1;
        size--;
        if (i == size) {
            heap[size] = null;
            return;
        }
        Event last = heap[size];
        heap[size] = null;
        heap[i] = last;
        last.heapIndex = i;
        siftDown(i);
        if (heap[i] == last) {
            siftUp(i);
        }
    }

    private static boolean less(Event a, Event b) {
        return a.time != b.time ? a.time < b.time : a.order < b.order;
    }

    private void siftUp(int i) {
        Event e = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Event p = heap[parent];
            if (!less(e, p)) {
                break;
            }
            heap[i] = p;
            p.heapIndex = i;
            i = parent;
        }
        heap[i] = e;
        e.heapIndex = i;
    }

    private void siftDown(int i) {
        Event e = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            Event c = heap[child];
            int right = child + 1;
            if (right < size && less(heap[right], c)) {
                child = right;
                c = heap[child];
            }
            if (!less(c, e)) {
                break;
            }
            heap[i] = c;
            c.heapIndex = i;
            i = child;
        }
        heap[i] = e;
        e.heapIndex = i;
    }
}
