package org.osim.api.sched;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A run queue ordered by a key the policy computes when it adds a task (shortest job first, earliest
 * deadline, virtual time …); equal keys leave in the order they came (first come, first served), as the
 * textbook's tie rule wants. The key is taken once, on {@link #add}: re-add a task to change it.
 * Experimental.
 */
public final class PriorityRunQueue {
    private record Entry(Task task, long key, long seq) {}

    private final PriorityQueue<Entry> heap = new PriorityQueue<>(
            Comparator.comparingLong(Entry::key).thenComparingLong(Entry::seq));
    private final Map<Task, Entry> entries = new IdentityHashMap<>();
    private long seq;

    /** Adds {@code task} with sort key {@code key}: the smallest key leaves first. */
    public void add(Task task, long key) {
        requireNonNull(task, "task is null");
        if (entries.containsKey(task)) {
            throw new IllegalStateException("task " + task.name() + " is already queued");
        }
        Entry e = new Entry(task, key, seq++);
        entries.put(task, e);
        heap.add(e);
    }

    /** Takes the task with the smallest key, or returns {@code null} if empty. */
    public Task poll() {
        Entry e = heap.poll();
        if (e == null) {
            return null;
        }
        entries.remove(e.task());
        return e.task();
    }

    /** The task with the smallest key without taking it, or {@code null} if empty. */
    public Task peek() {
        Entry e = heap.peek();
        return e == null ? null : e.task();
    }

    /** The smallest key; only when not empty. */
    public long peekKey() {
        Entry e = heap.peek();
        if (e == null) {
            throw new IllegalStateException("queue is empty");
        }
        return e.key();
    }

    public boolean remove(Task task) {
        Entry e = entries.remove(task);
        return e != null && heap.remove(e);
    }

    public boolean contains(Task task) {
        return entries.containsKey(task);
    }

    public int size() {
        return heap.size();
    }

    public boolean isEmpty() {
        return heap.isEmpty();
    }
}
