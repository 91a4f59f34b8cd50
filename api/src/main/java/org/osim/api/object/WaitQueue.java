package org.osim.api.object;

import java.util.List;

/**
 * A queue of threads blocked in an object, kept by the kernel (made with {@link ObjectContext#waitQueue}).
 * The object decides who waits and whom to wake; the kernel blocks, wakes and times out.
 */
@org.osim.api.Api(org.osim.api.Api.Status.STABLE)
public interface WaitQueue {
    String name();

    int size();

    boolean isEmpty();

    /** The waiters in the order they would be woken. */
    List<ThreadRef> waiters();
}
