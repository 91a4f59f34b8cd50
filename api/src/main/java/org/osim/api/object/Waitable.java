package org.osim.api.object;

/**
 * A dispatcher object (Dhamdhere §6.11.5, Table 6.4; Silberschatz §6.9.2): at any moment signalled or
 * not, for a given thread. The kernel's {@code waitfor} tests it and, when a wait is satisfied, tells it
 * so, and the object does what a satisfied wait does to it: a synchronization event resets, a semaphore
 * counts down, a mutex gets an owner. A {@link KernelObject} whose factory says
 * {@link KernelObjectFactory#waitable()} implements this, and calls {@link ObjectContext#signalled()}
 * whenever it may have become signalled. Stable.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public interface Waitable {
    /** Whether a wait by {@code thread} would be satisfied now. */
    boolean isSignalled(ThreadRef thread);

    /** {@code thread}'s wait is satisfied by this object (it was signalled for it): take the wait's effect. */
    void satisfy(ThreadRef thread);
}
