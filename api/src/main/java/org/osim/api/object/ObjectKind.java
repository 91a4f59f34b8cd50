package org.osim.api.object;

/** What a kernel object is for. */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public enum ObjectKind {
    /** Synchronization: semaphores, mutexes, condition variables, barriers … */
    SYNC,
    /** Communication: mailboxes, pipes … */
    IPC
}
