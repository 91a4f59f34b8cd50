/** The built-in IPC mechanisms (message passing, mailboxes, pipes …), each a kernel-object plugin written against {@code osim-api} alone. */
package org.osim.ipc;
