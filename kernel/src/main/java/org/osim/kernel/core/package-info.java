/** The mechanism: process and thread tables, the dispatcher, system calls, wait queues, accounting and the policy's safety net. */
package org.osim.kernel.core;
