/** The Standard Workload Format of the Parallel Workloads Archive: real traces of parallel machines. */
package org.osim.importers.swf;
