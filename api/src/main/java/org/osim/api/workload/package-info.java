/** The workload model: the machine, the processes and their threads and programs, as read from a workload file. */
package org.osim.api.workload;
