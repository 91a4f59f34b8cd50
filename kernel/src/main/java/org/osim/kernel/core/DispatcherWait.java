package org.osim.kernel.core;

import java.util.List;
import org.osim.hardware.Event;

/** A thread in {@code waitfor}: the dispatcher objects it waits for, one of them or all. */
final class DispatcherWait {
    final ThreadControlBlock caller;
    final List<KernelObjectEntry> objects;
    final boolean all;
    final long since;
    final String label;
    /** The kernel thread that blocked for it (the caller, or its kernel thread under user-level threads). */
    ThreadControlBlock blocked;
    Event timeout;
    boolean done;

    DispatcherWait(ThreadControlBlock caller, List<KernelObjectEntry> objects, boolean all, long since, String label) {
        this.caller = caller;
        this.objects = objects;
        this.all = all;
        this.since = since;
        this.label = label;
    }
}
