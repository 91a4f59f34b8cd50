package org.osim.hardware;

/**
 * One CPU: it executes for whoever the kernel dispatched, and spends overhead time (switching, interrupt
 * entry, system calls) that is kept apart from useful work.
 */
public final class Cpu {
    private final int id;
    private long busyNanos;
    private long overheadNanos;
    private long freeAt;

    public Cpu(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /**
     * Spends {@code nanos} of overhead starting at {@code now} (or when earlier overhead ends) and returns
     * when the CPU is free again.
     */
    public long chargeOverhead(long now, long nanos) {
        long start = Math.max(now, freeAt);
        overheadNanos += nanos;
        freeAt = start + nanos;
        return freeAt;
    }

    /** When work can start on this CPU, given the overhead already charged. */
    public long freeAt(long now) {
        return Math.max(now, freeAt);
    }

    /** Records {@code nanos} of useful work done. */
    public void addBusy(long nanos) {
        busyNanos += nanos;
    }

    public long busyNanos() {
        return busyNanos;
    }

    public long overheadNanos() {
        return overheadNanos;
    }
}
