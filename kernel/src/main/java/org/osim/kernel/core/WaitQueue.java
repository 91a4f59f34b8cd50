package org.osim.kernel.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;

/**
 * Threads blocked until something happens, woken first-come first-served. The kernel service that join,
 * wait, and the synchronization and IPC objects build on: {@link Kernel#sleepOn} blocks the running
 * thread on a queue, {@link Kernel#wakeOne} and {@link Kernel#wakeAll} make waiters runnable.
 */
public final class WaitQueue {
    private final String name;
    private final ArrayDeque<ThreadControlBlock> waiters = new ArrayDeque<>(0);

    public WaitQueue(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    public String name() {
        return name;
    }

    public boolean isEmpty() {
        return waiters.isEmpty();
    }

    public int size() {
        return waiters.size();
    }

    void add(ThreadControlBlock t) {
        waiters.addLast(t);
        t.waitingOn = this;
    }

    ThreadControlBlock poll() {
        ThreadControlBlock t = waiters.pollFirst();
        if (t != null) {
            t.waitingOn = null;
        }
        return t;
    }

    void remove(ThreadControlBlock t) {
        waiters.remove(t);
        t.waitingOn = null;
    }

    @Override
    public String toString() {
        return name;
    }
}
