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

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Schedules {@code e} at {@code time}; if it is already scheduled it moves there (and goes behind its equals). */
    public void add(Event e, long time) {
        if (e.heapIndex >= 0) {
            remove(e);
        }
        e.time = time;
        e.order = ((long) e.rank << 56) | nextSeq++;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        e.heapIndex = size;
        heap[size++] = e;
        siftUp(e.heapIndex);
    }

    /** The next event without removing it, or {@code null}. */
    public Event peek() {
        return size == 0 ? null : heap[0];
    }

    /** Removes and returns the next event, or {@code null}. */
    public Event poll() {
        if (size == 0) {
            return null;
        }
        Event top = heap[0];
        removeAt(0);
        return top;
    }

    /** Removes {@code e} if scheduled; returns whether it was. */
    public boolean remove(Event e) {
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
