package org.osim.api.sched;

/** Who schedules a thread: the kernel, or a run-time system inside its process. */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public enum ThreadKind {
    KERNEL, USER
}
