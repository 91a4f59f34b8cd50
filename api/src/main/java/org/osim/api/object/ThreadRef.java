package org.osim.api.object;

/** What an object may know of a thread that calls it. Priorities: a larger number is more important. */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public interface ThreadRef {
    int id();

    /** {@code A}, or {@code A.worker} for a thread. */
    String name();

    int pid();

    String processName();

    /** The priority in force now (raised by priority inheritance, perhaps). */
    int priority();

    /** The priority the thread has of its own. */
    int basePriority();
}
