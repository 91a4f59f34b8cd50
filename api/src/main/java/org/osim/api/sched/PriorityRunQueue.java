package org.osim.api.sched;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A run queue ordered by a key the policy computes when it adds a task (shortest job first, earliest
 * deadline, virtual time …); equal keys leave in the order they came (first come, first served), as the
 * textbook's tie rule wants. The key is taken once, on {@link #add}: re-add a task to change it.
 *
 * <p>A binary heap over primitive arrays: {@link #add} and {@link #poll} take O(log n) and allocate
 * nothing; {@link #remove} and {@link #contains}, which the kernel needs only when a task is killed or
 * re-prioritized, scan in O(n). Experimental.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public final class PriorityRunQueue {
    private Task[] tasks = new Task[16];
    private long[] keys = new long[16];
    private long[] seqs = new long[16];
    private int size;
    private long seq;

    /** Adds {@code task} with sort key {@code key}: the smallest key leaves first. */
    public void add(Task task, long key) {
        requireNonNull(task, "task is null");
        if (size == tasks.length) {
            tasks = Arrays.copyOf(tasks, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
            seqs = Arrays.copyOf(seqs, size * 2);
        }
        siftUp(size++, task, key, seq++);
    }

    /** Takes the task with the smallest key, or returns {@code null} if empty. */
    public Task poll() {
        if (size == 0) {
            return null;
        }
        Task top = tasks[0];
        removeAt(0);
        return top;
    }

    /**
     * Takes the task with the smallest key among those allowed on {@code cpu} (their affinity), or returns
     * {@code null}. O(log n) when the first is allowed, as it is without affinity; a scan otherwise.
     */
    public Task poll(CpuView cpu) {
        if (size == 0 || tasks[0].allowedOn(cpu.id())) {
            return poll();
        }
        int best = -1;
        for (int i = 1; i < size; i++) {
            if (tasks[i].allowedOn(cpu.id()) && (best < 0 || less(keys[i], seqs[i], keys[best], seqs[best]))) {
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        Task t = tasks[best];
        removeAt(best);
        return t;
    }

    /** The task with the smallest key without taking it, or {@code null} if empty. */
    public Task peek() {
        return size == 0 ? null : tasks[0];
    }

    /** The smallest key; only when not empty. */
    public long peekKey() {
        if (size == 0) {
            throw new IllegalStateException("queue is empty");
        }
        return keys[0];
    }

    /** Removes {@code task} wherever it is (a linear scan). */
    public boolean remove(Task task) {
        for (int i = 0; i < size; i++) {
            if (tasks[i] == task) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    public boolean contains(Task task) {
        for (int i = 0; i < size; i++) {
            if (tasks[i] == task) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    private void removeAt(int i) {
        size--;
        Task t = tasks[size];
        long k = keys[size];
        long s = seqs[size];
        tasks[size] = null;
        if (i == size) {
            return;
        }
        siftDown(i, t, k, s);
        if (tasks[i] == t) {
            siftUp(i, t, k, s);
        }
    }

    private static boolean less(long k1, long s1, long k2, long s2) {
        return k1 < k2 || (k1 == k2 && s1 < s2);
    }

    private void siftUp(int i, Task t, long k, long s) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(k, s, keys[parent], seqs[parent])) {
                break;
            }
            tasks[i] = tasks[parent];
            keys[i] = keys[parent];
            seqs[i] = seqs[parent];
            i = parent;
        }
        tasks[i] = t;
        keys[i] = k;
        seqs[i] = s;
    }

    private void siftDown(int i, Task t, long k, long s) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(keys[right], seqs[right], keys[child], seqs[child])) {
                child = right;
            }
            if (!less(keys[child], seqs[child], k, s)) {
                break;
            }
            tasks[i] = tasks[child];
            keys[i] = keys[child];
            seqs[i] = seqs[child];
            i = child;
        }
        tasks[i] = t;
        keys[i] = k;
        seqs[i] = s;
    }
}
