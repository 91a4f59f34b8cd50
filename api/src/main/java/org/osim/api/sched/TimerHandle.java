package org.osim.api.sched;

/** A pending policy timer. */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public interface TimerHandle {
    /** Cancels it if it has not fired; cancelling twice is harmless. */
    void cancel();
}
