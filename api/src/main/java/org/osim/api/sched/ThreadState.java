package org.osim.api.sched;

/**
 * The states of a thread (Tanenbaum Fig. 2-2, with NEW and TERMINATED added) and the legal moves between
 * them.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public enum ThreadState {
    NEW, READY, RUNNING, BLOCKED, TERMINATED;

    /** Whether the kernel may move a thread from this state to {@code next}. */
    public boolean canMoveTo(ThreadState next) {
        return (MOVES[ordinal()] & (1 << next.ordinal())) != 0;
    }

    /** Bit sets of the legal next states, by ordinal: checked on every state change, so kept cheap. */
    private static final int[] MOVES = {
        bits(1, 4),     // NEW -> READY, TERMINATED
        bits(2, 4),     // READY -> RUNNING, TERMINATED
        bits(1, 3, 4),  // RUNNING -> READY, BLOCKED, TERMINATED
        bits(1, 4),     // BLOCKED -> READY, TERMINATED
        0,              // TERMINATED -> nothing
    };

    private static int bits(int... ordinals) {
        int b = 0;
        for (int o : ordinals) {
            b |= 1 << o;
        }
        return b;
    }
}
