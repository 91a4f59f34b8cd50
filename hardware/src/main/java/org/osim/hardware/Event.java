package org.osim.hardware;

/**
 * Something that happens at a simulated instant. An event object may be scheduled again after it fired
 * (or was cancelled), so the hot paths of the kernel reuse a few events instead of allocating one per slice.
 */
public abstract class Event {
    final int rank;
    long time;
    /**
     * Rank and sequence number (the order of scheduling) in one key, rank in the top byte: the queue
     * compares two numbers, not three.
     */
    long order;
    int heapIndex = -1;

    /** @param rank the order among events of the same instant; see {@link EventRank} */
    protected Event(int rank) {
        if (rank < 0 || rank > 127) {
            throw new IllegalArgumentException("rank must be 0 to 127, got " + rank);
        }
        this.rank = rank;
    }

    /** Runs the event; {@link Engine#now()} is its time. */
    protected abstract void fire();

    public final boolean isScheduled() {
        return heapIndex >= 0;
    }

    public final long time() {
        return time;
    }

    public final int rank() {
        return rank;
    }

    /**
     * Its place among the events of its instant, valid while it is scheduled or firing: its rank in the top byte,
     * then the order in which events were scheduled. Smaller fires first.
     */
    public final long order() {
        return order;
    }

    /** An event that runs an action. */
    public static Event of(int rank, Runnable action) {
        return new Event(rank) {
            @Override
            protected void fire() {
                action.run();
            }
        };
    }
}
