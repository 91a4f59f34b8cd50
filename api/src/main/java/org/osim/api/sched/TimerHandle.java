package org.osim.api.sched;

/** A pending policy timer. */
public interface TimerHandle {
    /** Cancels it if it has not fired; cancelling twice is harmless. */
    void cancel();
}
