package org.osim.api.sched;

/** Who schedules a thread: the kernel, or a run-time system inside its process. */
public enum ThreadKind {
    KERNEL, USER
}
