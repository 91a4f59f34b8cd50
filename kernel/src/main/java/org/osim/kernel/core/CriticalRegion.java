package org.osim.kernel.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A critical region of machine-level programs ({@code want}/{@code enter}/{@code leave}): who is inside,
 * who is in its entry protocol, and the times the progress and starvation checks measure from.
 */
final class CriticalRegion {
    final List<ThreadControlBlock> inside = new ArrayList<>(2);
    final List<ThreadControlBlock> wanting = new ArrayList<>(2);
    /** Since when it has been free with one thread alone trying to enter; -1 if not. */
    long aloneSince = -1;
    /** The instructions that thread has executed since then. */
    int aloneSteps;
    /** When a thread last entered it; -1 if none has. */
    long lastEnter = -1;
    long entries;
    /** Entries announced by want, and the time from want to enter: summed, and the longest. */
    long waits;
    long totalWait;
    long worstWait;
    /** Whether its progress violation was reported. */
    boolean reported;
    /** Since when everyone inside has been ready but not running while a thread spins to get in; -1 if not. */
    long stuckSince = -1;
}
