package org.osim.api.object;

/** What a kernel object is for. */
public enum ObjectKind {
    /** Synchronization: semaphores, mutexes, condition variables, barriers … */
    SYNC,
    /** Communication: mailboxes, pipes … */
    IPC
}
