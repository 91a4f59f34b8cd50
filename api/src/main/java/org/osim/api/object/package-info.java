/**
 * The kernel-object SPI: synchronization primitives and IPC mechanisms as plugins. The kernel owns
 * blocking, wait queues, wake-ups, time-outs, priority changes and the wait-for graph; an object type owns
 * the semantics. Stable: {@link org.osim.api.object.KernelObjectFactory},
 * {@link org.osim.api.object.KernelObject}, {@link org.osim.api.object.Outcome}.
 */
package org.osim.api.object;
