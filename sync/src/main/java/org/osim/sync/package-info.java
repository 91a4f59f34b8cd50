/** The built-in synchronization primitives (semaphores, mutexes, monitors …), each a kernel-object plugin written against {@code osim-api} alone. */
package org.osim.sync;
