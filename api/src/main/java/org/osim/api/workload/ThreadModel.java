package org.osim.api.workload;

/** How a process's threads are implemented (Tanenbaum §2.2.4–2.2.7). */
@org.osim.api.Api(org.osim.api.Api.Status.EXPERIMENTAL)
public enum ThreadModel {
    /** 1:1 — the kernel knows and schedules every thread. */
    KERNEL,
    /** N:1 — a run-time system in the process schedules its threads on the one kernel thread it has. */
    USER,
    /** M:N — user threads multiplexed over several kernel threads. */
    HYBRID,
    /** Scheduler activations (Anderson et al. 1992): the kernel gives the process virtual processors and upcalls its run-time system. */
    ACTIVATIONS
}
