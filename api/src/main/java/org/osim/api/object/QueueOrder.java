package org.osim.api.object;

/** The order a wait queue wakes its threads in. */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public enum QueueOrder {
    /** First come, first woken. */
    FIFO,
    /** Highest priority first (larger number = more important), first come first among equals. */
    PRIORITY
}
