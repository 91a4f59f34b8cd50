package org.osim.api.sched;

/**
 * The states of a thread (Tanenbaum Fig. 2-2, with NEW and TERMINATED added) and the legal moves between
 * them.
 */
public enum ThreadState {
    NEW, READY, RUNNING, BLOCKED, TERMINATED;

    /** Whether the kernel may move a thread from this state to {@code next}. */
    public boolean canMoveTo(ThreadState next) {
        return switch (this) {
            case NEW -> next == READY || next == TERMINATED;
            case READY -> next == RUNNING || next == TERMINATED;
            case RUNNING -> next == READY || next == BLOCKED || next == TERMINATED;
            case BLOCKED -> next == READY || next == TERMINATED;
            case TERMINATED -> false;
        };
    }
}
